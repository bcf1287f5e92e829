// Which logs a witness accepts, and with which keys. A log key covers the origins under its name:
// the origin equal to the key name (a C2SP log whose key name is its origin) or starting with
// `<name>/` (a collector: one key, one origin `<name>/sites/<site>` per site). Keys are pinned
// (`--log <vkey>`) or followed (`--follow <collector URL>`: its `/v1/keys`, re-read as it rotates).
// Either way the witness's state is per origin, not per key: a new key cannot rewrite a cosigned tree.
import { type Jwks, type NoteKey, noteKeysOf } from '@consent-ledger/protocol';

/** Options of a log policy. */
export interface LogPolicyOptions {
  /** Keys given as `--log` verifier keys. */
  pinned: NoteKey[];
  /** Collector base URLs whose `/v1/keys` are trusted (`--follow`). */
  follow: string[];
  fetch?: typeof fetch;
  /** Milliseconds since the epoch. */
  clock?: () => number;
  /** Where a failed refresh is reported. */
  log?: (message: string) => void;
}

/** How often followed collectors' keys are re-read, and at most how often an unknown origin makes them re-read sooner (ms). */
const REFRESH_MS = 300_000;
const MISS_REFRESH_MS = 10_000;
const FETCH_TIMEOUT_MS = 5_000;

/** Whether a log key named `name` covers checkpoints of `origin`. */
export function covers(name: string, origin: string): boolean {
  return origin === name || origin.startsWith(`${name}/`);
}

/** The logs a witness accepts. */
export class LogPolicy {
  private followed = new Map<string, NoteKey[]>();
  private refreshedAt = Number.NEGATIVE_INFINITY;
  private refreshing: Promise<void> | null = null;

  constructor(private readonly options: LogPolicyOptions) {}

  /** The keys trusted for `origin` (none: the origin is unknown); followed collectors are re-read on a miss. */
  async keysFor(origin: string): Promise<NoteKey[]> {
    const found = this.known(origin);
    if (found.length > 0 || this.options.follow.length === 0) return found;
    const now = this.now();
    if (now - this.refreshedAt < MISS_REFRESH_MS) return found;
    await this.refresh();
    return this.known(origin);
  }

  /** Every key trusted now, pinned then followed. */
  keys(): NoteKey[] {
    return [...this.options.pinned, ...[...this.followed.values()].flat()];
  }

  /** Re-reads every followed collector's keys (once at a time); a collector that does not answer keeps its last keys. */
  refresh(): Promise<void> {
    this.refreshing ??= Promise.all(this.options.follow.map((url) => this.read(url)))
      .then(() => undefined)
      .finally(() => {
        this.refreshedAt = this.now();
        this.refreshing = null;
      });
    return this.refreshing;
  }

  /** Re-reads followed keys every five minutes until the returned function is called. */
  start(): () => void {
    if (this.options.follow.length === 0) return () => undefined;
    void this.refresh();
    const timer = setInterval(() => void this.refresh(), REFRESH_MS);
    timer.unref?.();
    return () => clearInterval(timer);
  }

  private known(origin: string): NoteKey[] {
    return this.keys().filter((key) => covers(key.name, origin));
  }

  private async read(base: string): Promise<void> {
    const url = `${base.replace(/\/+$/, '')}/v1/keys`;
    try {
      const response = await (this.options.fetch ?? fetch)(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const keys = noteKeysOf((await response.json()) as Jwks);
      if (keys.length === 0) throw new Error('no named Ed25519 key');
      this.followed.set(base, keys);
    } catch (error) {
      this.options.log?.(`witness: cannot read the keys of ${url}: ${(error as Error).message}`);
    }
  }

  private now(): number {
    return (this.options.clock ?? Date.now)();
  }
}
