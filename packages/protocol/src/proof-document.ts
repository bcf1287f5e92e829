// The visitor's "Download my proof" file, checked offline: every receipt signed by the device,
// chained by `prev`, acknowledged by the collector and, where a proof is attached, in the log.
// Format 2 is itself signed by the device, so nothing in the file can change unnoticed: not even
// the members no other signature covers (`collector`, `exportedAt`, the keys it lists).
import { verifyAck } from './ack';
import type { NoteKey } from './checkpoint';
import { type Cosignature, quorumProblem, verifyCosignatures } from './cosignature';
import { base64urlEncode, utf8 } from './encoding';
import { parseIJson } from './ijson';
import { verifyInclusionBundle } from './inclusion';
import { canonicalize } from './jcs';
import { type EcPublicJwk, exportPublicJwk, importPublicJwk, type Jwks, jwkThumbprint } from './jwk';
import { decodeJws, type KeyPair, signJws, verifyDecodedJws } from './jws';
import type { InclusionProofBundle } from './proof';
import { isIsoTimestamp, verifyReceipt } from './receipt';

export const PROOF_DOCUMENT_TYP = 'consent-proof+jws';

/** What the SDK's `exportProof()` writes (the SDK re-exports this type). */
export interface ProofDocument {
  /** 2 when `signature` is there; 1 for files written before. */
  v: 1 | 2;
  site: string;
  subject: string;
  collector: string;
  exportedAt: string;
  keys: Jwks;
  receipts: Array<{ jws: string; ack: string | null; proof: InclusionProofBundle | null }>;
  /**
   * Format 2: the device's detached ES256 JWS (`typ: consent-proof+jws`, header `jwk` = the
   * subject's key) over `proofDocumentPayload`: the document's other members, compact, in order.
   */
  signature?: string;
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
  /** The document's own device signature (format 2) checked; false for a format 1 file, whose `collector` and `exportedAt` no signature covers. */
  signed: boolean;
  /** Receipts acknowledged and proven included; a receipt still pending has neither and is not a failure. */
  acknowledged: number;
  included: number;
  entries: ProofDocumentEntry[];
  /** Problems of the document as a whole. */
  problems: string[];
}

/** Options of `verifyProofDocument`. */
export interface ProofDocumentOptions {
  /** The collector keys trusted (`GET /v1/keys`); else the document's own. */
  keys?: Jwks;
  /** Witnesses whose cosignatures of each proof's checkpoint are required. */
  witnesses?: NoteKey[];
  /** How many of them (default: all). */
  witnessQuorum?: number;
  /** Milliseconds since the epoch: cosignatures dated well after it are invalid. */
  now?: number;
}

const DOCUMENT_MEMBERS = ['v', 'site', 'subject', 'collector', 'exportedAt', 'keys', 'receipts', 'signature'];
const ITEM_MEMBERS = ['jws', 'ack', 'proof'];
const BUNDLE_MEMBERS = ['site', 'id', 'index', 'leafHash', 'treeSize', 'hashes', 'checkpoint'];

/** The members of `value` not in `allowed`, and those of `required` it lacks. */
function strayMembers(value: object, allowed: string[], required = allowed): string[] {
  const keys = Object.keys(value);
  return [...keys.filter((k) => !allowed.includes(k)), ...required.filter((k) => !keys.includes(k))];
}

/** The bytes a format 2 document's signature covers: every member but `signature`, compact JSON, in the document's order. */
export function proofDocumentPayload(doc: Omit<ProofDocument, 'signature'> & { signature?: string }): string {
  const { signature: _, ...rest } = doc;
  return JSON.stringify(rest);
}

/** Signs a proof document (format 2) with the device key pair: the detached JWS `verifyProofDocument` checks. */
export async function signProofDocument(
  doc: Omit<ProofDocument, 'signature' | 'v'>,
  device: KeyPair,
): Promise<ProofDocument> {
  const jwk = await exportPublicJwk(device.publicKey);
  const unsigned = { v: 2 as const, ...doc };
  const jws = await signJws(
    { alg: 'ES256', typ: PROOF_DOCUMENT_TYP, jwk },
    proofDocumentPayload(unsigned),
    device.privateKey,
  );
  const [header, , signature] = jws.split('.');
  return { ...unsigned, signature: `${header}..${signature}` };
}

/** Checks a format 2 document's device signature; the problem found, or null. */
async function signatureProblem(doc: ProofDocument): Promise<string | null> {
  if (typeof doc.signature !== 'string') return 'a format 2 document needs its signature';
  const parts = doc.signature.split('.');
  if (parts.length !== 3 || parts[1] !== '') return 'the signature is not a detached compact JWS';
  const attached = `${parts[0]}.${base64urlEncode(utf8(proofDocumentPayload(doc)))}.${parts[2]}`;
  const decoded = decodeJws(attached);
  if (!decoded.ok) return `signature: ${decoded.error.message}`;
  const { header } = decoded.value;
  if (header.alg !== 'ES256' || header.typ !== PROOF_DOCUMENT_TYP || header.jwk?.kty !== 'EC')
    return `the signature must be ES256, typ ${PROOF_DOCUMENT_TYP}, with the device's jwk`;
  if (jwkThumbprint(header.jwk) !== doc.subject) return "the signature is not by the subject's device key";
  let key: CryptoKey;
  try {
    key = await importPublicJwk(header.jwk as EcPublicJwk);
  } catch {
    return 'the signature key cannot be imported';
  }
  const verified = await verifyDecodedJws(decoded.value, key);
  return verified.ok ? null : 'the signature does not verify: the document was changed after the device signed it';
}

