// One receipt, one stored byte string: the attacks of issue 14 (items 3 to 5) against the real
// ingest route. A receipt that another reader could read otherwise, or a second byte string of
// the same signed statement, is refused before anything is stored.
import {
  base64urlDecode,
  base64urlEncode,
  exportPublicJwk,
  fromUtf8,
  RECEIPT_TYP,
  signJws,
} from '@consent-ledger/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Device, testCollector } from '../testing';

type Harness = Awaited<ReturnType<typeof testCollector>>;

/** The same receipt with s replaced by n - s: a second valid ECDSA signature, another leaf hash. */
function highSTwin(jws: string): string {
  const dot = jws.lastIndexOf('.');
  const signature = base64urlDecode(jws.slice(dot + 1));
  const s = BigInt(`0x${Buffer.from(signature.subarray(32)).toString('hex')}`);
  const n = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
  signature.set(Buffer.from((n - s).toString(16).padStart(64, '0'), 'hex'), 32);
  return `${jws.slice(0, dot + 1)}${base64urlEncode(signature)}`;
}

describe('POST /v1/receipts keeps one byte string per receipt', () => {
  let h: Harness;
  let device: Device;
  beforeEach(async () => {
    h = await testCollector();
    device = await Device.create(h.config);
  });
  afterEach(async () => {
    await h.dispose();
  });

  const codeOf = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

  it('refuses the high-S twin of a receipt (400 bad-signature), so the device own receipt is still accepted', async () => {
    const receipt = await device.receipt({ method: 'save' });
    const twin = highSTwin(receipt.jws);
    const refused = await h.post([twin]);
    expect(refused.status).toBe(400);
    expect(await codeOf(refused)).toBe('bad-signature');
    expect(await h.store.getEntry('clikodoc', receipt.payload.id)).toBeNull();
    const accepted = await h.post([receipt.jws]);
    expect(accepted.status).toBe(201);
    expect((await h.store.getEntry('clikodoc', receipt.payload.id))?.jws).toBe(receipt.jws);
  });

  /** Signs `body` (raw JSON text) with the device key as a receipt. */
  async function signed(body: string): Promise<string> {
    const jwk = await exportPublicJwk(device.keys.publicKey);
    return signJws({ alg: 'ES256', typ: RECEIPT_TYP, jwk } as never, body, device.keys.privateKey);
  }

  it('refuses payloads that are not I-JSON (400 malformed): duplicate members, lone surrogates', async () => {
    const { payload } = await device.receipt();
    const text = JSON.stringify(payload);
    const granted = JSON.stringify(Object.fromEntries(Object.keys(payload.choices).map((p) => [p, 'granted'])));
    for (const body of [
      text.replace('"choices":', `"choices":${granted},"choices":`),
      text.replace('"site":"clikodoc"', '"site":"clickcare","site":"clikodoc"'),
      text.replace(`"page":"${payload.page}"`, `"page":"${payload.page}\\ud800"`),
    ]) {
      expect(body).not.toBe(text);
      const res = await h.post([await signed(body)]);
      expect(res.status, body).toBe(400);
      expect(await codeOf(res)).toBe('malformed');
    }
    expect(await h.store.getEntry('clikodoc', payload.id)).toBeNull();
  });

  it('refuses a page no browser writes (400 malformed), and stores the page exactly as signed', async () => {
    const origin = h.config.origins[0];
    const good = await device.receipt();
    device.last = null;
    for (const page of [
      `${origin}/a\u0000b`,
      `${origin}/a\r\nSet-Cookie: x`,
      `${origin}/a\tb`,
      `${origin}/\u202egnp.exe`,
      `${origin}/\u200bpraticiens`,
      `${origin}/é`,
    ]) {
      // createReceipt refuses to sign such a page: the payload is written by hand, as an attacker would.
      const res = await h.post([await signed(JSON.stringify({ ...good.payload, page }))]);
      expect(res.status, JSON.stringify(page)).toBe(400);
      expect(await codeOf(res)).toBe('malformed');
    }
    const page = `${origin}/praticiens/%E2%80%AE`;
    const receipt = await device.receipt({ page });
    expect((await h.post([receipt.jws])).status).toBe(201);
    const stored = await h.store.getEntry('clikodoc', receipt.payload.id);
    const signedPage = JSON.parse(fromUtf8(base64urlDecode(receipt.jws.split('.')[1]))).page;
    expect(stored?.page).toBe(signedPage);
    expect(stored?.page).toBe(page);
  });
});
