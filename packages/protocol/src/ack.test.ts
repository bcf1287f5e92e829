import { KeyObject, sign as nodeSign } from 'node:crypto';
import { compactVerify } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACK_TYP, type AckPayload, signAck, signAckWith, validateAckPayload, verifyAck } from './ack';
import { base64urlEncode, utf8 } from './encoding';
import { exportPublicJwk, type Jwks, jwkThumbprint, type OkpPublicJwk } from './jwk';
import { generateCollectorKey, generateDeviceKey, signJws } from './jws';
import { sha256b64u } from './sha256';
import { uuidv7 } from './uuid';

const ack = (overrides: Partial<Record<keyof AckPayload | 'extra', unknown>> = {}): AckPayload =>
  ({
    v: 1,
    id: uuidv7(),
    site: 'clickcare',
    subject: sha256b64u('device key'),
    index: 41,
    leafHash: sha256b64u('leaf'),
    receivedAt: '2026-11-22T10:00:00.250Z',
    ip: '203.0.113.0',
    userAgent: 'Mozilla/5.0',
    ...overrides,
  }) as AckPayload;

async function collector() {
  const pair = await generateCollectorKey();
  const jwk = (await exportPublicJwk(pair.publicKey)) as OkpPublicJwk;
  const kid = jwkThumbprint(jwk);
  const jwks: Jwks = { keys: [{ ...jwk, kid, name: 'consent.example.org', alg: 'EdDSA', use: 'sig' }] };
  return { pair, kid, jwks };
}

const codeOf = async (jws: string, jwks: Jwks) => {
  const result = await verifyAck(jws, jwks);
  return result.ok ? 'ok' : result.error.code;
};

afterEach(() => vi.restoreAllMocks());

describe('validateAckPayload', () => {
  it('accepts an ack, with null ip and user agent too', () => {
    expect(validateAckPayload(ack()).ok).toBe(true);
    expect(validateAckPayload(ack({ ip: null, userAgent: null, index: 0 })).ok).toBe(true);
  });

  it('refuses every field out of its rule, naming the field', () => {
    const cases: Array<[Partial<Record<keyof AckPayload | 'extra', unknown>>, string]> = [
      [{ v: 0 }, 'v'],
      [{ id: 'x' }, 'id'],
      [{ site: 'A' }, 'site'],
      [{ subject: 'x' }, 'subject'],
      [{ index: -1 }, 'index'],
      [{ index: 1.5 }, 'index'],
      [{ index: '3' }, 'index'],
      [{ leafHash: null }, 'leafHash'],
      [{ receivedAt: '2026-11-22' }, 'receivedAt'],
      [{ ip: 7 }, 'ip'],
      [{ userAgent: undefined }, 'userAgent'],
      [{ extra: 1 }, 'extra'],
    ];
    for (const [change, path] of cases) {
      const result = validateAckPayload(ack(change));
      expect(result.ok, JSON.stringify(change)).toBe(false);
      if (!result.ok) expect(result.error.issues?.map((issue) => issue.path)).toContain(path);
    }
    expect(validateAckPayload('ack').ok).toBe(false);
  });
});

