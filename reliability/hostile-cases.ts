// The named cases of the hostile-request corpus (hostile.ts runs them): each request an attacker
// sends, with the status and error code the collector must answer. Building them posts the control
// receipts (valid, stored) some cases spoil or replay.
import { join } from 'node:path';
import { issueToken, openSqliteStore } from '@consent-ledger/collector';
import type { Device as DeviceType } from '@consent-ledger/collector/testing';
import { Device, fixtureConfig } from '@consent-ledger/collector/testing';
import {
  base64urlDecode,
  base64urlEncode,
  createDpopProof,
  decodeJws,
  exportPublicJwk,
  fromUtf8,
  generateDeviceKey,
  RECEIPT_TYP,
  signJws,
  utf8,
  type VerifiedReceipt,
} from '@consent-ledger/protocol';
import type { Collector } from '../e2e/harness/server';

export const SITE = 'clikodoc';
/** P-256's order: `n - s` is a signature's high-S twin. */
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;

/** One hostile request and what the collector must answer. */
export interface HostileCase {
  name: string;
  send(): Promise<Response>;
  status: number;
  /** The JSON error code; absent for the few hostile requests the API answers with success (a replay). */
  code?: string;
}

const jsonPart = (value: unknown) => base64urlEncode(utf8(typeof value === 'string' ? value : JSON.stringify(value)));

/** A JWS of `receipt`'s payload text (possibly edited) with another header, signed by `sign`'s key or given a raw signature. */
async function reforge(
  receipt: VerifiedReceipt,
  edit: { header?: Record<string, unknown>; payload?: string; signature?: string; key?: CryptoKey },
): Promise<string> {
  const decoded = decodeJws(receipt.jws);
  if (!decoded.ok) throw new Error(decoded.error.message);
  const header = { alg: 'ES256', typ: RECEIPT_TYP, jwk: receipt.jwk, ...edit.header };
  const payload = edit.payload ?? fromUtf8(decoded.value.payload);
  if (edit.key && header.alg === 'ES256') return signJws(header as Parameters<typeof signJws>[0], payload, edit.key);
  return `${jsonPart(header)}.${jsonPart(payload)}.${edit.signature ?? receipt.jws.split('.')[2]}`;
}

/** The receipt with its signature's `s` replaced by `n - s`: valid ECDSA, another byte string. */
function highS(receipt: VerifiedReceipt): string {
  const [h, p, sig] = receipt.jws.split('.');
  const bytes = base64urlDecode(sig);
  const s = BigInt(`0x${Buffer.from(bytes.slice(32)).toString('hex')}`);
  const twin = Buffer.from((N - s).toString(16).padStart(64, '0'), 'hex');
  return `${h}.${p}.${base64urlEncode(new Uint8Array([...bytes.slice(0, 32), ...twin]))}`;
}

/** What building the cases needs from the runner: the collector and its ways of posting. */
export interface CaseHarness {
  collector: Collector;
  post(body: BodyInit, headers?: Record<string, string>): () => Promise<Response>;
  postReceipts(receipts: unknown[], headers?: Record<string, string>): () => Promise<Response>;
  /** Posts a valid receipt the log must end up holding. */
  control(receipt: VerifiedReceipt): Promise<void>;
  /** Sends a request counted by the corpus (a DPoP proof's first use). */
  answer(send: () => Promise<Response>, label: string): Promise<unknown>;
}

