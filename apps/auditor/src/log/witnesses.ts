// The witnesses an auditor pins, checked in the browser against a checkpoint's cosignature lines
// (c2sp.org/tlog-cosignature): who cosigned and when, and whether the auditor's quorum is met.
// Pinned keys are the auditor's own choice: the collector's word is never needed to trust them.
import {
  type NoteKey,
  parseCheckpoint,
  parseNote,
  parseWitnessKey,
  verifyCosignatures,
  type WitnessStatusAnswer,
} from '@consent-ledger/protocol';

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
  state: 'cosigned' | 'missing' | 'invalid';
  /** When it cosigned (ISO 8601), for `cosigned`. */
  at: string | null;
  /**
   * For `missing`: the older checkpoint it last cosigned, as the collector reports it (its witnesses
   * route) and this browser checked (the pinned key's cosignature of it), and how many entries it lags.
   */
  last: { size: number; behind: number; at: string } | null;
}

/** The cosignatures of a checkpoint by the pinned witnesses. */
export interface WitnessCheck {
  rows: WitnessRow[];
  quorum: number;
  cosigned: number;
  /** Quorum met and no invalid cosignature by a pinned witness. */
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

/** Checks `note`'s cosignatures against the pinned witnesses; `logNames` are the collector's key names (not witnesses). */
export async function checkWitnesses(
  note: string,
  pinned: PinnedWitnesses,
  logNames: string[],
  now = Date.now(),
  status: WitnessStatusAnswer | null = null,
): Promise<WitnessCheck> {
  const keys = pinnedKeys(pinned);
  const report = await verifyCosignatures(note, keys, { now });
  const cosignatures = report.ok ? report.value.cosignatures : [];
  const invalid = report.ok ? report.value.invalid : [];
  const size = parseCheckpoint(note);
  const rows: WitnessRow[] = await Promise.all(
    keys.map(async (key) => {
      const cosignature = cosignatures.find((c) => c.witness === key.name);
      const state = invalid.includes(key.name) ? 'invalid' : cosignature ? 'cosigned' : 'missing';
      const at = state === 'cosigned' ? (cosignature?.at ?? null) : null;
      const last = state === 'missing' && size.ok ? await lastCosigned(key, status, size.value.size, now) : null;
      return { name: key.name, vkey: key.vkey, state, at, last };
    }),
  );
  const parsed = parseNote(note);
  const known = new Set([...logNames, ...keys.map((k) => k.name)]);
  const unpinned = parsed.ok
    ? [...new Set(parsed.value.signatures.map((s) => s.name).filter((n) => !known.has(n)))]
    : [];
  const cosigned = rows.filter((r) => r.state === 'cosigned').length;
  const quorum = Math.min(Math.max(1, pinned.quorum), Math.max(1, keys.length));
  return { rows, quorum, cosigned, met: keys.length > 0 && invalid.length === 0 && cosigned >= quorum, unpinned };
}

/** The checkpoint `key` last cosigned by the collector's account, kept only when its cosignature verifies here. */
async function lastCosigned(
  key: NoteKey,
  status: WitnessStatusAnswer | null,
  size: number,
  now: number,
): Promise<WitnessRow['last']> {
  const reported = status?.witnesses.find((w) => w.name === key.name && w.checkpoint);
  if (!reported?.checkpoint) return null;
  const older = parseCheckpoint(reported.checkpoint);
  const report = await verifyCosignatures(reported.checkpoint, [key], { now });
  const cosignature = report.ok ? report.value.cosignatures.find((c) => c.witness === key.name) : undefined;
  if (!older.ok || !cosignature || older.value.size > size) return null;
  return { size: older.value.size, behind: size - older.value.size, at: cosignature.at };
}
