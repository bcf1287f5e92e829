import { createStore, getMany, set, update } from 'idb-keyval';
import { logProblem } from '../core/log';

/** The few storage operations the runtime needs, over IndexedDB or, without it, memory. */
export interface Kv {
  readonly mode: 'indexeddb' | 'memory';
  getMany<T extends unknown[]>(keys: string[]): Promise<T>;
  set(key: string, value: unknown): Promise<void>;
  /** Atomic read-modify-write of one key (one IndexedDB transaction). */
  update<T>(key: string, updater: (old: T | undefined) => T): Promise<void>;
}

/** Keys of the one store, per site where it matters. */
export const keyOf = {
  decision: (site: string) => `decision:${site}`,
  config: (site: string) => `config:${site}`,
  receipts: (site: string) => `receipts:${site}`,
  gpc: (site: string) => `gpc:${site}`,
  keys: (collector: string) => `keys:${collector}`,
  device: () => 'device',
};

/** A Kv that lasts for this page view only. */
export function memoryKv(): Kv {
  const map = new Map<string, unknown>();
  return {
    mode: 'memory',
    getMany: async (keys) => keys.map((k) => map.get(k)) as never,
    set: async (key, value) => void map.set(key, value),
    update: async (key, updater) => void map.set(key, updater(map.get(key) as never)),
  };
}

/**
 * Opens the store and reads `keys` as a probe: when IndexedDB is missing or refuses (private
 * modes, blocked storage), falls back to memory and says so once in the console.
 */
export async function openKv(keys: string[]): Promise<{ kv: Kv; values: unknown[] }> {
  try {
    const store = createStore('consent-ledger', 'kv');
    const values = await getMany(keys, store);
    return {
      kv: {
        mode: 'indexeddb',
        getMany: (k) => getMany(k, store) as never,
        set: (k, v) => set(k, v, store),
        update: (k, u) => update(k, u, store),
      },
      values,
    };
  } catch (error) {
    logProblem('no-indexeddb', error);
    return { kv: memoryKv(), values: keys.map(() => undefined) };
  }
}
