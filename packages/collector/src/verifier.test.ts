import { base64urlEncode, leafHash, sha256b64u, verifyReceipt } from '@consent-ledger/protocol';
import { describe, expect, it } from 'vitest';
import { Device, fixtureConfig } from './testing';
import { verifierCases } from './testing/receipt-cases';
import { createVerifier, DEVICE_KEY_BYTES, DeviceKeys, nativeLeafHash } from './verifier';

describe('createVerifier (node:crypto)', () => {
  it("answers exactly what protocol's WebCrypto verifyReceipt answers", async () => {
    const { valid, refused } = await verifierCases();
    const verify = createVerifier(10 * DEVICE_KEY_BYTES);
    const ours = await Promise.all([...valid, ...refused].map((jws) => verify(jws)));
    const theirs = await Promise.all([...valid, ...refused].map((jws) => verifyReceipt(jws)));
    expect(ours.map((r) => (r.ok ? r.value : r.error.code))).toEqual(
      theirs.map((r) => (r.ok ? r.value : r.error.code)),
    );
    expect(ours.map((r) => r.ok || r.error.code)).toEqual([
      true,
      true,
      true,
      true,
      'bad-signature',
      'bad-signature',
      'malformed',
      'bad-thumbprint',
      'bad-signature',
      'malformed',
      'malformed',
    ]);
  });

  it('hashes leaves as protocol does', () => {
    for (const jws of ['', 'a.b.c', 'x'.repeat(1000)]) expect(nativeLeafHash(jws)).toBe(base64urlEncode(leafHash(jws)));
  });
});

describe('DeviceKeys', () => {
  it('keeps a key from its second use, within its byte budget, forgetting the least recently used', async () => {
    const config = fixtureConfig('clikodoc');
    const jwks = await Promise.all(
      Array.from({ length: 4 }, async () => (await Device.create(config)).receipt().then((r) => r.jwk)),
    );
    // Room for three keys (seven eighths of the budget), and the thumbprints of devices seen once.
    const keys = new DeviceKeys(4 * DEVICE_KEY_BYTES);
    const once = keys.get('a', jwks[0]);
    expect(keys.size).toBe(0);
    const a = keys.get('a', jwks[0]);
    expect(a).not.toBe(once);
    expect(keys.get('a', jwks[0])).toBe(a);
    for (const [i, id] of ['b', 'c', 'd'].entries()) {
      keys.get(id, jwks[i + 1]);
      keys.get(id, jwks[i + 1]);
    }
    expect(keys.size).toBe(3);
    // a was the least recently used: forgotten, imported again.
    expect(keys.get('a', jwks[0])).not.toBe(a);
    expect(() => keys.get('z', { kty: 'EC', crv: 'P-256', x: sha256b64u('x'), y: sha256b64u('y') })).toThrow();
  });
});
