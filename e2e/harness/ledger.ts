// The collector's side of a scenario, as an auditor sees it: the SDK's receipts read back from the
// browser, the log's inclusion proofs checked with `protocol`, the auditor API and the export.
import {
  base64urlEncode,
  decodeJws,
  fromUtf8,
  type InclusionProofBundle,
  type Jwks,
  leafHash,
  type ProofDocument,
  type ReceiptPayload,
  type SubjectHistory,
  verifyAck,
  verifyInclusionBundle,
  verifyReceipt,
} from '@consent-ledger/protocol';
import type { Page } from 'playwright-core';
import { eventually, readIdb } from './browser';
import type { Collector } from './server';

/** A receipt as the SDK keeps it in IndexedDB (`receipts:<site>`). */
export interface StoredReceipt {
  id: string;
  jws: string;
  leafHash: string;
  payload: ReceiptPayload;
  status: 'acknowledged' | 'pending' | 'refused';
  ack: { jws: string; payload: { index: number; leafHash: string; receivedAt: string; id: string } } | null;
  error: { code: string; message: string } | null;
}

/** The receipts the SDK stored on this device for `site`, oldest first. */
export async function storedReceipts(page: Page, site: string): Promise<StoredReceipt[]> {
  return (await readIdb<StoredReceipt[]>(page, `receipts:${site}`)) ?? [];
}

/** Waits until the device holds `count` acknowledged receipts for `site` and returns them all. */
export function acknowledged(page: Page, site: string, count: number, timeoutMs = 10_000): Promise<StoredReceipt[]> {
  return eventually(
    `${count} acknowledged receipt(s) in IndexedDB`,
    async () => {
      const list = await storedReceipts(page, site);
      return list.filter((r) => r.status === 'acknowledged').length >= count && list;
    },
    timeoutMs,
  );
}

/** A receipt JWS's payload, decoded (no verification: for assertions on what was sent). */
export function payloadOf(jws: string): ReceiptPayload {
  const decoded = decodeJws(jws);
  if (!decoded.ok) throw new Error(`not a JWS: ${decoded.error.message}`);
  return JSON.parse(fromUtf8(decoded.value.payload)) as ReceiptPayload;
}

/** The leaf hash of an entry, computed here rather than trusted from anyone (base64url). */
export const leafOf = (jws: string): string => base64urlEncode(leafHash(jws));

/** The collector's public keys. */
export async function collectorKeys(collector: Collector): Promise<Jwks> {
  return (await collector.fetch('/v1/keys')).json() as Promise<Jwks>;
}

/**
 * Waits for the entry `id` to be integrated (the proof route answers 202 until then), then checks
 * its inclusion proof against the collector's keys and the leaf hash of `jws`. Returns the bundle.
 */
export async function verifiedInclusion(
  collector: Collector,
  site: string,
  id: string,
  jws: string,
): Promise<InclusionProofBundle> {
  const bundle = await eventually(`an inclusion proof for ${id}`, async () => {
    const res = await collector.fetch(`/v1/sites/${site}/log/proof/${id}`);
    return res.status === 200 && ((await res.json()) as InclusionProofBundle);
  });
  const checked = await verifyInclusionBundle(bundle, await collectorKeys(collector), leafOf(jws));
  if (!checked.ok) throw new Error(`inclusion proof of ${id} does not verify: ${checked.error.message}`);
  return bundle;
}

/** `GET` on an auditor or admin route with a bearer token; the JSON body, or an error naming the status. */
export async function authorized<T>(collector: Collector, token: string, path: string): Promise<T> {
  const res = await collector.fetch(path, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<T>;
}

/** A subject's history as the auditor API answers it. */
export function auditHistory(
  collector: Collector,
  token: string,
  site: string,
  subject: string,
): Promise<SubjectHistory> {
  return authorized<SubjectHistory>(collector, token, `/v1/audit/sites/${site}/subjects/${subject}`);
}

/** One line of the site's NDJSON export (the first, the header, is left out). */
export interface ExportEntry {
  index: number;
  kind: 'receipt' | 'notice';
  jws?: string;
  ack?: string;
}

/** The site's whole log, as the auditor's export streams it (entries in index order). */
export async function exportedEntries(collector: Collector, token: string, site: string): Promise<ExportEntry[]> {
  const res = await collector.fetch(`/v1/audit/sites/${site}/export?format=ndjson`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(`export of ${site}: ${res.status} ${await res.text()}`);
  const lines = (await res.text()).split('\n').filter((l) => l.trim() !== '');
  return lines.slice(1).map((l) => JSON.parse(l) as ExportEntry);
}

/**
 * Checks a visitor's proof file as `consent-ledger verify` checks an export, with `protocol` only and
 * against keys the caller trusts (not the file's own): every device signature and thumbprint, one
 * subject, the `prev` chain, every ack (signature, id, leaf hash, index) and every inclusion proof
 * (checkpoint signature, Merkle path). Returns the failures, each naming its receipt; empty when all holds.
 */
export async function proofFileFailures(doc: ProofDocument, trusted: Jwks): Promise<string[]> {
  const failures: string[] = [];
  let prev: string | null = null;
  for (const [i, r] of doc.receipts.entries()) {
    const at = `receipt ${i}`;
    const receipt = await verifyReceipt(r.jws);
    if (!receipt.ok) {
      failures.push(`${at}: ${receipt.error.message}`);
      continue;
    }
    const { payload, leafHash: leaf } = receipt.value;
    if (payload.subject !== doc.subject || payload.site !== doc.site) failures.push(`${at}: another subject or site`);
    if (payload.prev !== prev) failures.push(`${at}: prev is not the previous receipt's leaf hash`);
    prev = leaf;
    if (!r.ack || !r.proof) {
      failures.push(`${at}: no ${r.ack ? 'inclusion proof' : 'ack'}`);
      continue;
    }
    const ack = await verifyAck(r.ack, trusted);
    if (!ack.ok) failures.push(`${at}: ack: ${ack.error.message}`);
    else if (
      ack.value.id !== payload.id ||
      ack.value.leafHash !== leaf ||
      ack.value.index !== r.proof.index ||
      ack.value.subject !== payload.subject
    ) {
      failures.push(`${at}: the ack is about another entry`);
    }
    if (r.proof.id !== payload.id) failures.push(`${at}: the proof is about another entry`);
    const included = await verifyInclusionBundle(r.proof, trusted, leaf);
    if (!included.ok) failures.push(`${at}: ${included.error.message}`);
  }
  return failures;
}
