import { DPOP_TYP, type ErasureAnswer, type ErrorBody, uuidv7 } from '@consent-ledger/protocol';
import type { Kv } from './idb';
import { patchReceipts } from './receipts';
import { type DeviceKey, signDevice } from './sign';

/** What erasing a visitor's receipts needs. */
export interface ErasureSource {
  kv: Kv;
  site: string;
  collector: string;
  device: DeviceKey;
}

/** An erasure the collector did not do: its error code (`http-<status>` or `network` when it gave none). */
export class ErasureError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Has the collector erase every receipt of this device's subject (`DELETE /v1/subjects/:subject`,
 * authorised by a DPoP proof signed with the device key: the log redacts them, keeping their hashes),
 * then marks the site's receipts on the device `erased`, so none is sent again and the history says so.
 */
export async function eraseReceipts({ kv, site, collector, device }: ErasureSource): Promise<ErasureAnswer> {
  const url = `${collector}/v1/subjects/${device.subject}`;
  const proof = (
    await signDevice(DPOP_TYP, { htm: 'DELETE', htu: url, iat: Math.floor(Date.now() / 1000), jti: uuidv7() }, device)
  ).join('.');
  const res = await fetch(url, { method: 'DELETE', headers: { DPoP: proof } }).catch(() => null);
  if (!res) throw new ErasureError('network', 'the collector cannot be reached');
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    const { error } = body as Partial<ErrorBody>;
    throw new ErasureError(error?.code ?? `http-${res.status}`, error?.message ?? res.statusText);
  }
  const answer = body as ErasureAnswer;
  // Refused receipts never reached the log; every other one is redacted there (one still pending is
  // dropped from the outbox: sent now, it would log again what the visitor asked to erase).
  await patchReceipts(kv, site, (r) => (r.status === 'refused' ? r : { ...r, status: 'erased' }));
  return answer;
}
