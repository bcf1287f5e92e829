import { createHash } from 'node:crypto';
import { calculateJwkThumbprint, compactVerify, importJWK } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { base64urlDecode, base64urlEncode, utf8 } from './encoding';
import { exportPublicJwk, jwkThumbprint } from './jwk';
import {
  decodeJws,
  generateCollectorKey,
  generateDeviceKey,
  isLowS,
  type KeyPair,
  signJws,
  verifyDecodedJws,
} from './jws';
import {
  createReceipt,
  type ParsedReceipt,
  parseReceipt,
  RECEIPT_TYP,
  type ReceiptInput,
  validateReceiptPayload,
  verifyReceipt,
} from './receipt';
import { sha256b64u } from './sha256';
import { uuidv7 } from './uuid';

const input = (overrides: Partial<ReceiptInput> = {}): ReceiptInput => ({
  site: 'clikodoc',
  method: 'save',
  choices: { analytics: 'denied', maps: 'granted', audiovideo: 'denied', support: 'granted' },
  revision: 1,
  language: 'fr',
  textHash: sha256b64u('notice'),
  page: 'https://www.clikodoc.com/praticiens',
  prev: null,
  ...overrides,
});

const payload = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  v: 1,
  id: uuidv7(),
  site: 'clikodoc',
  subject: sha256b64u('a key'),
  issuedAt: '2026-11-22T10:00:00.000Z',
  method: 'accept-all',
  choices: { analytics: 'granted', maps: 'granted' },
  revision: 3,
  language: 'fr',
  textHash: sha256b64u('texts'),
  page: 'https://www.clikodoc.com/praticiens',
  prev: sha256b64u('previous'),
  ...overrides,
});

/** Signs any payload as a receipt would be signed, to build receipts createReceipt refuses to make. */
async function forge(device: KeyPair, body: unknown, header: Record<string, unknown> = {}): Promise<string> {
  const jwk = await exportPublicJwk(device.publicKey);
  return signJws({ alg: 'ES256', typ: RECEIPT_TYP, jwk, ...header } as never, JSON.stringify(body), device.privateKey);
}

const codeOf = async (jws: string) => {
  const result = await verifyReceipt(jws);
  return result.ok ? 'ok' : result.error.code;
};

afterEach(() => vi.restoreAllMocks());

