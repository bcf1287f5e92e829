import { base64urlEncode, leafHash, sha256b64u, verifyReceipt } from '@consent-ledger/protocol';
import { describe, expect, it } from 'vitest';
import { Device, fixtureConfig } from './testing';
import { verifierCases } from './testing/receipt-cases';
import { createVerifier, DeviceKeys, nativeLeafHash } from './verifier';

describe('createVerifier (node:crypto)', () => {
  it("answers exactly what protocol's WebCrypto verifyReceipt answers", async () => {
    const { valid, refused } = await verifierCases();
    const verify = createVerifier(10);
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
  it('keeps at most max keys, forgetting the least recently used, and imports each key once while kept', async () => {
    const config = fixtureConfig('clikodoc');
    const jwks = await Promise.all(
      Array.from({ length: 3 }, async () => (await Device.create(config)).receipt().then((r) => r.jwk)),
    );
    const keys = new DeviceKeys(2);
    const a = keys.get('a', jwks[0]);
    keys.get('b', jwks[1]);
    expect(keys.get('a', jwks[0])).toBe(a);
    keys.get('c', jwks[2]);
    expect(keys.size).toBe(2);
    expect(keys.get('a', jwks[0])).toBe(a);
    expect(keys.get('b', jwks[1])).not.toBe(undefined);
    expect(keys.size).toBe(2);
    expect(() => keys.get('z', { kty: 'EC', crv: 'P-256', x: sha256b64u('x'), y: sha256b64u('y') })).toThrow();
  });
});
