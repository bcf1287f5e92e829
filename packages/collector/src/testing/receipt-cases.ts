// Receipts that exercise every answer of receipt verification, for the verifier tests (in-thread and pooled).
import {
  base64urlEncode,
  type EcPublicJwk,
  exportPublicJwk,
  jwkThumbprint,
  RECEIPT_TYP,
  sha256b64u,
  signJws,
} from '@consent-ledger/protocol';
import { Device, fixtureConfig } from '../testing';

/** Valid receipts and refused ones of every kind verifyReceipt tells apart. */
export async function verifierCases(): Promise<{ valid: string[]; refused: string[] }> {
  const config = fixtureConfig('clikodoc');
  const devices = await Promise.all(Array.from({ length: 3 }, () => Device.create(config)));
  const receipts = await Promise.all(devices.map((d) => d.receipt()));
  const returning = await devices[0].receipt({ method: 'save' });
  const [first] = receipts;
  const flipped = `${first.jws.slice(0, -4)}${first.jws.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
  const otherKey = await signJws(
    { alg: 'ES256', typ: RECEIPT_TYP, jwk: first.jwk },
    JSON.stringify(first.payload),
    devices[1].keys.privateKey,
  );
  const offCurve = { kty: 'EC', crv: 'P-256', x: sha256b64u('x'), y: sha256b64u('y') } as EcPublicJwk;
  const notOnCurve = await signJws(
    { alg: 'ES256', typ: RECEIPT_TYP, jwk: offCurve },
    JSON.stringify({ ...first.payload, subject: jwkThumbprint(offCurve) }),
    devices[0].keys.privateKey,
  );
  const jwk = await exportPublicJwk(devices[2].keys.publicKey);
  const mismatch = await signJws(
    { alg: 'ES256', typ: RECEIPT_TYP, jwk },
    JSON.stringify(first.payload),
    devices[2].keys.privateKey,
  );
  const short = `${first.jws.slice(0, first.jws.lastIndexOf('.') + 1)}${base64urlEncode(new Uint8Array(32))}`;
  return {
    valid: [...receipts.map((r) => r.jws), returning.jws],
    refused: [flipped, otherKey, notOnCurve, mismatch, short, 'not.a.jws', 'x'],
  };
}