describe('validateReceiptPayload', () => {
  it('accepts a complete payload, with or without prev', () => {
    expect(validateReceiptPayload(payload()).ok).toBe(true);
    expect(validateReceiptPayload(payload({ prev: null, method: 'gpc', page: 'http://localhost:8080/' })).ok).toBe(
      true,
    );
  });

  it('refuses every field out of its rule, naming the field', () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ v: 2 }, 'v'],
      [{ id: 'not-a-uuid' }, 'id'],
      [{ id: '018f3c1e-9a2b-4c4d-8e5f-0123456789ab' }, 'id'],
      [{ id: uuidv7().toUpperCase() }, 'id'],
      [{ site: 'Clikodoc' }, 'site'],
      [{ site: 'c' }, 'site'],
      [{ subject: 'short' }, 'subject'],
      [{ subject: `${sha256b64u('x')}=` }, 'subject'],
      [{ issuedAt: '2026-11-22T10:00:00Z' }, 'issuedAt'],
      [{ issuedAt: '2026-11-22T10:00:00.000+01:00' }, 'issuedAt'],
      [{ issuedAt: '2026-02-30T10:00:00.000Z' }, 'issuedAt'],
      [{ issuedAt: 1764000000000 }, 'issuedAt'],
      [{ method: 'accept' }, 'method'],
      [{ choices: {} }, 'choices'],
      [{ choices: ['analytics'] }, 'choices'],
      [{ choices: { analytics: 'yes' } }, 'choices.analytics'],
      [{ choices: { Analytics: 'granted' } }, 'choices.Analytics'],
      [{ revision: 0 }, 'revision'],
      [{ revision: 1.5 }, 'revision'],
      [{ revision: '3' }, 'revision'],
      [{ language: 'fra' }, 'language'],
      [{ language: 'FR' }, 'language'],
      [{ textHash: 'abc' }, 'textHash'],
      [{ page: 'https://www.clikodoc.com/praticiens?utm=1' }, 'page'],
      [{ page: 'https://www.clikodoc.com/praticiens#top' }, 'page'],
      [{ page: 'ftp://www.clikodoc.com/' }, 'page'],
      [{ page: 'javascript:alert(1)' }, 'page'],
      [{ page: 'https://user:pw@www.clikodoc.com/' }, 'page'],
      [{ page: '/praticiens' }, 'page'],
      [{ page: `https://www.clikodoc.com/${'a'.repeat(3000)}` }, 'page'],
      [{ prev: '' }, 'prev'],
      [{ prev: undefined }, 'prev'],
      [{ extra: true }, 'extra'],
    ];
    for (const [change, path] of cases) {
      const result = validateReceiptPayload(payload(change));
      expect(result.ok, JSON.stringify(change)).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('malformed');
        expect(result.error.issues?.map((issue) => issue.path)).toContain(path);
        expect(result.error.message).toContain(`${path}:`);
      }
    }
  });

  it('takes page only as a browser writes origin + path: nothing a visitor could not have been on', () => {
    const refused = [
      'https://www.clikodoc.com/a\u0000b',
      'https://www.clikodoc.com/a\r\nb',
      'https://www.clikodoc.com/a\tb',
      'https://www.clikodoc.com/a b',
      'https://www.clikodoc.com/\u202egnp.exe',
      'https://www.clikodoc.com/\u200bpraticiens',
      'https://www.clikodoc.com/\ufeff',
      'https://www.clikodoc.com/é',
      'https://www.clikodoc.com/\ud800',
      'https://www.clikodoc.com', // a browser's pathname is at least "/"
      'https://WWW.clikodoc.com/',
      'https://www.clikodoc.com:443/',
      'https://www.clikodoc.com/a/../b',
      'https://www.clikodoc.com\\b',
      'https://xn--caf-dma.example/\u00e9',
    ];
    for (const page of refused) {
      const result = validateReceiptPayload(payload({ page }));
      expect(result.ok, JSON.stringify(page)).toBe(false);
      expect(!result.ok && result.error.issues?.map((i) => i.path)).toEqual(['page']);
    }
    for (const page of [
      'https://www.clikodoc.com/',
      'https://www.clikodoc.com/pra%C3%A9ticiens/%E2%80%AE',
      'https://xn--caf-dma.example/a',
      'http://[::1]:8080/x',
      'http://127.0.0.1:8080/',
    ])
      expect(validateReceiptPayload(payload({ page })).ok, page).toBe(true);
  });

  it('keeps the looser page rule for receipts already in a log (logged rules)', () => {
    for (const page of ['https://www.clikodoc.com', 'https://www.clikodoc.com/a\tb', 'https://www.clikodoc.com/é'])
      expect(validateReceiptPayload(payload({ page }), 'logged').ok).toBe(true);
    expect(validateReceiptPayload(payload({ page: 'https://www.clikodoc.com/?q' }), 'logged').ok).toBe(false);
  });

  it('says which fields are missing, and refuses what is not an object', () => {
    const { site: _site, ...rest } = payload();
    const result = validateReceiptPayload(rest);
    expect(!result.ok && result.error.issues).toEqual([{ path: 'site', message: 'is missing' }]);
    for (const value of [null, [], 'receipt', 42]) expect(validateReceiptPayload(value).ok).toBe(false);
    expect(validateReceiptPayload(JSON.parse(JSON.stringify(payload()).replace('{', '{"__proto__":{},'))).ok).toBe(
      false,
    );
  });
});

