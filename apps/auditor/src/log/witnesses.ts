// The witnesses an auditor pins, checked in the browser against a checkpoint's cosignature lines
// (c2sp.org/tlog-cosignature): who cosigned and when, and whether the auditor's quorum is met.
// Pinned keys are the auditor's own choice: the collector's word is never needed to trust them.
// A witness that stopped cosigning is the alarm witnesses exist for: the older checkpoint it last
// cosigned must still be a prefix of the current one, or the log was rewritten or rolled back.
import {
  base64urlEncode,
  type Checkpoint,
  type NoteKey,
  parseCheckpoint,
  parseNote,
  parseWitnessKey,
  verifyCosignatures,
  type WitnessStatusAnswer,
} from '@consent-ledger/protocol';
import { type ConsistencySource, consistencyWith, type RewriteReason } from './log-health';

/** The witness keys an auditor pinned for one collector, and how many cosignatures they require. */
export interface PinnedWitnesses {
  vkeys: string[];
  /** At least 1 and at most `vkeys.length`. */
  quorum: number;
}

/** How one pinned witness stands with the checkpoint. */
export interface WitnessRow {
  name: string;
  vkey: string;
  /** `rewritten`: the checkpoint it last cosigned is not a prefix of this one (see `reason`). */
  state: 'cosigned' | 'missing' | 'invalid' | 'rewritten';
  /** When it cosigned (ISO 8601), for `cosigned`. */
  at: string | null;
  /**
   * For `missing` and `rewritten`: the older checkpoint it last cosigned, as the collector reports it
   * (its witnesses route) and this browser checked (the pinned key's cosignature of it), and how many entries it lags.
   */
  last: { size: number; behind: number; at: string } | null;
  /** For `rewritten`: why the current checkpoint does not extend the one it cosigned. */
  reason: RewriteReason | null;
}

/** The cosignatures of a checkpoint by the pinned witnesses. */
export interface WitnessCheck {
  rows: WitnessRow[];
  quorum: number;
  cosigned: number;
  /** Quorum met and no invalid cosignature or rewrite shown by a pinned witness. */
  met: boolean;
  /** Names on other signature lines (not the collector's, not pinned): unverified claims. */
  unpinned: string[];
}

/** The pinned keys that parse, as note keys with their vkey. */
export function pinnedKeys(pinned: PinnedWitnesses): Array<NoteKey & { vkey: string }> {
  return pinned.vkeys.flatMap((vkey) => {
    const key = parseWitnessKey(vkey);
    return key.ok ? [{ ...key.value, vkey }] : [];
  });
}

/**
 * Checks `note`'s cosignatures against the pinned witnesses; `logNames` are the collector's key names (not
 * witnesses); `proof` fetches the consistency proofs that check a lagging witness's older checkpoint.
 */
export async function checkWitnesses(
  note: string,
  pinned: PinnedWitnesses,
  logNames: string[],
  now = Date.now(),
  status: WitnessStatusAnswer | null = null,
  proof: ConsistencySource = () => Promise.reject(new Error('no consistency proof source')),
): Promise<WitnessCheck> {
  const keys = pinnedKeys(pinned);
  const report = await verifyCosignatures(note, keys, { now });
  const cosignatures = report.ok ? report.value.cosignatures : [];
  const invalid = report.ok ? report.value.invalid : [];
  const current = parseCheckpoint(note);
  const rows: WitnessRow[] = await Promise.all(
    keys.map(async (key): Promise<WitnessRow> => {
      const row = { name: key.name, vkey: key.vkey, at: null, last: null, reason: null };
      if (invalid.includes(key.name)) return { ...row, state: 'invalid' };
      const cosignature = cosignatures.find((c) => c.witness === key.name);
      if (cosignature) return { ...row, state: 'cosigned', at: cosignature.at };
      const lagging = current.ok ? await lastCosigned(key, status, current.value, now, proof) : null;
      return lagging ? { ...row, ...lagging } : { ...row, state: 'missing' };
    }),
  );
  const parsed = parseNote(note);
  const known = new Set([...logNames, ...keys.map((k) => k.name)]);
  const unpinned = parsed.ok
    ? [...new Set(parsed.value.signatures.map((s) => s.name).filter((n) => !known.has(n)))]
    : [];
  const cosigned = rows.filter((r) => r.state === 'cosigned').length;
  const quorum = Math.min(Math.max(1, pinned.quorum), Math.max(1, keys.length));
  const alarm = rows.some((r) => r.state === 'invalid' || r.state === 'rewritten');
  return { rows, quorum, cosigned, met: keys.length > 0 && !alarm && cosigned >= quorum, unpinned };
}

/**
 * The checkpoint `key` last cosigned by the collector's account, kept only when its cosignature verifies
 * here; `rewritten` when the current checkpoint does not extend it (a fork, or a log rolled back).
 */
async function lastCosigned(
  key: NoteKey,
  status: WitnessStatusAnswer | null,
  current: Checkpoint,
  now: number,
  proof: ConsistencySource,
): Promise<Pick<WitnessRow, 'state' | 'last' | 'reason'> | null> {
  const reported = status?.witnesses.find((w) => w.name === key.name && w.checkpoint);
  if (!reported?.checkpoint) return null;
  const older = parseCheckpoint(reported.checkpoint);
  const report = await verifyCosignatures(reported.checkpoint, [key], { now });
  const cosignature = report.ok ? report.value.cosignatures.find((c) => c.witness === key.name) : undefined;
  if (!older.ok || !cosignature) return null;
  const last = { size: older.value.size, behind: Math.max(0, current.size - older.value.size), at: cosignature.at };
  const seen = {
    origin: older.value.origin,
    size: older.value.size,
    rootHash: base64urlEncode(older.value.rootHash),
    note: reported.checkpoint,
    seenAt: cosignature.at,
  };
  const consistency = await consistencyWith(seen, current, base64urlEncode(current.rootHash), proof);
  return consistency.state === 'rewritten'
    ? { state: 'rewritten', last, reason: consistency.reason }
    : { state: 'missing', last, reason: null };
}
