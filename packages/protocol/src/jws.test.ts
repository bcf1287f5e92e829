import { CompactSign, compactVerify, exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { base64urlDecode, base64urlEncode, utf8 } from './encoding';
import { exportPublicJwk } from './jwk';
import {
  decodeJws,
  generateCollectorKey,
  generateDeviceKey,
  isLowS,
  type JwsAlg,
  type KeyPair,
  signJws,
  toLowS,
  verifyJws,
} from './jws';

const TYP = 'test+jws';
const b64json = (value: unknown) => base64urlEncode(utf8(JSON.stringify(value)));
const keysFor = (alg: JwsAlg): Promise<KeyPair> => (alg === 'ES256' ? generateDeviceKey() : generateCollectorKey());

describe.each(['ES256', 'EdDSA'] as const)('JWS %s', (alg) => {
  it('signs and verifies with a CryptoKey and with a public JWK, with a 64-byte raw signature', async () => {
    const keys = await keysFor(alg);
    const jws = await signJws({ alg, typ: TYP }, '{"hello":"wörld"}', keys.privateKey);
    expect(jws.split('.')).toHaveLength(3);
    expect(base64urlDecode(jws.split('.')[2])).toHaveLength(64);
    for (const key of [keys.publicKey, await exportPublicJwk(keys.publicKey)]) {
      const result = await verifyJws(jws, { key, typ: TYP, algs: [alg] });
      expect(result.ok).toBe(true);
      if (result.ok) {
        expect(new TextDecoder().decode(result.value.payload)).toBe('{"hello":"wörld"}');
        expect(result.value.header).toEqual({ alg, typ: TYP });
      }
    }
  });

  it('is verified by jose', async () => {
    const keys = await keysFor(alg);
    const jwk = await exportPublicJwk(keys.publicKey);
    const jws = await signJws({ alg, typ: TYP, jwk }, utf8('payload bytes'), keys.privateKey);
    const verified = await compactVerify(jws, keys.publicKey, { algorithms: [alg] });
    expect(new TextDecoder().decode(verified.payload)).toBe('payload bytes');
    expect(verified.protectedHeader).toEqual({ alg, typ: TYP, jwk });
  });

  it('verifies what jose signs', async () => {
    const { privateKey, publicKey } = await generateKeyPair(alg);
    const jws = await new CompactSign(utf8('{"from":"jose"}'))
      .setProtectedHeader({ alg, typ: TYP, kid: 'k1' })
      .sign(privateKey);
    const result = await verifyJws(jws, { key: publicKey, typ: TYP, algs: [alg] });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.header.kid).toBe('k1');
    const asJwk = await verifyJws(jws, { key: (await exportJWK(publicKey)) as never, typ: TYP, algs: [alg] });
    expect(asJwk.ok).toBe(true);
  });

  it('refuses any changed character', async () => {
    const keys = await keysFor(alg);
    const jws = await signJws({ alg, typ: TYP }, '{"choice":"granted"}', keys.privateKey);
    const headerEnd = jws.indexOf('.');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let tried = 0;
    for (let i = 0; i < jws.length; i++) {
      if (jws[i] === '.') continue;
      let changed = '';
      // Pick a replacement that still decodes, so the signature check itself is what refuses it.
      for (const c of alphabet) {
        const candidate = jws.slice(0, i) + c + jws.slice(i + 1);
        if (c !== jws[i] && decodeJws(candidate).ok) {
          changed = candidate;
          break;
        }
      }
      if (!changed) continue;
      tried++;
      const result = await verifyJws(changed, { key: keys.publicKey, typ: TYP, algs: [alg] });
      expect(result.ok, `position ${i}`).toBe(false);
      if (!result.ok && i > headerEnd) expect(result.error.code, `position ${i}`).toBe('bad-signature');
    }
    expect(tried).toBeGreaterThan(jws.length - headerEnd - 2);
  });

  it('refuses a signature by another key', async () => {
    const jws = await signJws({ alg, typ: TYP }, 'x', (await keysFor(alg)).privateKey);
    const result = await verifyJws(jws, { key: (await keysFor(alg)).publicKey, typ: TYP, algs: [alg] });
    expect(!result.ok && result.error.code).toBe('bad-signature');
  });
});

