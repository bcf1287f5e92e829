import { EmbeddedJWK, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { createDpopProof, DPOP_TYP, verifyDpopProof } from './dpop';
import { base64urlEncode, utf8 } from './encoding';
import { exportPublicJwk, jwkThumbprint } from './jwk';
import { generateCollectorKey, generateDeviceKey, signJws } from './jws';

const HTU = 'https://consent.example.org/v1/subjects/abc/receipts';
const NOW = Date.UTC(2026, 10, 22, 10, 0, 0);
const IAT = NOW / 1000;

const codeOf = async (jwt: string, options: Partial<Parameters<typeof verifyDpopProof>[1]> = {}) => {
  const result = await verifyDpopProof(jwt, { htm: 'GET', htu: HTU, now: NOW, ...options });
  return result.ok ? 'ok' : result.error.message;
};

describe('DPoP proofs', () => {
  it('creates a proof jose accepts, and verifies it: the subject is the device key thumbprint', async () => {
    const device = await generateDeviceKey();
    const jwt = await createDpopProof({ htm: 'GET', htu: `${HTU}?cursor=2#x`, device, iat: IAT, jti: 'j-1' });
    const { payload, protectedHeader } = await jwtVerify(jwt, EmbeddedJWK, {
      typ: DPOP_TYP,
      algorithms: ['ES256'],
      currentDate: new Date(NOW),
    });
    expect(payload).toEqual({ htm: 'GET', htu: HTU, iat: IAT, jti: 'j-1' });
    expect(protectedHeader.typ).toBe('dpop+jwt');
    const result = await verifyDpopProof(jwt, { htm: 'GET', htu: `${HTU}?other=1`, now: NOW });
    expect(result).toEqual({
      ok: true,
      value: { subject: jwkThumbprint(await exportPublicJwk(device.publicKey)), jti: 'j-1', iat: IAT },
    });
  });

  it('defaults iat to now and jti to a fresh id', async () => {
    const device = await generateDeviceKey();
    const a = await verifyDpopProof(await createDpopProof({ htm: 'DELETE', htu: HTU, device }), {
      htm: 'DELETE',
      htu: HTU,
      now: Date.now(),
    });
    const b = await verifyDpopProof(await createDpopProof({ htm: 'DELETE', htu: HTU, device }), {
      htm: 'DELETE',
      htu: HTU,
      now: Date.now(),
    });
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(a.value.jti).not.toBe(b.value.jti);
  });

  it('refuses another method or URL, and an iat outside the window', async () => {
    const device = await generateDeviceKey();
    const jwt = await createDpopProof({ htm: 'GET', htu: HTU, device, iat: IAT });
    expect(await codeOf(jwt)).toBe('ok');
    expect(await codeOf(jwt, { htm: 'DELETE' })).toMatch(/htm/);
    expect(await codeOf(jwt, { htu: 'https://consent.example.org/v1/subjects/abd/receipts' })).toMatch(/htu/);
    expect(await codeOf(jwt, { htu: 'https://evil.example.org/v1/subjects/abc/receipts' })).toMatch(/htu/);
    expect(await codeOf(jwt, { htu: 'http://consent.example.org/v1/subjects/abc/receipts' })).toMatch(/htu/);
    expect(await codeOf(jwt, { now: NOW + 60_000 })).toBe('ok');
    expect(await codeOf(jwt, { now: NOW - 60_000 })).toBe('ok');
    expect(await codeOf(jwt, { now: NOW + 61_000 })).toMatch(/iat/);
    expect(await codeOf(jwt, { now: NOW - 61_000 })).toMatch(/iat/);
    expect(await codeOf(jwt, { now: NOW + 10_000, maxSkewSeconds: 5 })).toMatch(/iat/);
  });

  it('refuses a wrong typ or alg, a tampered claim, and what is not a proof, always as bad-proof', async () => {
    const device = await generateDeviceKey();
    const jwk = await exportPublicJwk(device.publicKey);
    const claims = { htm: 'GET', htu: HTU, iat: IAT, jti: 'j' };
    const ed = await generateCollectorKey();
    const edJwk = await exportPublicJwk(ed.publicKey);
    const good = await createDpopProof({ htm: 'GET', htu: HTU, device, iat: IAT, jti: 'j' });
    const [h, , s] = good.split('.');
    const cases: Array<[string, RegExp]> = [
      [await signJws({ alg: 'ES256', typ: 'JWT', jwk }, JSON.stringify(claims), device.privateKey), /typ/],
      [await signJws({ alg: 'EdDSA', typ: DPOP_TYP, jwk: edJwk }, JSON.stringify(claims), ed.privateKey), /alg/],
      [await signJws({ alg: 'ES256', typ: DPOP_TYP }, JSON.stringify(claims), device.privateKey), /jwk/],
      [
        await signJws(
          { alg: 'ES256', typ: DPOP_TYP, jwk },
          JSON.stringify({ ...claims, iat: String(IAT) }),
          device.privateKey,
        ),
        /claims/,
      ],
      [
        await signJws({ alg: 'ES256', typ: DPOP_TYP, jwk }, JSON.stringify({ ...claims, jti: '' }), device.privateKey),
        /claims/,
      ],
      [
        await signJws(
          { alg: 'ES256', typ: DPOP_TYP, jwk },
          JSON.stringify({ ...claims, htu: 'not a url' }),
          device.privateKey,
        ),
        /htu/,
      ],
      [await signJws({ alg: 'ES256', typ: DPOP_TYP, jwk }, 'null', device.privateKey), /claims/],
      [`${h}.${base64urlEncode(utf8(JSON.stringify({ ...claims, jti: 'k' })))}.${s}`, /signature/],
      ['garbage', /three parts/],
    ];
    for (const [jwt, reason] of cases) {
      const result = await verifyDpopProof(jwt, { htm: 'GET', htu: HTU, now: NOW });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('bad-proof');
        expect(result.error.message).toMatch(reason);
      }
    }
    expect((await verifyDpopProof(undefined as never, { htm: 'GET', htu: HTU, now: NOW })).ok).toBe(false);
  });
});
