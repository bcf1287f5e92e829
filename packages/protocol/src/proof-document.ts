// The visitor's "Download my proof" file, checked offline: every receipt signed by the device,
// chained by `prev`, acknowledged by the collector and, where a proof is attached, in the log.
import { verifyAck } from './ack';
import type { NoteKey } from './checkpoint';
import { type Cosignature, quorumProblem, verifyCosignatures } from './cosignature';
import { verifyInclusionBundle } from './inclusion';
import type { Jwks } from './jwk';
import type { InclusionProofBundle } from './proof';
import { verifyReceipt } from './receipt';

/** What the SDK's `exportProof()` writes (the SDK re-exports this type). */
export interface ProofDocument {
  v: 1;
  site: string;
  subject: string;
  collector: string;
  exportedAt: string;
  keys: Jwks;
  receipts: Array<{ jws: string; ack: string | null; proof: InclusionProofBundle | null }>;
}

/** The checks of one receipt of a proof document; `null` when there was nothing to check (no ack, no proof). */
export interface ProofDocumentEntry {
  position: number;
  id: string | null;
  issuedAt: string | null;
  method: string | null;
  signature: boolean;
  prev: boolean;
  ack: boolean | null;
  inclusion: boolean | null;
  /** With `witnesses`: the valid cosignatures of the checkpoint its inclusion proof is against. */
  cosignatures: Cosignature[] | null;
  problems: string[];
}

/** The outcome of `verifyProofDocument`. */
export interface ProofDocumentReport {
  ok: boolean;
  /** False when no keys were given: acks and proofs were checked against the document's own keys. */
  trustedKeys: boolean;
  /** Receipts acknowledged and proven included; a receipt still pending has neither and is not a failure. */
  acknowledged: number;
  included: number;
  entries: ProofDocumentEntry[];
  /** Problems of the document as a whole. */
  problems: string[];
}

/**
 * Verifies a proof document: each receipt's device signature, that it is of the document's site and
 * subject, the `prev` chain in document order (the first receipt starts the chain), each ack
 * (signature, id, leafHash) and each inclusion proof (checkpoint signature, path); with `witnesses`,
 * the cosignatures of each proof's checkpoint (quorum). Never throws.
 */
export async function verifyProofDocument(
  doc: ProofDocument,
  options: { keys?: Jwks; witnesses?: NoteKey[]; witnessQuorum?: number; now?: number } = {},
): Promise<ProofDocumentReport> {
  const report: ProofDocumentReport = {
    ok: false,
    trustedKeys: options.keys !== undefined,
    acknowledged: 0,
    included: 0,
    entries: [],
    problems: [],
  };
  if (typeof doc !== 'object' || doc === null || doc.v !== 1 || !Array.isArray(doc.receipts)) {
    report.problems.push('not a proof document (v 1, site, subject, keys, receipts)');
    return report;
  }
  const keys = options.keys ?? doc.keys ?? { keys: [] };
  let prev: string | null = null;
  for (const [position, item] of doc.receipts.entries()) {
    const entry: ProofDocumentEntry = {
      position,
      id: null,
      issuedAt: null,
      method: null,
      signature: false,
      prev: false,
      ack: null,
      inclusion: null,
      cosignatures: null,
      problems: [],
    };
    report.entries.push(entry);
    const receipt = await verifyReceipt(item?.jws, { rules: 'logged' });
    if (!receipt.ok) {
      entry.problems.push(receipt.error.message);
      prev = null;
      continue;
    }
    const r = receipt.value.payload;
    Object.assign(entry, { id: r.id, issuedAt: r.issuedAt, method: r.method, signature: true });
    if (r.site !== doc.site || r.subject !== doc.subject)
      entry.problems.push('the receipt is of another site or subject');
    entry.prev = r.prev === prev;
    if (!entry.prev)
      entry.problems.push(
        position === 0 ? 'the first receipt does not start a chain' : 'prev is not the leaf hash of the receipt before',
      );
    prev = receipt.value.leafHash;
    if (item.ack) {
      const ack = await verifyAck(item.ack, keys);
      entry.ack =
        ack.ok &&
        ack.value.id === r.id &&
        ack.value.leafHash === receipt.value.leafHash &&
        ack.value.subject === r.subject;
      if (!ack.ok) entry.problems.push(ack.error.message);
      else if (!entry.ack) entry.problems.push('the ack is about another receipt');
      else report.acknowledged += 1;
    }
    if (item.proof) {
      const included = await verifyInclusionBundle(item.proof, keys, receipt.value.leafHash);
      entry.inclusion = included.ok && item.proof.id === r.id;
      if (!included.ok) entry.problems.push(included.error.message);
      else if (!entry.inclusion) entry.problems.push('the inclusion proof is about another entry');
      else report.included += 1;
      if (options.witnesses) await checkWitnesses(entry, item.proof.checkpoint, options.witnesses, options);
    }
  }
  report.ok = report.problems.length === 0 && report.entries.every((e) => e.problems.length === 0);
  return report;
}

/** Records the cosignatures of an entry's checkpoint by the required witnesses, and a problem when they fall short. */
async function checkWitnesses(
  entry: ProofDocumentEntry,
  checkpoint: string,
  witnesses: NoteKey[],
  options: { witnessQuorum?: number; now?: number },
): Promise<void> {
  const report = await verifyCosignatures(checkpoint, witnesses, { now: options.now });
  if (!report.ok) return;
  entry.cosignatures = report.value.cosignatures;
  const problem = quorumProblem(report.value, witnesses, options.witnessQuorum ?? witnesses.length);
  if (problem) entry.problems.push(problem.message);
}