describe('verifyJws refusals', () => {
  const verifyWith = async (jws: string, algs: JwsAlg[] = ['ES256', 'EdDSA']) =>
    verifyJws(jws, { key: (await generateDeviceKey()).publicKey, typ: TYP, algs });
  const code = async (jws: string, algs?: JwsAlg[]) => {
    const result = await verifyWith(jws, algs);
    return result.ok ? 'ok' : result.error.code;
  };

  it('refuses alg none, HS256 and unknown algs as unsupported-alg', async () => {
    expect(await code(`${b64json({ alg: 'none', typ: TYP })}.${b64json({ a: 1 })}.`)).toBe('unsupported-alg');
    const secret = crypto.getRandomValues(new Uint8Array(32));
    const hs = await new CompactSign(utf8('{}')).setProtectedHeader({ alg: 'HS256', typ: TYP }).sign(secret);
    expect(await code(hs)).toBe('unsupported-alg');
    expect(await code(`${b64json({ alg: 'ES512', typ: TYP })}.${b64json({})}.${'A'.repeat(176)}`)).toBe(
      'unsupported-alg',
    );
    expect(await code(`${b64json({ alg: 'es256', typ: TYP })}.${b64json({})}.${'A'.repeat(86)}`)).toBe(
      'unsupported-alg',
    );
  });

  it('refuses an alg outside the allowed list, and an alg that does not fit the key', async () => {
    const ed = await generateCollectorKey();
    const jws = await signJws({ alg: 'EdDSA', typ: TYP }, 'x', ed.privateKey);
    expect(await code(jws, ['ES256'])).toBe('unsupported-alg');
    expect(await code(jws, ['EdDSA'])).toBe('unsupported-alg'); // verified with a P-256 key
  });

  it('refuses a mismatched or missing typ', async () => {
    const keys = await generateDeviceKey();
    const jws = await signJws({ alg: 'ES256', typ: 'other+jws' }, 'x', keys.privateKey);
    const result = await verifyJws(jws, { key: keys.publicKey, typ: TYP, algs: ['ES256'] });
    expect(!result.ok && result.error.code).toBe('bad-typ');
    const untyped = await new CompactSign(utf8('x')).setProtectedHeader({ alg: 'ES256' }).sign(keys.privateKey);
    expect(await code(untyped)).toBe('malformed');
  });

  it('refuses what is not a compact JWS as malformed', async () => {
    const keys = await generateDeviceKey();
    const good = await signJws({ alg: 'ES256', typ: TYP }, 'x', keys.privateKey);
    const [h, p, s] = good.split('.');
    const bad = [
      '',
      'a.b',
      `${h}.${p}`,
      `${h}.${p}.${s}.`,
      `${h}.${p}.${s}=`,
      `${h}=.${p}.${s}`,
      `${h}.${p}+.${s}`,
      `${base64urlEncode(utf8('{"alg":'))}.${p}.${s}`,
      `${b64json(['ES256'])}.${p}.${s}`,
      `${b64json('ES256')}.${p}.${s}`,
      `${b64json({ typ: TYP })}.${p}.${s}`,
      `${b64json({ alg: 'ES256', typ: TYP, crit: ['exp'] })}.${p}.${s}`,
      `${b64json({ alg: 'ES256', typ: TYP, kid: 7 })}.${p}.${s}`,
      `${b64json({ alg: 'ES256', typ: TYP, jwk: { kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' } })}.${p}.${s}`,
      `${base64urlEncode(new Uint8Array([0x7b, 0xff, 0x7d]))}.${p}.${s}`,
    ];
    for (const jws of bad) expect(await code(jws), jws).toBe('malformed');
    expect(decodeJws(42 as never).ok).toBe(false);
  });

  it('refuses a signature of the wrong length', async () => {
    const keys = await generateDeviceKey();
    const good = await signJws({ alg: 'ES256', typ: TYP }, 'x', keys.privateKey);
    const short =
      good.slice(0, good.lastIndexOf('.') + 1) + base64urlEncode(base64urlDecode(good.split('.')[2]).subarray(0, 63));
    const result = await verifyJws(short, { key: keys.publicKey, typ: TYP, algs: ['ES256'] });
    expect(!result.ok && result.error.code).toBe('bad-signature');
  });
});

describe('keys', () => {
  it('makes device keys with a non-extractable private key, and collector keys extractable only on request', async () => {
    const device = await generateDeviceKey();
    expect(device.privateKey.extractable).toBe(false);
    expect(device.privateKey.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' });
    expect((await generateCollectorKey()).privateKey.extractable).toBe(false);
    const collector = await generateCollectorKey(true);
    expect(collector.privateKey.extractable).toBe(true);
    expect(collector.privateKey.algorithm.name).toBe('Ed25519');
  });

  it('signJws throws on an alg it does not support', async () => {
    const keys = await generateDeviceKey();
    await expect(signJws({ alg: 'none' as never, typ: TYP }, 'x', keys.privateKey)).rejects.toThrow(/unsupported alg/);
  });
});

describe('low-S ES256 signatures', () => {
  const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
  const sOf = (signature: Uint8Array) => BigInt(`0x${Buffer.from(signature.subarray(32)).toString('hex')}`);

  it('toLowS maps s to min(s, n - s), keeping r, so the signature still verifies', async () => {
    const keys = await generateDeviceKey();
    let flipped = 0;
    for (let i = 0; i < 24; i++) {
      const input = utf8(`message ${i}`);
      const raw = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, keys.privateKey, input));
      const s = sOf(raw);
      const low = toLowS(raw.slice());
      expect(sOf(low)).toBe(s > N / 2n ? N - s : s);
      expect(low.subarray(0, 32)).toEqual(raw.subarray(0, 32));
      expect(isLowS(low)).toBe(isLowS(raw) || sOf(low) !== s);
      expect(isLowS(low)).toBe(true);
      if (sOf(low) !== s) flipped++;
      expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, keys.publicKey, low, input)).toBe(true);
    }
    // WebCrypto's s is uniform: 24 draws without one high-S would be 1 in 2^24.
    expect(flipped).toBeGreaterThan(0);
  });

  it('signJws writes ES256 signatures in low-S form; isLowS refuses the wrong length', async () => {
    const keys = await generateDeviceKey();
    for (let i = 0; i < 24; i++) {
      const jws = await signJws({ alg: 'ES256', typ: TYP }, `{"n":${i}}`, keys.privateKey);
      expect(isLowS(base64urlDecode(jws.split('.')[2]))).toBe(true);
    }
    expect(isLowS(new Uint8Array(63))).toBe(false);
  });
});
