import {
  base64urlEncode,
  decodeJws,
  exportPublicJwk,
  fromUtf8,
  generateDeviceKey,
  RECEIPT_TYP,
  type ReceiptPayload,
  signJws,
  utf8,
  verifyAck,
} from '@consent-ledger/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectorJwks } from '../keys';
import { publishSite } from '../sites';
import { Device, fixtureConfig, fixtureJson, testCollector } from '../testing';

type Harness = Awaited<ReturnType<typeof testCollector>>;

describe('POST /v1/receipts', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await testCollector();
  });
  afterEach(async () => {
    await h.dispose();
  });

  async function errorOf(res: Response) {
    return (
      (await res.json()) as { error: { code: string; index?: number; expected?: string | null; message: string } }
    ).error;
  }

  describe('accepts', () => {
    it('a first receipt, answered with an ack signed by the collector after commit', async () => {
      const device = await Device.create(h.config);
      const receipt = await device.receipt({
        method: 'accept-all',
        choices: { analytics: 'granted', maps: 'granted', audiovideo: 'granted', support: 'granted' },
      });
      const res = await h.post([receipt.jws], { 'User-Agent': 'Mozilla/5.0 test', 'X-Test-Ip': '198.51.100.23' });
      expect(res.status).toBe(201);
      const { acks } = (await res.json()) as { acks: string[] };
      expect(acks).toHaveLength(1);
      const ack = await verifyAck(acks[0], collectorJwks(h.key));
      expect(ack.ok).toBe(true);
      if (!ack.ok) return;
      // Notices of fr and en come first in the log.
      expect(ack.value).toMatchObject({
        id: receipt.payload.id,
        site: 'clikodoc',
        subject: receipt.payload.subject,
        index: 2,
        leafHash: receipt.leafHash,
        ip: '198.51.100.0',
        userAgent: 'Mozilla/5.0 test',
      });
      const stored = await h.store.getEntry('clikodoc', receipt.payload.id);
      expect(stored).toMatchObject({
        index: 2,
        jws: receipt.jws,
        ack: acks[0],
        ip: '198.51.100.0',
        receivedAt: ack.value.receivedAt,
      });
    });

    it('a chain of five including a withdrawal', async () => {
      const device = await Device.create(h.config);
      const all = { analytics: 'granted', maps: 'granted', audiovideo: 'granted', support: 'granted' } as const;
      const steps = [
        { method: 'reject-all' as const },
        {
          method: 'embed' as const,
          choices: { analytics: 'denied', maps: 'granted', audiovideo: 'denied', support: 'denied' } as const,
        },
        { method: 'accept-all' as const, choices: all },
        { method: 'save' as const, choices: { ...all, analytics: 'denied' } as const },
        {
          method: 'withdraw' as const,
          choices: { analytics: 'denied', maps: 'denied', audiovideo: 'denied', support: 'denied' } as const,
        },
      ];
      const indexes: number[] = [];
      for (const step of steps) {
        const res = await h.post([(await device.receipt(step)).jws]);
        expect(res.status).toBe(201);
        const { acks } = (await res.json()) as { acks: string[] };
        indexes.push(
          JSON.parse(fromUtf8((decodeJws(acks[0]) as { ok: true; value: { payload: Uint8Array } }).value.payload))
            .index,
        );
      }
      expect(indexes).toEqual([2, 3, 4, 5, 6]);
      const withdrawal = await h.store.readEntries('clikodoc', 6, 1);
      expect(withdrawal[0]).toMatchObject({ method: 'withdraw', choices: { maps: 'denied' } });
    });

    it('a batch, in chain order, all or nothing', async () => {
      const device = await Device.create(h.config);
      const batch = [
        await device.receipt(),
        await device.receipt({ method: 'save' }),
        await device.receipt({ method: 'withdraw' }),
      ];
      const res = await h.post(batch.map((r) => r.jws));
      expect(res.status).toBe(201);
      const { acks } = (await res.json()) as { acks: string[] };
      expect(acks).toHaveLength(3);
      expect((await h.store.listLogs())[0].size).toBe(5);
    });

    it('a full batch of 100 receipts, a body beyond 64 KB, and refuses one byte over 128 KB (413)', async () => {
      const device = await Device.create(h.config);
      const batch = [];
      for (let i = 0; i < 100; i++) batch.push(await device.receipt({ method: i % 2 ? 'save' : 'accept-all' }));
      const body = JSON.stringify({ receipts: batch.map((r) => r.jws) });
      expect(body.length).toBeGreaterThan(64 * 1024);
      const res = await h.post(body);
      expect(res.status).toBe(201);
      expect(((await res.json()) as { acks: string[] }).acks).toHaveLength(100);
      const over = JSON.stringify({ receipts: ['x'.repeat(128 * 1024 - '{"receipts":[""]}'.length + 1)] });
      expect(over.length).toBe(128 * 1024 + 1);
      const refused = await h.post(over);
      expect([refused.status, (await errorOf(refused)).code]).toEqual([413, 'too-large']);
      const under = JSON.stringify({ receipts: ['x'.repeat(128 * 1024 - '{"receipts":[""]}'.length)] });
      expect((await h.post(under)).status).toBe(400);
    });

    it('the same receipt twice, with the very same ack (200)', async () => {
      const device = await Device.create(h.config);
      const receipt = await device.receipt();
      const first = await h.post([receipt.jws]);
      const second = await h.post([receipt.jws]);
      expect(first.status).toBe(201);
      expect(second.status).toBe(200);
      expect(await second.json()).toEqual(await first.json());
      const next = await device.receipt({ method: 'save' });
      const mixed = await h.post([receipt.jws, next.jws]);
      expect(mixed.status).toBe(201);
    });

    it('receipts arriving together in one group commit, each with its own ack', async () => {
      const devices = await Promise.all(Array.from({ length: 12 }, () => Device.create(h.config)));
      const receipts = await Promise.all(devices.map((d) => d.receipt()));
      const answers = await Promise.all(receipts.map((r) => h.post([r.jws])));
      expect(answers.map((a) => a.status)).toEqual(receipts.map(() => 201));
      const indexes = await Promise.all(
        receipts.map(async (r) => (await h.store.getEntry('clikodoc', r.payload.id))!.index),
      );
      expect(indexes.sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 2));
    });

    it('answers the preflight of a site origin, not of others', async () => {
      const preflight = (origin: string) =>
        h.collector.app.request('/v1/receipts', {
          method: 'OPTIONS',
          headers: {
            Origin: origin,
            'Access-Control-Request-Method': 'POST',
            'Access-Control-Request-Headers': 'content-type',
          },
        });
      const ok = await preflight(h.origin);
      expect(ok.headers.get('access-control-allow-origin')).toBe(h.origin);
      expect(ok.headers.get('access-control-allow-methods')).toContain('POST');
      const other = await preflight('https://evil.example');
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('refuses', () => {
    let device: Device;
    let good: ReceiptPayload;
    beforeEach(async () => {
      device = await Device.create(h.config);
      good = (await device.receipt()).payload;
      device.last = null;
    });

    /** A JWS with a chosen header and payload, signed by `key` (the device's by default). */
    async function forge(
      header: Record<string, unknown>,
      payload: unknown,
      key = device.keys.privateKey,
    ): Promise<string> {
      return signJws(header as never, JSON.stringify(payload), key);
    }
    async function deviceHeader() {
      return { alg: 'ES256', typ: RECEIPT_TYP, jwk: await exportPublicJwk(device.keys.publicKey) };
    }

    const cases: Array<[string, () => Response | Promise<Response>, number, string]> = [
      ['malformed JSON', () => h.post('{"receipts": ['), 400, 'malformed'],
      ['a body that is not { receipts }', () => h.post('{"receipt": []}'), 400, 'malformed'],
      ['an empty batch', () => h.post([]), 400, 'malformed'],
      ['a wrong content type', () => h.post([], { 'Content-Type': 'text/plain' }), 415, 'unsupported-media-type'],
      [
        'a form body',
        () => h.post([], { 'Content-Type': 'application/x-www-form-urlencoded' }),
        415,
        'unsupported-media-type',
      ],
      ['a 1 MB body', () => h.post(JSON.stringify({ receipts: ['x'.repeat(1024 * 1024)] })), 413, 'too-large'],
      ['a non-JWS string', () => h.post(['hello']), 400, 'malformed'],
      ['a non-string receipt', () => h.post([42]), 400, 'malformed'],
      ['bad base64', () => h.post(['e30.!!!.???']), 400, 'malformed'],
      ['a batch of 101', () => h.post(Array.from({ length: 101 }, () => 'a.b.c')), 400, 'malformed'],
    ];
    for (const [name, send, status, code] of cases) {
      it(`${name}: ${status} ${code}`, async () => {
        const res = await send();
        expect(res.status).toBe(status);
        expect((await errorOf(res)).code).toBe(code);
      });
    }

    it('alg none: 400 unsupported-alg', async () => {
      const header = { ...(await deviceHeader()), alg: 'none' };
      const jws = `${base64urlEncode(utf8(JSON.stringify(header)))}.${base64urlEncode(utf8(JSON.stringify(good)))}.`;
      const res = await h.post([jws]);
      expect(res.status).toBe(400);
      expect((await errorOf(res)).code).toBe('unsupported-alg');
    });

    it('HS256: 400 unsupported-alg', async () => {
      const header = { ...(await deviceHeader()), alg: 'HS256' };
      const input = `${base64urlEncode(utf8(JSON.stringify(header)))}.${base64urlEncode(utf8(JSON.stringify(good)))}`;
      const hmac = await crypto.subtle.importKey('raw', utf8('secret'), { name: 'HMAC', hash: 'SHA-256' }, false, [
        'sign',
      ]);
      const jws = `${input}.${base64urlEncode(new Uint8Array(await crypto.subtle.sign('HMAC', hmac, utf8(input))))}`;
      const res = await h.post([jws]);
      expect(res.status).toBe(400);
      expect((await errorOf(res)).code).toBe('unsupported-alg');
    });

    it('a signature by another key: 400 bad-signature', async () => {
      const other = await generateDeviceKey();
      const res = await h.post([await forge(await deviceHeader(), good, other.privateKey)]);
      expect(res.status).toBe(400);
      expect((await errorOf(res)).code).toBe('bad-signature');
    });

    it('a subject that is not the key thumbprint: 400 bad-thumbprint', async () => {
      const res = await h.post([await forge(await deviceHeader(), { ...good, subject: 'A'.repeat(43) })]);
      expect(res.status).toBe(400);
      expect((await errorOf(res)).code).toBe('bad-thumbprint');
    });

    it('an invalid payload (unknown field): 400 malformed', async () => {
      const res = await h.post([await forge(await deviceHeader(), { ...good, extra: 1 })]);
      expect(res.status).toBe(400);
      expect((await errorOf(res)).code).toBe('malformed');
    });

    it('an unknown site: 422 unknown-site', async () => {
      const res = await h.post([(await device.receipt({ site: 'nowhere' })).jws]);
      expect(res.status).toBe(422);
      expect(await errorOf(res)).toMatchObject({ code: 'unknown-site', index: 0 });
    });

    it('an origin the site does not list: 403 origin-not-allowed', async () => {
      const res = await h.post([(await device.receipt()).jws], { Origin: 'https://evil.example' });
      expect(res.status).toBe(403);
      expect((await errorOf(res)).code).toBe('origin-not-allowed');
    });

    it('no Origin header: 403 origin-not-allowed', async () => {
      const receipt = await device.receipt();
      const res = await h.collector.app.request('/v1/receipts', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ receipts: [receipt.jws] }),
      });
      expect(res.status).toBe(403);
      expect((await errorOf(res)).code).toBe('origin-not-allowed');
    });

    it('a page on another origin than the request: 400 malformed', async () => {
      const res = await h.post([(await device.receipt({ page: 'https://www.clikodoc.com/rdv' })).jws], {
        Origin: 'http://localhost:8080',
      });
      expect(res.status).toBe(400);
      expect((await errorOf(res)).code).toBe('malformed');
    });

    it('choices that are not the notice purposes: 400 malformed', async () => {
      const res = await h.post([(await device.receipt({ choices: { analytics: 'granted' } })).jws]);
      expect(res.status).toBe(400);
      expect((await errorOf(res)).code).toBe('malformed');
    });

    it('an unknown revision: 422 unknown-revision', async () => {
      const res = await h.post([(await device.receipt({ revision: 9 })).jws]);
      expect(res.status).toBe(422);
      expect((await errorOf(res)).code).toBe('unknown-revision');
    });

    it('an unknown textHash: 422 unknown-notice', async () => {
      const res = await h.post([(await device.receipt({ textHash: 'A'.repeat(43) })).jws]);
      expect(res.status).toBe(422);
      expect((await errorOf(res)).code).toBe('unknown-notice');
    });

    it('a textHash of another language than the receipt: 422 unknown-notice', async () => {
      const english = await device.receipt({ language: 'en' });
      const res = await h.post([
        (await device.receipt({ language: 'fr', textHash: english.payload.textHash, prev: null })).jws,
      ]);
      expect(res.status).toBe(422);
      expect((await errorOf(res)).code).toBe('unknown-notice');
    });

    it('a reused id with other content: 409 id-conflict', async () => {
      const first = await device.receipt();
      expect((await h.post([first.jws])).status).toBe(201);
      const other = await Device.create(h.config);
      const res = await h.post([(await other.receipt({ id: first.payload.id })).jws]);
      expect(res.status).toBe(409);
      expect(await errorOf(res)).toMatchObject({ code: 'id-conflict', index: 0 });
    });

    it('a wrong prev: 409 prev-mismatch with the expected value', async () => {
      const first = await device.receipt();
      expect((await h.post([first.jws])).status).toBe(201);
      const second = await device.receipt({ method: 'save' });
      device.last = null;
      const fork = await device.receipt({ method: 'save' });
      const res = await h.post([second.jws, fork.jws]);
      expect(res.status).toBe(409);
      expect(await errorOf(res)).toMatchObject({ code: 'prev-mismatch', index: 1, expected: second.leafHash });
      expect(await h.store.getEntry('clikodoc', second.payload.id)).toBeNull();
    });

    it('a batch mixing sites: 400 malformed', async () => {
      const a = await device.receipt();
      const b = await device.receipt({ site: 'clickcare' });
      const res = await h.post([a.jws, b.jws]);
      expect(res.status).toBe(400);
      expect(await errorOf(res)).toMatchObject({ code: 'malformed', index: 1 });
    });
  });
});