describe('createReceipt and verifyReceipt', () => {
  it('signs a receipt whose subject is the device key thumbprint, and verifies it', async () => {
    const device = await generateDeviceKey();
    const made = await createReceipt(input(), device);
    expect(made.payload.subject).toBe(await calculateJwkThumbprint(made.jwk, 'sha256'));
    expect(made.payload.v).toBe(1);
    expect(Date.parse(made.payload.issuedAt)).toBeGreaterThan(Date.now() - 60_000);
    const [header] = made.jws.split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({
      alg: 'ES256',
      typ: RECEIPT_TYP,
      jwk: made.jwk,
    });
    const verified = await verifyReceipt(made.jws);
    expect(verified).toEqual({ ok: true, value: made });
  });

  it('computes the leaf hash as SHA-256(0x00 || jws)', async () => {
    const made = await createReceipt(input(), await generateDeviceKey());
    const expected = createHash('sha256')
      .update(Buffer.concat([Buffer.from([0]), Buffer.from(made.jws, 'ascii')]))
      .digest('base64url');
    expect(made.leafHash).toBe(expected);
  });

  it('keeps a given id and issuedAt, and chains with prev', async () => {
    const device = await generateDeviceKey();
    const id = uuidv7();
    const first = await createReceipt(input({ id, issuedAt: '2026-11-22T10:00:00.000Z' }), device);
    expect(first.payload.id).toBe(id);
    expect(first.payload.issuedAt).toBe('2026-11-22T10:00:00.000Z');
    const second = await createReceipt(
      input({ method: 'withdraw', choices: { maps: 'denied' }, prev: first.leafHash }),
      device,
    );
    const verified = await verifyReceipt(second.jws);
    expect(verified.ok && verified.value.payload.prev).toBe(first.leafHash);
  });

  it('throws on an input that would not be a valid receipt', async () => {
    const device = await generateDeviceKey();
    await expect(createReceipt(input({ page: 'https://x.example/?q=1' }), device)).rejects.toThrow(/page/);
    await expect(createReceipt(input({ id: 'nope' }), device)).rejects.toThrow(/id/);
    await expect(createReceipt(input(), await generateCollectorKey())).rejects.toThrow();
  });

  it('is verified by jose with the embedded key', async () => {
    const made = await createReceipt(input(), await generateDeviceKey());
    const verified = await compactVerify(made.jws, await importJWK(made.jwk, 'ES256'), { algorithms: ['ES256'] });
    expect(JSON.parse(new TextDecoder().decode(verified.payload))).toEqual(made.payload);
  });

  it('ignores extra members in the header jwk', async () => {
    const device = await generateDeviceKey();
    const jwk = await exportPublicJwk(device.publicKey);
    const body = payload({ subject: jwkThumbprint(jwk) });
    const jws = await forge(device, body, {
      jwk: { ...jwk, kid: 'device-1', ext: true, key_ops: ['verify'], alg: 'ES256' },
    });
    const verified = await verifyReceipt(jws);
    expect(verified.ok).toBe(true);
    if (verified.ok) expect(verified.value.jwk).toEqual(jwk);
  });

  it('refuses a subject that is not the thumbprint of the header jwk (bad-thumbprint)', async () => {
    const device = await generateDeviceKey();
    const other = await exportPublicJwk((await generateDeviceKey()).publicKey);
    expect(await codeOf(await forge(device, payload({ subject: jwkThumbprint(other) })))).toBe('bad-thumbprint');
  });

  it('refuses a header jwk swapped for another key together with the subject (bad-signature)', async () => {
    const device = await generateDeviceKey();
    const otherJwk = await exportPublicJwk((await generateDeviceKey()).publicKey);
    const jws = await forge(device, payload({ subject: jwkThumbprint(otherJwk) }), { jwk: otherJwk });
    expect(await codeOf(jws)).toBe('bad-signature');
  });

  it('refuses any changed character of the payload or signature (bad-signature)', async () => {
    const made = await createReceipt(input(), await generateDeviceKey());
    const sig = made.jws.slice(made.jws.lastIndexOf('.') + 1);
    const flipped = sig[0] === 'A' ? 'B' : 'A';
    expect(await codeOf(made.jws.slice(0, made.jws.length - sig.length) + flipped + sig.slice(1))).toBe(
      'bad-signature',
    );
    // Changing a payload value but keeping the schema valid: still refused.
    const [h, , s] = made.jws.split('.');
    const changed = { ...made.payload, choices: { ...made.payload.choices, analytics: 'granted' } };
    expect(await codeOf(`${h}.${base64urlEncode(utf8(JSON.stringify(changed)))}.${s}`)).toBe('bad-signature');
  });

  it('refuses other algs as unsupported-alg', async () => {
    const ed = await generateCollectorKey();
    const edJwk = await exportPublicJwk(ed.publicKey);
    const jws = await signJws(
      { alg: 'EdDSA', typ: RECEIPT_TYP, jwk: edJwk },
      JSON.stringify(payload({ subject: jwkThumbprint(edJwk) })),
      ed.privateKey,
    );
    expect(await codeOf(jws)).toBe('unsupported-alg');
    const made = await createReceipt(input(), await generateDeviceKey());
    const [, p] = made.jws.split('.');
    const none = `${base64urlEncode(utf8(JSON.stringify({ alg: 'none', typ: RECEIPT_TYP, jwk: made.jwk })))}.${p}.`;
    expect(await codeOf(none)).toBe('unsupported-alg');
  });

  it('refuses a wrong typ, a missing or non-P-256 jwk, and a payload that is not a receipt as malformed', async () => {
    const device = await generateDeviceKey();
    const jwk = await exportPublicJwk(device.publicKey);
    const good = payload({ subject: jwkThumbprint(jwk) });
    const edJwk = await exportPublicJwk((await generateCollectorKey()).publicKey);
    const cases = [
      await forge(device, good, { typ: 'consent-ack+jws' }),
      await forge(device, good, { jwk: undefined }),
      await forge(device, good, { jwk: edJwk }),
      await signJws({ alg: 'ES256', typ: RECEIPT_TYP, jwk }, 'not json', device.privateKey),
      await signJws({ alg: 'ES256', typ: RECEIPT_TYP, jwk }, utf8('["array"]'), device.privateKey),
      await forge(device, { ...good, extra: 1 }),
      await forge(device, { ...good, revision: 0 }),
    ];
    for (const jws of cases) expect(await codeOf(jws)).toBe('malformed');
  });

  it('refuses a header jwk that is not a point on the curve, without throwing', async () => {
    const device = await generateDeviceKey();
    const fake = { kty: 'EC', crv: 'P-256', x: sha256b64u('x'), y: sha256b64u('y') } as const;
    const jws = await forge(device, payload({ subject: jwkThumbprint(fake) }), { jwk: fake });
    expect(await codeOf(jws)).toBe('malformed');
  });

  it('imports a returning subject key once when given a KeyCache', async () => {
    const device = await generateDeviceKey();
    const cache = new Map<string, CryptoKey>();
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    const first = await createReceipt(input(), device);
    const second = await createReceipt(input({ prev: first.leafHash }), device);
    expect((await verifyReceipt(first.jws, cache)).ok).toBe(true);
    expect((await verifyReceipt(second.jws, cache)).ok).toBe(true);
    expect(importKey).toHaveBeenCalledTimes(1);
    expect([...cache.keys()]).toEqual([first.payload.subject]);
    expect((await verifyReceipt(first.jws)).ok).toBe(true);
    expect(importKey).toHaveBeenCalledTimes(2);
  });
});

