// A small in-process stand-in for the collector, for the SDK's unit tests: it verifies receipts
// with protocol's code, keeps one chain per subject, answers signed acks, and can be taken down
// or told to refuse. The contract tests (contract/) run the same flows against the real collector.
import {
  configDocument,
  exportPublicJwk,
  generateCollectorKey,
  jwkThumbprint,
  type Language,
  type OkpPublicJwk,
  type ReceiptPayload,
  signAck,
  validateSiteConfig,
  verifyReceipt,
} from '@consent-ledger/protocol';
import cabinet from '../../../fixtures/sites/cabinet-praticien.json';
import clickcare from '../../../fixtures/sites/clickcare.json';
import clikodoc from '../../../fixtures/sites/clikodoc.json';
import type { ConfigDocument } from '../src/types';

const fixtures: Record<string, object> = { clikodoc, clickcare, 'cabinet-praticien': cabinet };

/** A fixture site's config document, resolved as the collector would serve it. */
export function fixtureDocument(
  site: string,
  patch: Record<string, unknown> = {},
  language: Language = 'fr',
): ConfigDocument {
  const checked = validateSiteConfig({ ...fixtures[site], ...patch });
  if (!checked.ok) throw new Error(JSON.stringify(checked.error));
  return configDocument(checked.value, language);
}

type Refusal = { status: number; code: string } | null;

/** Creates a collector double serving `doc`; `fetch` is what the page's fetch should be. */
export async function collectorDouble(doc: ConfigDocument) {
  const pair = await generateCollectorKey();
  const jwk = (await exportPublicJwk(pair.publicKey)) as OkpPublicJwk;
  const kid = jwkThumbprint(jwk);
  const acks = new Map<string, string>();
  const heads = new Map<string, string>();
  const state = {
    doc,
    etag: '"1"',
    down: false,
    /** Commits the next batch, then loses the answer (the network died on the way back). */
    loseNextAnswer: false,
    /** Ids in the order they entered the log. */
    logged: [] as string[],
    /** Receipts (payloads) as posted, every attempt. */
    posted: [] as ReceiptPayload[],
    /** Decides which receipts are refused for good (by default none). */
    refuse: (_p: ReceiptPayload): Refusal => null,
  };
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

  async function receipts(body: { receipts: string[] }): Promise<Response> {
    const out: string[] = [];
    const newHeads = new Map(heads);
    const entries: Array<[string, string]> = [];
    for (const [index, jws] of body.receipts.entries()) {
      const v = await verifyReceipt(jws);
      if (!v.ok) return json(400, { error: { ...v.error, index } });
      const p = v.value.payload;
      state.posted.push(p);
      const known = acks.get(p.id);
      if (known) {
        out.push(known);
        continue;
      }
      const refusal = state.refuse(p);
      if (refusal) return json(refusal.status, { error: { code: refusal.code, message: 'refused', index } });
      const expected = newHeads.get(p.subject) ?? null;
      if (p.prev !== expected) return json(409, { error: { code: 'prev-mismatch', message: 'prev', index, expected } });
      newHeads.set(p.subject, v.value.leafHash);
      const ack = await signAck(
        {
          v: 1,
          id: p.id,
          site: p.site,
          subject: p.subject,
          index: state.logged.length + entries.length,
          leafHash: v.value.leafHash,
          receivedAt: new Date().toISOString(),
          ip: null,
          userAgent: null,
        },
        { privateKey: pair.privateKey, kid },
      );
      entries.push([p.id, ack]);
      out.push(ack);
    }
    for (const [id, ack] of entries) {
      acks.set(id, ack);
      state.logged.push(id);
    }
    for (const [s, h] of newHeads) heads.set(s, h);
    return json(entries.length ? 201 : 200, { acks: out });
  }

  async function fetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
    if (state.down) throw new TypeError('Failed to fetch');
    const url = new URL(String(input));
    const headers = new Headers(init.headers);
    if (url.pathname === '/v1/keys') return json(200, { keys: [{ ...jwk, kid, name: 'double' }] });
    if (url.pathname.endsWith('/config')) {
      if (headers.get('if-none-match') === state.etag) return new Response(null, { status: 304 });
      return json(200, state.doc, { etag: state.etag });
    }
    if (url.pathname === '/v1/receipts' && init.method === 'POST') {
      const res = await receipts(JSON.parse(String(init.body)));
      if (state.loseNextAnswer) {
        state.loseNextAnswer = false;
        throw new TypeError('Failed to fetch');
      }
      return res;
    }
    if (url.pathname.includes('/log/proof/')) return json(202, { status: 'pending' });
    return json(404, { error: { code: 'not-found', message: url.pathname } });
  }

  return Object.assign(state, { fetch });
}
