// The DPoP proofs (RFC 9449 `jti`) a collector has accepted and must refuse when sent again. A
// proof is only acceptable while its `iat` is within the skew of now, so it is remembered until
// then and no longer. The cache holds at most `maxBytes / PROOF_BYTES` proofs and is never full in a way that refuses
// a visitor: when a new proof finds it full, the proof with the oldest `iat` is forgotten and the
// acceptance window shrinks past that `iat` (the "floor"), so a replay of what was forgotten is
// still refused while a proof made now is accepted. Proofs dated ahead of the collector's clock
// (devices whose clock runs fast, or a flood made to push the floor up to now) may hold at most
// half of the cache: the floor then stays behind proofs made with a correct clock.
import { hash } from 'node:crypto';

/** Why a proof is refused. */
export type ReplayRefusal = 'replayed' | 'too-old' | 'too-many-ahead';

export interface ReplayCacheOptions {
  /** Largest accepted |now - iat| (s): how long a proof stays replayable, so how long it is remembered. */
  skewSeconds: number;
  /** Memory for remembered proofs: at most `maxBytes / PROOF_BYTES` of them. */
  maxBytes: number;
}

/** Estimated memory of one remembered proof: a 22-character key in its second's set. */
export const PROOF_BYTES = 100;

/** Accepted proofs by `iat` second, at most `maxBytes / PROOF_BYTES` of them. */
export class ReplayCache {
  /** Keys of remembered proofs, grouped by `iat` (seconds); at most ~2 × skew + 1 groups. */
  private readonly bySecond = new Map<number, Set<string>>();
  private count = 0;
  /** Proofs with `iat` at or below this were possibly forgotten: they are refused. */
  private floor = Number.NEGATIVE_INFINITY;
  private readonly max: number;

  constructor(private readonly options: ReplayCacheOptions) {
    this.max = Math.floor(options.maxBytes / PROOF_BYTES);
  }

  /** Remembers the proof `jti` of `subject` signed at `iat` (s), seen at `now` (ms); the refusal, or null when it is new. */
  remember(subject: string, jti: string, iat: number, now: number): ReplayRefusal | null {
    const nowSeconds = Math.floor(now / 1000);
    this.forgetExpired(nowSeconds);
    // Fixed-size keys: memory does not depend on the jti's length, and subjects never collide.
    const key = hash('sha256', `${subject}.${jti}`, 'base64url').slice(0, 22);
    if (this.bySecond.get(iat)?.has(key)) return 'replayed';
    if (iat <= this.floor) return 'too-old';
    if (iat > nowSeconds && this.aheadOf(nowSeconds) >= this.max / 2) return 'too-many-ahead';
    if (this.count >= this.max) this.forgetOldest();
    let group = this.bySecond.get(iat);
    if (!group) {
      group = new Set();
      this.bySecond.set(iat, group);
    }
    group.add(key);
    this.count += 1;
    return null;
  }

  /** How many proofs are remembered. */
  get size(): number {
    return this.count;
  }

  private forgetExpired(nowSeconds: number): void {
    for (const [second, group] of this.bySecond) {
      if (second + this.options.skewSeconds >= nowSeconds) continue;
      this.bySecond.delete(second);
      this.count -= group.size;
    }
  }

  private aheadOf(nowSeconds: number): number {
    let n = 0;
    for (const [second, group] of this.bySecond) if (second > nowSeconds) n += group.size;
    return n;
  }

  private forgetOldest(): void {
    let oldest = Number.POSITIVE_INFINITY;
    for (const second of this.bySecond.keys()) oldest = Math.min(oldest, second);
    const group = this.bySecond.get(oldest)!;
    group.delete(group.values().next().value!);
    if (group.size === 0) this.bySecond.delete(oldest);
    this.count -= 1;
    this.floor = Math.max(this.floor, oldest);
  }
}