/** Posts the control receipts and builds the named cases; `spare` is a valid receipt never sent as it is. */
export async function hostileCases(h: CaseHarness): Promise<{ cases: HostileCase[]; spare: VerifiedReceipt }> {
  const { collector, post, postReceipts, control, answer } = h;
  const config = fixtureConfig(SITE);
  const origin = config.origins[0];
  const otherOrigin = fixtureConfig('clickcare').origins[0];
  const device = await Device.create(config);
  const other = await Device.create(config);
  const first = await device.receipt();
  await control(first);
  const second = await device.receipt({ method: 'accept-all' });
  await control(second);
  const purposes = Object.keys(config.purposes);
  // A token that expired long ago, written into the ledger the running serve reads (`tokens create`
  // takes only future dates, and waiting for one to expire would slow the suite).
  const ledger = openSqliteStore(join(collector.data, 'ledger.db'));
  const { token: expired } = await issueToken(
    ledger,
    { role: 'auditor', sites: [SITE], expiresAt: '2026-01-01T00:00:01.000Z' },
    '2026-01-01T00:00:00.000Z',
  ).finally(() => ledger.close());
  // Receipts that are valid but never sent as they are: each case below spoils one of them.
  const fresh = async (overrides: Parameters<DeviceType['receipt']>[0] = {}) => {
    const d = await Device.create(config);
    return d.receipt(overrides);
  };
  const spareDevice = await Device.create(config);
  const spare = await spareDevice.receipt();
  const decodedSpare = decodeJws(spare.jws);
  if (!decodedSpare.ok) throw new Error(decodedSpare.error.message);
  const sparePayload = fromUtf8(decodedSpare.value.payload);
  /** The spare receipt's payload text edited, signed again by its own key: only the payload is wrong. */
  const resigned = (edit: (payload: string) => string) =>
    reforge(spare, { payload: edit(sparePayload), key: spareDevice.keys.privateKey });
  const withPage = (page: string) =>
    resigned((p) => p.replace(`"page":"${origin}/"`, `"page":${JSON.stringify(page)}`));
  const otherKey = await generateDeviceKey();
  const fork = await other.receipt();
  await control(fork);
  const forkSibling = await fresh({ prev: second.leafHash });
  const deep = (n: number) => `{"receipts":${'['.repeat(n)}${']'.repeat(n)}}`;
  const bigBody = JSON.stringify({ receipts: [spare.jws, 'x'.repeat(200 * 1024)] });

  const historyUrl = `${collector.origin}/v1/subjects/${first.payload.subject}/receipts`;
  const dpopGet =
    (proof: string | null, headers: Record<string, string> = {}) =>
    () =>
      collector.fetch(`/v1/subjects/${first.payload.subject}/receipts`, {
        headers: { Origin: origin, ...(proof ? { DPoP: proof } : {}), ...headers },
      });
  const usedProof = await createDpopProof({ htm: 'GET', htu: historyUrl, device: device.keys });
  await answer(dpopGet(usedProof), 'first use of a DPoP proof');

  const cases: HostileCase[] = [
    // Bodies.
    { name: 'body not JSON', send: post('{"receipts": ['), status: 400, code: 'malformed' },
    { name: 'body null', send: post('null'), status: 400, code: 'malformed' },
    { name: 'receipts not an array', send: post('{"receipts":"x"}'), status: 400, code: 'malformed' },
    { name: 'empty batch', send: postReceipts([]), status: 400, code: 'malformed' },
    { name: 'a number for a receipt', send: postReceipts([42]), status: 400, code: 'malformed' },
    { name: '101 receipts', send: postReceipts(Array(101).fill(spare.jws)), status: 400, code: 'malformed' },
    {
      name: 'extra member',
      send: post(JSON.stringify({ receipts: [spare.jws], x: 1 })),
      status: 400,
      code: 'malformed',
    },
    { name: 'nested 60,000 deep (120 KB)', send: post(deep(60_000)), status: 400, code: 'malformed' },
    { name: 'nested 5,000 deep', send: post(deep(5000)), status: 400, code: 'malformed' },
    { name: 'body over 128 KB', send: post(bigBody), status: 413, code: 'too-large' },
    {
      name: 'body over 128 KB, chunked',
      send: () =>
        collector.fetch('/v1/receipts', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: origin },
          body: new Blob([bigBody]).stream(),
          duplex: 'half',
        } as RequestInit),
      status: 413,
      code: 'too-large',
    },
    // Content types.
    { name: 'text/plain', send: postReceipts([spare.jws], { 'Content-Type': 'text/plain' }), status: 415 },
    {
      name: 'form',
      send: postReceipts([spare.jws], { 'Content-Type': 'application/x-www-form-urlencoded' }),
      status: 415,
    },
    {
      name: 'multipart',
      send: postReceipts([spare.jws], { 'Content-Type': 'multipart/form-data; boundary=x' }),
      status: 415,
    },
    // Algorithms and signatures.
    {
      name: 'alg none',
      send: postReceipts([await reforge(spare, { header: { alg: 'none' }, signature: '' })]),
      status: 400,
      code: 'unsupported-alg',
    },
    {
      name: 'alg HS256',
      send: postReceipts([await reforge(spare, { header: { alg: 'HS256' } })]),
      status: 400,
      code: 'unsupported-alg',
    },
    {
      name: 'alg ES384',
      send: postReceipts([await reforge(spare, { header: { alg: 'ES384' } })]),
      status: 400,
      code: 'unsupported-alg',
    },
    {
      name: 'alg RS256',
      send: postReceipts([await reforge(spare, { header: { alg: 'RS256' } })]),
      status: 400,
      code: 'unsupported-alg',
    },
    {
      name: 'signature with one bit flipped',
      send: postReceipts([
        `${spare.jws.slice(0, spare.jws.lastIndexOf('.') + 1)}${base64urlEncode(base64urlDecode(spare.jws.split('.')[2]).map((b, i) => (i === 5 ? b ^ 1 : b)))}`,
      ]),
      status: 400,
      code: 'bad-signature',
    },
    {
      name: 'signed by another key under this key',
      send: postReceipts([await reforge(spare, { key: otherKey.privateKey })]),
      status: 400,
      code: 'bad-signature',
    },
    {
      name: 'another key in the header',
      send: postReceipts([
        await reforge(spare, { header: { jwk: await exportPublicJwk(otherKey.publicKey) }, key: otherKey.privateKey }),
      ]),
      status: 400,
      code: 'bad-thumbprint',
    },
    { name: 'high-S twin of a stored receipt', send: postReceipts([highS(first)]), status: 400, code: 'bad-signature' },
    {
      name: 'high-S twin of an unseen receipt',
      send: postReceipts([highS(spare)]),
      status: 400,
      code: 'bad-signature',
    },
    {
      name: 'payload edited after signing',
      send: postReceipts([await reforge(spare, { payload: sparePayload.replace('"reject-all"', '"accept-all"') })]),
      status: 400,
      code: 'bad-signature',
    },
    // Payloads (each signed by the right key, so only the payload is wrong).
    {
      name: 'duplicate "site" member',
      send: postReceipts([await resigned((p) => p.replace('{', '{"site":"clickcare",'))]),
      status: 400,
      code: 'malformed',
    },
    {
      name: 'duplicate "choices" member',
      send: postReceipts([
        await resigned((p) =>
          p.replace('{', `{"choices":${JSON.stringify(Object.fromEntries(purposes.map((x) => [x, 'granted'])))},`),
        ),
      ]),
      status: 400,
      code: 'malformed',
    },
    {
      name: 'unknown member',
      send: postReceipts([await resigned((p) => p.replace('{', '{"admin":true,'))]),
      status: 400,
      code: 'malformed',
    },
    {
      name: 'payload not JSON',
      send: postReceipts([await resigned((p) => p.slice(1))]),
      status: 400,
      code: 'malformed',
    },
    {
      name: 'page with NUL',
      send: postReceipts([await withPage(`${origin}/a\u0000b`)]),
      status: 400,
      code: 'malformed',
    },
    {
      name: 'page with CR LF',
      send: postReceipts([await withPage(`${origin}/a\r\nb`)]),
      status: 400,
      code: 'malformed',
    },
    {
      name: 'page with U+202E',
      send: postReceipts([await withPage(`${origin}/a\u202eb`)]),
      status: 400,
      code: 'malformed',
    },
    {
      name: 'page with a lone surrogate',
      send: postReceipts([await withPage(`${origin}/a\ud800b`)]),
      status: 400,
      code: 'malformed',
    },
    // Origins and sites.
    {
      name: 'no Origin',
      send: () =>
        collector.fetch('/v1/receipts', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ receipts: [spare.jws] }),
        }),
      status: 403,
      code: 'origin-not-allowed',
    },
    {
      name: 'unlisted Origin',
      send: postReceipts([spare.jws], { Origin: 'https://evil.example' }),
      status: 403,
      code: 'origin-not-allowed',
    },
    {
      name: "another site's Origin",
      send: postReceipts([spare.jws], { Origin: otherOrigin }),
      status: 403,
      code: 'origin-not-allowed',
    },
    {
      name: 'unknown site',
      send: postReceipts([(await fresh({ site: 'nowhere' })).jws]),
      status: 422,
      code: 'unknown-site',
    },
    {
      name: 'unknown revision',
      send: postReceipts([(await fresh({ revision: 99 })).jws]),
      status: 422,
      code: 'unknown-revision',
    },
    {
      name: 'unknown notice',
      send: postReceipts([(await fresh({ textHash: first.leafHash })).jws]),
      status: 422,
      code: 'unknown-notice',
    },
    {
      name: 'a purpose missing',
      send: postReceipts([
        (await fresh({ choices: Object.fromEntries(purposes.slice(1).map((p) => [p, 'denied'])) })).jws,
      ]),
      status: 400,
      code: 'malformed',
    },
    {
      name: 'page on another origin',
      send: postReceipts([(await fresh({ page: 'https://evil.example/' })).jws]),
      status: 400,
      code: 'malformed',
    },
    // Chains and replays.
    {
      name: 'chain fork (a second receipt after the same prev)',
      send: postReceipts([forkSibling.jws]),
      status: 409,
      code: 'prev-mismatch',
    },
    {
      name: 'reused id with other content',
      send: postReceipts([(await fresh({ id: first.payload.id })).jws]),
      status: 409,
      code: 'id-conflict',
    },
    { name: 'replay of a stored receipt (answered, stored once)', send: postReceipts([first.jws]), status: 200 },
    // Methods and paths.
    {
      name: 'PUT /v1/receipts',
      send: () => collector.fetch('/v1/receipts', { method: 'PUT' }),
      status: 405,
      code: 'method-not-allowed',
    },
    { name: 'unknown path', send: () => collector.fetch('/v1/../../etc/passwd'), status: 404, code: 'not-found' },
    { name: '/metrics on the API address', send: () => collector.fetch('/metrics'), status: 404, code: 'not-found' },
    // A visitor's routes.
    { name: 'history without DPoP', send: dpopGet(null), status: 401, code: 'bad-proof' },
    { name: 'history with a replayed proof', send: dpopGet(usedProof), status: 401, code: 'bad-proof' },
    {
      name: 'history with a proof for another server',
      send: dpopGet(
        await createDpopProof({
          htm: 'GET',
          htu: `https://elsewhere.example/v1/subjects/${first.payload.subject}/receipts`,
          device: device.keys,
        }),
        { Host: 'elsewhere.example' },
      ),
      status: 401,
      code: 'bad-proof',
    },
    {
      name: "history with another device's proof",
      send: dpopGet(await createDpopProof({ htm: 'GET', htu: historyUrl, device: other.keys })),
      status: 401,
      code: 'bad-proof',
    },
    {
      name: 'erasure without DPoP',
      send: () =>
        collector.fetch(`/v1/subjects/${first.payload.subject}`, { method: 'DELETE', headers: { Origin: origin } }),
      status: 401,
      code: 'bad-proof',
    },
    // Tokens.
    {
      name: 'audit without a token',
      send: () => collector.fetch(`/v1/audit/sites/${SITE}/stats`),
      status: 401,
      code: 'unauthorized',
    },
    {
      name: 'audit with a garbage token',
      send: () =>
        collector.fetch(`/v1/audit/sites/${SITE}/stats`, { headers: { Authorization: 'Bearer clt_nothing' } }),
      status: 401,
      code: 'unauthorized',
    },
    {
      name: 'audit with an expired token',
      send: () => collector.fetch(`/v1/audit/sites/${SITE}/stats`, { headers: { Authorization: `Bearer ${expired}` } }),
      status: 401,
      code: 'token-expired',
    },
  ];
  return { cases, spare };
}
