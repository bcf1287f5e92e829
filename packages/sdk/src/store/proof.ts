import type { Jwks, ProofDocument } from '@consent-ledger/protocol';
import type { Kv } from './idb';
import { readReceipts } from './receipts';
import { type DeviceKey, signProof } from './sign';

/** What the proof file gathers: the site's receipts on this device, who made them, and the collector's keys. */
export interface ProofSource {
  kv: Kv;
  site: string;
  collector: string;
  device: DeviceKey;
  keys: Jwks;
}

/**
 * The visitor's proof file: every receipt the log did not refuse, with its ack and, once integrated,
 * its inclusion proof (null while pending or when the collector cannot be reached), and the keys
 * that sign acks and checkpoints, so the file checks offline; signed by the device key (format 2).
 */
export async function proofDocument({ kv, site, collector, device, keys }: ProofSource): Promise<ProofDocument> {
  const proofOf = (id: string) =>
    fetch(`${collector}/v1/sites/${site}/log/proof/${id}`).then(
      (res) => (res.status === 200 ? res.json() : null),
      () => null,
    );
  const list = (await readReceipts(kv, site)).filter((r) => r.status !== 'refused');
  const receipts = await Promise.all(
    list.map(async (r) => ({ jws: r.jws, ack: r.ack?.jws ?? null, proof: r.ack ? await proofOf(r.id) : null })),
  );
  return signProof(
    { v: 2, site, subject: device.subject, collector, exportedAt: new Date().toISOString(), keys, receipts },
    device,
  );
}
