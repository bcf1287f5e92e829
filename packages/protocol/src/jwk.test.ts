import { calculateJwkThumbprint } from 'jose';
import { describe, expect, it } from 'vitest';
import { type EcPublicJwk, exportPublicJwk, importPublicJwk, jwkThumbprint, normalizePublicJwk } from './jwk';
import { generateCollectorKey, generateDeviceKey } from './jws';

describe('jwkThumbprint (RFC 7638)', () => {
  it('gives the value of the RFC 7638 §3.1 example key', () => {
    const n =
      '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw';
    expect(jwkThumbprint({ kty: 'RSA', n, e: 'AQAB' })).toBe('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
  });

  it('agrees with jose on P-256 and Ed25519 keys, ignoring extra members', async () => {
    for (let i = 0; i < 5; i++) {
      const ec = await exportPublicJwk((await generateDeviceKey()).publicKey);
      expect(jwkThumbprint(ec)).toBe(await calculateJwkThumbprint(ec, 'sha256'));
      const okp = await exportPublicJwk((await generateCollectorKey()).publicKey);
      expect(jwkThumbprint(okp)).toBe(await calculateJwkThumbprint(okp, 'sha256'));
      expect(jwkThumbprint({ ...okp, kid: 'k', name: 'n', alg: 'EdDSA', use: 'sig' } as never)).toBe(
        jwkThumbprint(okp),
      );
    }
  });
});

describe('normalizePublicJwk', () => {
  it('keeps only the defining members', async () => {
    const ec = (await exportPublicJwk((await generateDeviceKey()).publicKey)) as EcPublicJwk;
    expect(Object.keys(ec).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    expect(normalizePublicJwk({ ...ec, kid: 'x', alg: 'ES256', ext: true, key_ops: ['verify'], d: 'secret' })).toEqual(
      ec,
    );
    const okp = await exportPublicJwk((await generateCollectorKey()).publicKey);
    expect(normalizePublicJwk({ ...okp, kid: 'x', name: 'collector', use: 'sig' })).toEqual({
      kty: 'OKP',
      crv: 'Ed25519',
      x: okp.x,
    });
  });

  it('refuses other curves, bad coordinates and non-objects', async () => {
    const ec = (await exportPublicJwk((await generateDeviceKey()).publicKey)) as EcPublicJwk;
    const bad: unknown[] = [
      null,
      'jwk',
      [ec],
      { ...ec, crv: 'P-384' },
      { ...ec, kty: 'OKP' },
      { ...ec, x: ec.x.slice(1) },
      { ...ec, y: `${ec.y}A` },
      { ...ec, y: undefined },
      { ...ec, x: `${ec.x.slice(0, 42)}=` },
      { ...ec, x: 42 },
      { kty: 'OKP', crv: 'X25519', x: ec.x },
      { kty: 'RSA', n: 'AQAB', e: 'AQAB' },
    ];
    for (const value of bad) expect(normalizePublicJwk(value), JSON.stringify(value)).toBeNull();
  });
});

describe('importPublicJwk', () => {
  it('imports both kinds for verification and round-trips through export', async () => {
    const ec = await exportPublicJwk((await generateDeviceKey()).publicKey);
    const key = await importPublicJwk(ec);
    expect(key.algorithm.name).toBe('ECDSA');
    expect(key.usages).toEqual(['verify']);
    expect(await exportPublicJwk(key)).toEqual(ec);
    const okp = await exportPublicJwk((await generateCollectorKey()).publicKey);
    expect((await importPublicJwk(okp)).algorithm.name).toBe('Ed25519');
  });
});