describe('POST /v1/receipts with another process publishing', () => {
  it('accepts receipts for a site published through another store on the same data, without a restart', async () => {
    let now = Date.parse('2026-12-01T10:00:00.000Z');
    const h = await testCollector({ clock: () => now });
    try {
      const other = h.temp.reopen();
      const config = fixtureConfig('clickcare');
      const device = await Device.create(config);
      const receipt = await device.receipt({ page: 'http://localhost:8080/' });
      const before = await h.post([receipt.jws], { Origin: 'http://localhost:8080' });
      expect(before.status).toBe(422);
      const published = await publishSite(other, h.key, fixtureJson('clickcare'), new Date(now).toISOString());
      expect(published.ok).toBe(true);
      now += 300;
      const after = await h.post([receipt.jws], { Origin: 'http://localhost:8080' });
      expect(after.status).toBe(201);
    } finally {
      await h.dispose();
    }
  });
});

describe('POST /v1/receipts rate limit', () => {
  it('answers a flood from one address with 429 and Retry-After, other addresses unaffected', async () => {
    let now = Date.parse('2026-12-01T10:00:00.000Z');
    const h = await testCollector({ limits: { ratePerMinute: 6 }, clock: () => now });
    try {
      const device = await Device.create(h.config);
      const batch = [
        await device.receipt(),
        await device.receipt({ method: 'save' }),
        await device.receipt({ method: 'save' }),
      ];
      expect(
        (
          await h.post(
            batch.map((r) => r.jws),
            { 'X-Test-Ip': '192.0.2.1' },
          )
        ).status,
      ).toBe(201);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await h.post('{}', { 'X-Test-Ip': '192.0.2.1' })).status);
      expect(statuses).toEqual([400, 400, 400, 429]);
      const limited = await h.post('{}', { 'X-Test-Ip': '192.0.2.1' });
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('10');
      expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('rate-limited');
      expect((await h.post('{}', { 'X-Test-Ip': '192.0.2.2' })).status).toBe(400);
      now += 10_000;
      expect((await h.post('{}', { 'X-Test-Ip': '192.0.2.1' })).status).toBe(400);
    } finally {
      await h.dispose();
    }
  });

  it("takes a batch larger than a minute's allowance once the bucket is full, never refusing it for good", async () => {
    let now = Date.parse('2026-12-01T10:00:00.000Z');
    const h = await testCollector({ limits: { ratePerMinute: 2 }, clock: () => now });
    try {
      const device = await Device.create(h.config);
      const batch = async () => {
        const receipts = [];
        for (let i = 0; i < 3; i++) receipts.push(await device.receipt({ method: i ? 'save' : 'accept-all' }));
        return receipts.map((r) => r.jws);
      };
      expect((await h.post(await batch(), { 'X-Test-Ip': '192.0.2.7' })).status).toBe(201);
      // A client that waits what Retry-After says is served within a minute, however it is split.
      const second = await batch();
      const statuses: number[] = [];
      let waited = 0;
      for (let attempt = 0; attempt < 5 && statuses.at(-1) !== 201; attempt++) {
        const res = await h.post(second, { 'X-Test-Ip': '192.0.2.7' });
        statuses.push(res.status);
        const wait = Number(res.headers.get('retry-after') ?? 0) * 1000;
        waited += wait;
        now += wait;
      }
      expect(statuses).toEqual([429, 429, 201]);
      expect(waited).toBe(60_000);
    } finally {
      await h.dispose();
    }
  });
});
