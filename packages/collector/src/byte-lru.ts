// A Map bounded by the memory its entries take, not by their number: each entry is given its
// estimated size when set, and the least recently used are forgotten while the total is over
// budget. The caches of the collector's hot paths use it, because a count cap says nothing about
// memory (an imported device key holds ~3 KB of native memory, a rate-limit bucket ~150 B).

/** Entries by key, least recently used forgotten beyond `maxBytes` of estimated size. */
export class ByteLru<K, V> {
  private readonly entries = new Map<K, { value: V; bytes: number }>();
  private used = 0;

  constructor(readonly maxBytes: number) {}

  /** The value of `key`, made the most recently used; undefined when not kept. */
  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Map order is insertion order: re-inserting makes it the most recent.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Keeps `value` under `key` as the most recently used, counted as `bytes`; an entry larger than the whole budget is not kept. */
  set(key: K, value: V, bytes: number): void {
    this.delete(key);
    if (bytes > this.maxBytes) return;
    while (this.used + bytes > this.maxBytes) this.delete(this.entries.keys().next().value as K);
    this.entries.set(key, { value, bytes });
    this.used += bytes;
  }

  /** Forgets `key`. */
  delete(key: K): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.used -= entry.bytes;
  }

  /** How many entries are kept. */
  get size(): number {
    return this.entries.size;
  }

  /** The estimated bytes of the entries kept. */
  get bytes(): number {
    return this.used;
  }
}