/**
 * Verifies a proof document: its shape (no member missing or unknown), the device's signature of
 * the whole document (format 2), each receipt's device signature, that it is of the document's
 * site and subject, the `prev` chain in document order (the first receipt starts the chain), each
 * ack (signature, id, leafHash, index) and each inclusion proof (checkpoint signature, path, site).
 * With trusted keys, every key the document lists must be one of them; with `witnesses`, the
 * cosignatures of each proof's checkpoint (quorum). Never throws.
 */
export async function verifyProofDocument(
  doc: ProofDocument,
  options: ProofDocumentOptions = {},
): Promise<ProofDocumentReport> {
  const report: ProofDocumentReport = {
    ok: false,
    trustedKeys: options.keys !== undefined,
    signed: false,
    acknowledged: 0,
    included: 0,
    entries: [],
    problems: [],
  };
  try {
    await check(doc, options, report);
  } catch {
    report.problems.push('the document cannot be checked');
  }
  report.ok = report.problems.length === 0 && report.entries.every((e) => e.problems.length === 0);
  return report;
}

/** Parses a proof file's text (one I-JSON document) and verifies it with `verifyProofDocument`. Never throws. */
export async function verifyProofFile(text: string, options: ProofDocumentOptions = {}): Promise<ProofDocumentReport> {
  const parsed = parseIJson(text);
  if (parsed.ok) return verifyProofDocument(parsed.value as ProofDocument, options);
  return {
    ok: false,
    trustedKeys: options.keys !== undefined,
    signed: false,
    acknowledged: 0,
    included: 0,
    entries: [],
    problems: [`the file is not one JSON document: ${parsed.error.message}`],
  };
}

async function check(doc: ProofDocument, options: ProofDocumentOptions, report: ProofDocumentReport): Promise<void> {
  const trusted = options.keys;
  if (
    typeof doc !== 'object' ||
    doc === null ||
    (doc.v !== 1 && doc.v !== 2) ||
    !Array.isArray(doc.receipts) ||
    typeof doc.site !== 'string' ||
    typeof doc.subject !== 'string'
  ) {
    report.problems.push('not a proof document (v, site, subject, collector, exportedAt, keys, receipts)');
    return;
  }
  const stray = strayMembers(doc, DOCUMENT_MEMBERS, doc.v === 2 ? DOCUMENT_MEMBERS : DOCUMENT_MEMBERS.slice(0, -1));
  if (stray.length > 0) report.problems.push(`unexpected or missing members: ${stray.join(', ')}`);
  if (typeof doc.collector !== 'string' || !isIsoTimestamp(doc.exportedAt))
    report.problems.push('collector must be a string and exportedAt an ISO 8601 UTC timestamp');
  if (doc.v === 2) {
    const problem = await signatureProblem(doc);
    if (problem) report.problems.push(problem);
    else report.signed = true;
  } else if (doc.signature !== undefined) report.problems.push('a format 1 document has no signature');
  const own = doc.keys ?? { keys: [] };
  if (trusted) {
    const known = new Set(trusted.keys.map((k) => canonicalize(k)));
    for (const jwk of Array.isArray(own.keys) ? own.keys : [])
      if (!known.has(canonicalize(jwk)))
        report.problems.push(`the document lists a key that is not one of the trusted keys (kid ${String(jwk?.kid)})`);
  }
  const keys = trusted ?? own;
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
    if (typeof item !== 'object' || item === null || strayMembers(item, ITEM_MEMBERS).length > 0) {
      entry.problems.push('a receipt item is { jws, ack, proof }');
      prev = null;
      continue;
    }
    const receipt = await verifyReceipt(item.jws, { rules: 'logged' });
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
    let ackIndex: number | null = null;
    if (item.ack !== null) {
      const ack = await verifyAck(item.ack, keys);
      entry.ack =
        ack.ok &&
        ack.value.id === r.id &&
        ack.value.site === r.site &&
        ack.value.leafHash === receipt.value.leafHash &&
        ack.value.subject === r.subject;
      if (!ack.ok) entry.problems.push(ack.error.message);
      else if (!entry.ack) entry.problems.push('the ack is about another receipt');
      else {
        report.acknowledged += 1;
        ackIndex = ack.value.index;
      }
    }
    if (item.proof !== null) {
      const bundle = item.proof;
      const shape = typeof bundle === 'object' && bundle !== null ? strayMembers(bundle, BUNDLE_MEMBERS) : ['proof'];
      const included = shape.length === 0 ? await verifyInclusionBundle(bundle, keys, receipt.value.leafHash) : null;
      entry.inclusion =
        included?.ok === true &&
        bundle.id === r.id &&
        bundle.site === doc.site &&
        (ackIndex === null || bundle.index === ackIndex);
      if (!included) entry.problems.push(`the inclusion proof has unexpected or missing members: ${shape.join(', ')}`);
      else if (!included.ok) entry.problems.push(included.error.message);
      else if (!entry.inclusion) entry.problems.push('the inclusion proof is about another entry');
      else report.included += 1;
      if (options.witnesses) await checkWitnesses(entry, bundle.checkpoint, options.witnesses, options);
    }
  }
}

/** Records the cosignatures of an entry's checkpoint by the required witnesses, and a problem when they fall short. */
async function checkWitnesses(
  entry: ProofDocumentEntry,
  checkpoint: string,
  witnesses: NoteKey[],
  options: ProofDocumentOptions,
): Promise<void> {
  const report = await verifyCosignatures(checkpoint, witnesses, { now: options.now });
  if (!report.ok) return;
  entry.cosignatures = report.value.cosignatures;
  const problem = quorumProblem(report.value, witnesses, options.witnessQuorum ?? witnesses.length);
  if (problem) entry.problems.push(problem.message);
}