describe("parseReceipt and verifyReceipt with a caller's signature check", () => {
  it('parses and validates without checking the signature', async () => {
    const made = await createReceipt(input(), await generateDeviceKey());
    const tampered = `${made.jws.slice(0, made.jws.lastIndexOf('.') + 1)}${base64urlEncode(new Uint8Array(64))}`;
    const parsed = parseReceipt(tampered);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.payload).toEqual(made.payload);
    expect(parsed.value.jwk).toEqual(made.jwk);
    expect(parsed.value.thumbprint).toBe(made.payload.subject);
    expect(new TextDecoder().decode(parsed.value.decoded.signingInput)).toBe(
      made.jws.slice(0, made.jws.lastIndexOf('.')),
    );
    const other = await exportPublicJwk((await generateDeviceKey()).publicKey);
    const mismatch = parseReceipt(await forge(await generateDeviceKey(), payload({ subject: jwkThumbprint(other) })));
    expect(!mismatch.ok && mismatch.error.code).toBe('bad-thumbprint');
    expect(!parseReceipt('x.y').ok && (parseReceipt('x.y') as { error: { code: string } }).error.code).toBe(
      'malformed',
    );
  });

  it('uses verifySignature and leafHash instead of WebCrypto and its own hash, with the same error codes', async () => {
    const made = await createReceipt(input(), await generateDeviceKey());
    const seen: ParsedReceipt[] = [];
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    const accepted = await verifyReceipt(made.jws, {
      verifySignature: (r) => {
        seen.push(r);
        return true;
      },
      leafHash: () => 'native',
    });
    expect(accepted.ok && accepted.value.leafHash).toBe('native');
    expect(accepted.ok && accepted.value.payload).toEqual(made.payload);
    expect(seen.map((r) => r.thumbprint)).toEqual([made.payload.subject]);
    expect(importKey).not.toHaveBeenCalled();
    const codes = async (options: Parameters<typeof verifyReceipt>[1], jws = made.jws) => {
      const result = await verifyReceipt(jws, options);
      return result.ok ? 'ok' : result.error.code;
    };
    expect(await codes({ verifySignature: async () => false })).toBe('bad-signature');
    expect(
      await codes({
        verifySignature: () => {
          throw new Error('not on the curve');
        },
      }),
    ).toBe('malformed');
    const short = `${made.jws.slice(0, made.jws.lastIndexOf('.') + 1)}${base64urlEncode(new Uint8Array(63))}`;
    expect(await codes({ verifySignature: () => true }, short)).toBe('bad-signature');
    const defaults = await verifyReceipt(made.jws, {});
    expect(defaults.ok && defaults.value.leafHash).toBe(made.leafHash);
  });
});