describe('signAck and verifyAck', () => {
  it('signs with header {alg: EdDSA, typ, kid} and verifies against the JWKS', async () => {
    const { pair, kid, jwks } = await collector();
    const payload = ack();
    const jws = await signAck(payload, { privateKey: pair.privateKey, kid });
    expect(JSON.parse(Buffer.from(jws.split('.')[0], 'base64url').toString())).toEqual({
      alg: 'EdDSA',
      typ: ACK_TYP,
      kid,
    });
    expect(await verifyAck(jws, jwks)).toEqual({ ok: true, value: payload });
    const verified = await compactVerify(jws, pair.publicKey, { algorithms: ['EdDSA'] });
    expect(JSON.parse(new TextDecoder().decode(verified.payload))).toEqual(payload);
  });

  it('chooses the key by kid among several', async () => {
    const a = await collector();
    const b = await collector();
    const jwks: Jwks = { keys: [...a.jwks.keys, ...b.jwks.keys] };
    expect(await codeOf(await signAck(ack(), { privateKey: b.pair.privateKey, kid: b.kid }), jwks)).toBe('ok');
    expect(await codeOf(await signAck(ack(), { privateKey: b.pair.privateKey, kid: a.kid }), jwks)).toBe(
      'bad-signature',
    );
  });

  it('refuses an unknown kid, a changed byte, a wrong typ or alg, a missing kid, and a bad payload', async () => {
    const { pair, kid, jwks } = await collector();
    const good = await signAck(ack(), { privateKey: pair.privateKey, kid });
    expect(await codeOf(await signAck(ack(), { privateKey: pair.privateKey, kid: 'other' }), jwks)).toBe(
      'bad-signature',
    );
    const [h, p, s] = good.split('.');
    const changed = JSON.parse(Buffer.from(p, 'base64url').toString());
    changed.index = 42;
    expect(await codeOf(`${h}.${base64urlEncode(utf8(JSON.stringify(changed)))}.${s}`, jwks)).toBe('bad-signature');
    expect(
      await codeOf(
        await signJws({ alg: 'EdDSA', typ: 'consent-receipt+jws', kid }, JSON.stringify(ack()), pair.privateKey),
        jwks,
      ),
    ).toBe('bad-typ');
    expect(
      await codeOf(await signJws({ alg: 'EdDSA', typ: ACK_TYP }, JSON.stringify(ack()), pair.privateKey), jwks),
    ).toBe('malformed');
    const device = await generateDeviceKey();
    expect(
      await codeOf(await signJws({ alg: 'ES256', typ: ACK_TYP, kid }, JSON.stringify(ack()), device.privateKey), jwks),
    ).toBe('unsupported-alg');
    expect(
      await codeOf(
        await signJws({ alg: 'EdDSA', typ: ACK_TYP, kid }, JSON.stringify(ack({ index: -1 })), pair.privateKey),
        jwks,
      ),
    ).toBe('malformed');
    expect(await codeOf(await signJws({ alg: 'EdDSA', typ: ACK_TYP, kid }, '{"v":', pair.privateKey), jwks)).toBe(
      'malformed',
    );
    expect(await codeOf('not.a.jws', jwks)).toBe('malformed');
  });

  it('refuses a JWKS entry that is not an Ed25519 key, without throwing', async () => {
    const { pair, kid } = await collector();
    const jws = await signAck(ack(), { privateKey: pair.privateKey, kid });
    expect(await codeOf(jws, { keys: [{ kty: 'OKP', crv: 'Ed25519', x: 'short', kid }] })).toBe('malformed');
  });

  it('imports each JWKS key once across many acks', async () => {
    const { pair, kid, jwks } = await collector();
    const acks = await Promise.all(
      [0, 1, 2, 3].map((index) => signAck(ack({ index }), { privateKey: pair.privateKey, kid })),
    );
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    for (const jws of acks) expect(await codeOf(jws, jwks)).toBe('ok');
    expect(importKey).toHaveBeenCalledTimes(1);
  });

  it('signAckWith gives the very JWS of signAck with a native Ed25519 signer', async () => {
    const { pair, kid, jwks } = await collector();
    const key = KeyObject.from(pair.privateKey);
    const payload = ack();
    const jws = signAckWith(payload, kid, (input) => nodeSign(null, input, key));
    expect(jws).toBe(await signAck(payload, { privateKey: pair.privateKey, kid }));
    expect(await verifyAck(jws, jwks)).toEqual({ ok: true, value: payload });
    expect(() => signAckWith(ack({ index: -1 }), kid, () => new Uint8Array(64))).toThrow(/index/);
  });

  it('throws when asked to sign a payload that is not an ack', async () => {
    const { pair, kid } = await collector();
    await expect(signAck(ack({ receivedAt: 'yesterday' }), { privateKey: pair.privateKey, kid })).rejects.toThrow(
      /receivedAt/,
    );
  });
});
