// "Verify", run in the auditor's browser with protocol code: the checkpoint's signature against the
// collector's published keys, then for each receipt its device signature, its `prev` link, its ack,
// the notice it names and its inclusion in that checkpoint. Leaf hashes are recomputed here from the
// JWS bytes; nothing the history says about them is taken on trust.

import type { SubjectHistory } from '@consent-ledger/protocol';
import {
  base64urlEncode,
  bytesEqual,
  type Checkpoint,
  type InclusionProofBundle,
  type Jwks,
  leafHash,
  noteKeysOf,
  parseCheckpoint,
  verifyAck,
  verifyCheckpoint,
  verifyInclusionBundle,
  verifyNotice,
  verifyReceipt,
} from '@consent-ledger/protocol';
import { checkWitnesses, type PinnedWitnesses, type WitnessCheck } from '../log/witnesses';

export type CheckState = 'pass' | 'fail' | 'skipped';
/** One check's outcome; `detail` says why it failed or was skipped (protocol's message, in English). */
export interface Check {
  state: CheckState;
  detail?: string;
}

export const RECEIPT_CHECKS = ['signature', 'prev', 'ack', 'notice', 'inclusion'] as const;
export type ReceiptCheckName = (typeof RECEIPT_CHECKS)[number];

/** The checks of one receipt of the history. */
export interface ReceiptVerification {
  index: number;
  id: string;
  checks: Record<ReceiptCheckName, Check>;
  ok: boolean;
}

/** The outcome of verifying a subject's history. */
export interface SubjectVerification {
  checkpoint: Check & { size?: number };
  receipts: ReceiptVerification[];
  /** The checkpoint's cosignatures by the auditor's pinned witnesses; null when none are pinned. */
  witnesses: WitnessCheck | null;
  ok: boolean;
}

/** What verification needs from outside: the keys and checkpoint it checks against, and fresh proofs. */
export interface VerifySources {
  keys: Jwks;
  /** The log's current checkpoint note. */
  checkpoint: string;
  /** The inclusion proof of entry `id` against the latest checkpoint, null while pending. */
  proof(id: string): Promise<InclusionProofBundle | null>;
  /** The witnesses the auditor pinned: then the checkpoint must carry their quorum of cosignatures. */
  witnesses?: PinnedWitnesses;
}

const pass: Check = { state: 'pass' };
const failed = (detail: string): Check => ({ state: 'fail', detail });
const skipped = (detail: string): Check => ({ state: 'skipped', detail });

/** Verifies every receipt of a history against the sources; never throws. */
export async function verifySubject(history: SubjectHistory, sources: VerifySources): Promise<SubjectVerification> {
  const checkpoint = await checkCheckpoint(sources, history.site);
  const receipts: ReceiptVerification[] = [];
  let previousLeaf: string | null = null;
  for (const receipt of history.receipts) {
    const checks = {} as Record<ReceiptCheckName, Check>;
    // A redacted receipt keeps only its leaf hash: the next link and its inclusion still check.
    const leaf = receipt.jws === null ? receipt.leafHash : base64urlEncode(leafHash(receipt.jws));
    if (receipt.jws === null) {
      const why = `redacted: ${receipt.redacted?.reason ?? 'payload removed'}`;
      checks.signature = skipped(why);
      checks.prev = skipped(why);
      checks.ack = skipped(why);
      checks.notice = skipped(why);
    } else {
      const verified = await verifyReceipt(receipt.jws, { rules: 'logged' });
      const payload = verified.ok ? verified.value.payload : null;
      if (!verified.ok) checks.signature = failed(verified.error.message);
      else if (payload!.subject !== history.subject || payload!.site !== history.site)
        checks.signature = failed('the receipt is of another subject or site');
      else if (payload!.id !== receipt.id)
        checks.signature = failed(`the signed id ${payload!.id} is not the entry's id ${receipt.id}`);
      else checks.signature = pass;
      const prev = payload?.prev ?? receipt.payload?.prev;
      checks.prev =
        prev === previousLeaf
          ? pass
          : failed(
              previousLeaf === null
                ? 'the first receipt must start a chain (prev null)'
                : 'prev is not the leaf hash of the previous receipt',
            );
      checks.ack = await checkAck(receipt.ack, sources.keys, {
        id: receipt.id,
        index: receipt.index,
        leaf,
        subject: history.subject,
      });
      checks.notice = await checkNotice(history, payload?.textHash ?? receipt.textHash, receipt.index, sources.keys);
    }
    checks.inclusion =
      checkpoint.state === 'pass'
        ? await checkInclusion(receipt, leaf, sources, history.site)
        : skipped('no verified checkpoint');
    receipts.push({
      index: receipt.index,
      id: receipt.id,
      checks,
      ok: RECEIPT_CHECKS.every((name) => checks[name].state !== 'fail'),
    });
    previousLeaf = leaf;
  }
  const witnesses =
    checkpoint.state === 'pass' && sources.witnesses && sources.witnesses.vkeys.length > 0
      ? await checkWitnesses(
          sources.checkpoint,
          sources.witnesses,
          noteKeysOf(sources.keys).map((k) => k.name),
        )
      : null;
  const ok =
    checkpoint.state === 'pass' &&
    (witnesses?.met ?? true) &&
    receipts.every((r) => r.ok && r.checks.inclusion.state === 'pass');
  return { checkpoint, receipts, witnesses, ok };
}