describe('one receipt, one byte string', () => {
  /** The same receipt with s replaced by n - s: as valid an ECDSA signature, another leaf hash. */
  const highS = (jws: string) => {
    const dot = jws.lastIndexOf('.');
    const signature = base64urlDecode(jws.slice(dot + 1));
    const s = BigInt(`0x${Buffer.from(signature.subarray(32)).toString('hex')}`);
    const n = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
    signature.set(Buffer.from((n - s).toString(16).padStart(64, '0'), 'hex'), 32);
    return `${jws.slice(0, dot + 1)}${base64urlEncode(signature)}`;
  };

  it('signs in low-S form and refuses the high-S twin of a receipt (bad-signature), except from a log', async () => {
    const device = await generateDeviceKey();
    for (let i = 0; i < 8; i++) {
      const made = await createReceipt(input(), device);
      const twin = highS(made.jws);
      expect(isLowS(base64urlDecode(made.jws.split('.')[2]))).toBe(true);
      // The twin is a valid ECDSA signature: WebCrypto accepts it.
      const decoded = decodeJws(twin);
      expect(decoded.ok && (await verifyDecodedJws(decoded.value, made.jwk)).ok).toBe(true);
      const refused = await verifyReceipt(twin);
      expect(!refused.ok && refused.error.code).toBe('bad-signature');
      expect(!refused.ok && refused.error.message).toMatch(/low-S/);
      const logged = await verifyReceipt(twin, { rules: 'logged' });
      expect(logged.ok && logged.value.leafHash).not.toBe(made.leafHash);
    }
  });

  it('refuses a payload that is not I-JSON: duplicate members, lone surrogates', async () => {
    const device = await generateDeviceKey();
    const made = await createReceipt(input(), device);
    const text = JSON.stringify(made.payload);
    const sign = (body: string) => signJws({ alg: 'ES256', typ: RECEIPT_TYP, jwk: made.jwk }, body, device.privateKey);
    const denied = JSON.stringify({ analytics: 'denied', maps: 'denied', audiovideo: 'denied', support: 'denied' });
    for (const body of [
      text.replace('"choices":', `"choices":${denied},"choices":`),
      text.replace('"site":"clikodoc"', '"site":"other","site":"clikodoc"'),
      text.replace('"page":"https://www.clikodoc.com/praticiens"', '"page":"https://www.clikodoc.com/\\ud800"'),
    ]) {
      expect(body).not.toBe(text);
      const result = await verifyReceipt(await sign(body), { rules: 'logged' });
      expect(!result.ok && result.error.code, body).toBe('malformed');
      expect(!result.ok && result.error.message).toMatch(/not I-JSON/);
    }
    const header = `${base64urlEncode(utf8(`{"alg":"ES256","alg":"EdDSA","typ":"${RECEIPT_TYP}"}`))}.${made.jws.split('.')[1]}.${made.jws.split('.')[2]}`;
    const duplicateHeader = await verifyReceipt(header);
    expect(!duplicateHeader.ok && duplicateHeader.error.message).toMatch(/duplicate member name "alg"/);
  });
});

describe('verifyReceipt never throws', () => {
  const CODES = ['malformed', 'unsupported-alg', 'bad-signature', 'bad-thumbprint'];
  const random = (n: number) => Math.floor(Math.random() * n);
  const CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ {}"\\\u0000é😀';

  it('answers a failure with a known code for random strings and random mutations of a valid receipt', async () => {
    const made = await createReceipt(input(), await generateDeviceKey());
    const values: unknown[] = [
      undefined,
      null,
      42,
      {},
      [],
      made,
      '',
      '.',
      '..',
      '...',
      made.jws.split('.').slice(0, 2).join('.'),
    ];
    for (let i = 0; i < 300; i++)
      values.push(Array.from({ length: random(400) }, () => CHARS[random(CHARS.length)]).join(''));
    for (let i = 0; i < 1500; i++) {
      let text = made.jws;
      for (let k = 1 + random(3); k > 0; k--) {
        const at = random(text.length);
        const c = CHARS[random(CHARS.length)];
        const op = random(4);
        text =
          op === 0
            ? text.slice(0, at) + c + text.slice(at + 1)
            : op === 1
              ? text.slice(0, at) + text.slice(at + 1)
              : op === 2
                ? text.slice(0, at) + c + text.slice(at)
                : text.slice(0, at);
      }
      if (text !== made.jws) values.push(text);
    }
    const cache = new Map<string, CryptoKey>();
    for (const value of values) {
      const result = await verifyReceipt(value as string, cache);
      expect(result.ok, String(value)).toBe(false);
      if (!result.ok) expect(CODES).toContain(result.error.code);
    }
  });
});
