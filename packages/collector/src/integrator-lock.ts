// Who runs the integrator when several collector processes share one store. Safety never depends
// on it (the store's compare-and-set on the tree size refuses a second writer of a step); the
// lock keeps the work, and the checkpoint signing, in one process at a time.

/** What a lock tells its owner. */
export interface IntegratorLockHandlers {
  /** This process now holds the lock: start sequencing. */
  onHeld(): void;
  /** This process lost the lock (its session died): stop sequencing. */
  onLost(): void;
}

/** One integrator at a time among the processes sharing a store. */
export interface IntegratorLock {
  /** Keeps trying to hold the lock, calling the handlers as it is taken and lost. */
  start(handlers: IntegratorLockHandlers): void;
  /** Whether this process holds the lock now. */
  readonly held: boolean;
  /** Stops trying and releases the lock if held (without calling `onLost`). */
  close(): Promise<void>;
}