async function checkCheckpoint(sources: VerifySources, site: string): Promise<Check & { size?: number }> {
  const verified = await verifyCheckpoint(sources.checkpoint, noteKeysOf(sources.keys));
  if (!verified.ok) return failed(verified.error.message);
  if (!verified.value.origin.endsWith(`/sites/${site}`))
    return failed(`the checkpoint is of log ${verified.value.origin}, not of site ${site}`);
  return { state: 'pass', size: verified.value.size };
}

async function checkAck(
  ack: string | null,
  keys: Jwks,
  expected: { id: string; index: number; leaf: string; subject: string },
): Promise<Check> {
  if (ack === null) return failed('no acknowledgement stored');
  const verified = await verifyAck(ack, keys);
  if (!verified.ok) return failed(verified.error.message);
  const p = verified.value;
  if (p.id !== expected.id || p.subject !== expected.subject)
    return failed('the acknowledgement is about another receipt');
  if (p.leafHash !== expected.leaf) return failed('the acknowledged leaf hash is not the hash of this receipt');
  if (p.index !== expected.index)
    return failed(`the acknowledgement gives index ${p.index}, the log ${expected.index}`);
  return pass;
}

async function checkNotice(
  history: SubjectHistory,
  textHash: string | null,
  index: number,
  keys: Jwks,
): Promise<Check> {
  const record = textHash === null ? undefined : history.notices[textHash];
  if (!record) return failed('the notice this receipt names is not in the log');
  if (record.jws === null) return skipped('the notice was redacted');
  const verified = await verifyNotice(record.jws, keys);
  if (!verified.ok) return failed(verified.error.message);
  if (verified.value.textHash !== textHash) return failed('the notice is not the text whose hash the receipt signed');
  if (record.index >= index) return failed('the notice was appended after the receipt');
  return pass;
}

async function checkInclusion(
  receipt: SubjectHistory['receipts'][number],
  leaf: string,
  sources: VerifySources,
  site: string,
): Promise<Check> {
  const current = parseCheckpoint(sources.checkpoint);
  if (!current.ok) return failed(current.error.message);
  let bundle: InclusionProofBundle | null = 'status' in receipt.proof ? null : receipt.proof;
  // The history's proofs are against the checkpoint of its own time: fetch one against the current checkpoint if it moved on.
  if (!bundle || !sameCheckpoint(bundle.checkpoint, current.value)) {
    try {
      bundle = await sources.proof(receipt.id);
    } catch (error) {
      return failed(error instanceof Error ? error.message : String(error));
    }
  }
  if (!bundle) return skipped('not yet integrated into a checkpoint');
  if (!sameCheckpoint(bundle.checkpoint, current.value))
    return skipped('the log moved on while verifying: verify again');
  if (bundle.index !== receipt.index || bundle.id !== receipt.id || bundle.site !== site)
    return failed('the proof is about another entry');
  const verified = await verifyInclusionBundle(bundle, sources.keys, leaf);
  return verified.ok ? pass : failed(verified.error.message);
}

function sameCheckpoint(note: string, current: Checkpoint): boolean {
  const parsed = parseCheckpoint(note);
  return (
    parsed.ok &&
    parsed.value.size === current.size &&
    parsed.value.origin === current.origin &&
    bytesEqual(parsed.value.rootHash, current.rootHash)
  );
}
