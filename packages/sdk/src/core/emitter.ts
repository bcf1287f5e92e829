/** A minimal typed event emitter: listeners never break the emitter or each other. */
export interface Emitter<M> {
  on<E extends keyof M>(event: E, listener: (value: M[E]) => void): () => void;
  /** Calls the event's listeners; false when it has none. */
  emit<E extends keyof M>(event: E, value: M[E]): boolean;
}

/** Creates an emitter for the event map `M`. */
export function createEmitter<M>(): Emitter<M> {
  const listeners = new Map<keyof M, Set<(value: never) => void>>();
  return {
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set.add(listener));
      return () => void set.delete(listener);
    },
    emit(event, value) {
      const called = [...(listeners.get(event) ?? [])];
      for (const listener of called) {
        // A page's listener that throws must not stop the runtime or the other listeners.
        try {
          (listener as (v: typeof value) => void)(value);
        } catch (error) {
          console.error(error);
        }
      }
      return called.length > 0;
    },
  };
}
