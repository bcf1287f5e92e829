import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { signAck } from './ack';
import { appendSignatures, checkpointBody, signNote } from './checkpoint';
import type { CollectorSigningKey } from './collector-jws';
import { type SiteConfig, validateSiteConfig } from './config';
import { cosign } from './cosignature';
import { createDpopProof } from './dpop';
import { base64urlDecode, base64urlEncode } from './encoding';
import { type ExportReport, verifyExport } from './export';
import { type ExportRange, LineChain, signExportStatement } from './export-statement';
import { exportPublicJwk, type Jwks, jwkThumbprint, type OkpPublicJwk } from './jwk';
import { generateCollectorKey, generateDeviceKey, type KeyPair, signJws } from './jws';
import { inclusionProof, leafHash, MemoryTree } from './merkle';
import { NOTICE_TYP, noticeBytes, noticeHash } from './notice';
import { verifyProofDocument } from './proof-document';
import { type Choice, createReceipt, type Method } from './receipt';
import { indexRanges, type RedactionStatement, signRedaction } from './redaction';
import { resolveNotice } from './resolve-notice';

const NAME = 'consent.test';
const config = (() => {
  const raw = JSON.parse(readFileSync(new URL('../../../fixtures/sites/clikodoc.json', import.meta.url), 'utf8'));
  const valid = validateSiteConfig(raw);
  if (!valid.ok) throw new Error(valid.error.message);
  return valid.value;
})();

async function newWitnessKey(name: string) {
  const pair = await generateCollectorKey(true);
  return { name, privateKey: pair.privateKey, publicKey: base64urlDecode((await exportPublicJwk(pair.publicKey)).x) };
}

interface Built {
  lines: string[];
  keys: Jwks;
  /** The collector key that signed everything. */
  key: CollectorSigningKey;
  /** Receipt subjects in order of first appearance, and their device keys. */
  subjects: string[];
  devices: KeyPair[];
  tree: MemoryTree;
}

/** Builds a real export of `config`: two notices, then a few subjects' chains (one with a withdrawal). */
async function buildExport(site: SiteConfig): Promise<Built> {
  const pair = await generateCollectorKey(true);
  const jwk = (await exportPublicJwk(pair.publicKey)) as OkpPublicJwk;
  const kid = jwkThumbprint(jwk);
  const publicKey = base64urlDecode(jwk.x);
  const keys: Jwks = { keys: [{ ...jwk, kid, name: NAME, alg: 'EdDSA', use: 'sig' }] };
  const tree = new MemoryTree();
  const body: string[] = [];
  const textHashes: string[] = [];
  for (const language of site.languages) {
    const notice = resolveNotice(site, language);
    const jws = await signJws({ alg: 'EdDSA', typ: NOTICE_TYP, kid }, noticeBytes(notice), pair.privateKey);
    textHashes.push(noticeHash(notice));
    body.push(JSON.stringify({ index: tree.size, kind: 'notice', jws }));
    tree.append(leafHash(jws));
  }
  const purposes = Object.keys(site.purposes);
  const all = (state: Choice) => Object.fromEntries(purposes.map((p) => [p, state]));
  const plans: Array<Array<[Method, Record<string, Choice>]>> = [
    [
      ['accept-all', all('granted')],
      ['withdraw', { ...all('granted'), [purposes[0]]: 'denied' }],
    ],
    [['reject-all', all('denied')]],
    [
      ['save', { ...all('denied'), [purposes[1]]: 'granted' }],
      ['save', all('denied')],
    ],
  ];
  const subjects: string[] = [];
  const devices: KeyPair[] = await Promise.all(plans.map(() => generateDeviceKey()));
  const heads: Array<string | null> = plans.map(() => null);
  // Interleave the subjects' chains, as a real log does.
  for (let step = 0; step < 2; step++) {
    for (const [s, plan] of plans.entries()) {
      if (!plan[step]) continue;
      const [method, choices] = plan[step];
      const receipt = await createReceipt(
        {
          site: site.site,
          method,
          choices,
          revision: site.revision,
          language: site.languages[0],
          textHash: textHashes[0],
          page: `${site.origins[0]}/`,
          prev: heads[s],
        },
        devices[s],
      );
      heads[s] = receipt.leafHash;
      if (step === 0) subjects.push(receipt.payload.subject);
      const index = tree.size;
      const receivedAt = new Date(Date.UTC(2026, 11, 1 + index)).toISOString();
      const ack = await signAck(
        {
          v: 1,
          id: receipt.payload.id,
          site: site.site,
          subject: receipt.payload.subject,
          index,
          leafHash: receipt.leafHash,
          receivedAt,
          ip: '203.0.113.0',
          userAgent: 'test',
        },
        { privateKey: pair.privateKey, kid },
      );
      body.push(JSON.stringify({ index, kind: 'receipt', jws: receipt.jws, ack }));
      tree.append(base64urlDecode(receipt.leafHash));
    }
  }
  const checkpoint = await signNote(checkpointBody(`${NAME}/sites/${site.site}`, tree.size, tree.root()), {
    name: NAME,
    privateKey: pair.privateKey,
    publicKey,
  });
  const header = JSON.stringify({ site: site.site, checkpoint, treeSize: tree.size, keys });
  return { lines: [header, ...body], keys, key: { privateKey: pair.privateKey, kid }, subjects, devices, tree };
}

/** Replaces line `n` (0 = header) of an export with the given transformation of its JSON. */
function edit(
  lines: string[],
  n: number,
  change: (entry: Record<string, unknown>) => Record<string, unknown>,
): string[] {
  const copy = [...lines];
  copy[n] = JSON.stringify(change(JSON.parse(copy[n])));
  return copy;
}

/** Turns line `n` into its redacted form. */
function redact(lines: string[], n: number, reason = 'erasure'): string[] {
  return edit(lines, n, (e) => ({
    index: e.index,
    kind: e.kind,
    leafHash: base64urlEncode(leafHash(e.jws as string)),
    redacted: { at: '2031-01-01T00:00:00.000Z', reason },
  }));
}

const REDACTED_AT = '2031-01-01T00:00:00.000Z';

/**
 * The export with lines `ns` redacted as the collector does it: a signed redaction entry naming
 * their indexes appended to the log, and the header's checkpoint moved to the tree that holds it.
 */
async function redactSigned(
  b: Built,
  ns: number[],
  reason: RedactionStatement['reason'] = 'retention',
  request: RedactionStatement['request'] = null,
  legacy?: RedactionStatement['legacy'],
): Promise<string[]> {
  let lines = b.lines;
  for (const n of ns) lines = redact(lines, n, reason);
  const indexes = indexRanges(ns.map((n) => JSON.parse(b.lines[n]).index));
  const statement = { v: 1, site: config.site, reason, at: REDACTED_AT, indexes, request } as const;
  const jws = await signRedaction(legacy ? { ...statement, legacy } : statement, b.key);
  const tree = new MemoryTree();
  for (const line of b.lines.slice(1)) tree.append(leafHash(JSON.parse(line).jws));
  const index = tree.size;
  tree.append(leafHash(jws));
  const checkpoint = await signNote(checkpointBody(`${NAME}/sites/${config.site}`, tree.size, tree.root()), {
    name: NAME,
    privateKey: b.key.privateKey,
    publicKey: base64urlDecode(b.keys.keys[0].x),
  });
  const header = { ...JSON.parse(lines[0]), checkpoint, treeSize: tree.size };
  return [JSON.stringify(header), ...lines.slice(1), JSON.stringify({ index, kind: 'redaction', jws })];
}

const codes = (report: ExportReport) => report.failures.map((f) => [f.index, f.code]);

describe('verifyExport', () => {
  let built: Built;
  beforeAll(async () => {
    built = await buildExport(config);
  });

  it('verifies a whole export against trusted keys and summarises it', async () => {
    const report = await verifyExport(built.lines, { keys: built.keys });
    expect(codes(report)).toEqual([]);
    expect(report).toMatchObject({
      ok: true,
      site: config.site,
      treeSize: built.tree.size,
      trustedKeys: true,
      partial: false,
      rootHash: base64urlEncode(built.tree.root()),
    });
    expect(report.summary).toEqual({
      entries: built.tree.size,
      receipts: 5,
      notices: config.languages.length,
      redacted: 0,
      subjects: 3,
      withdrawals: 2,
      firstDate: new Date(Date.UTC(2026, 11, 1 + config.languages.length)).toISOString(),
      lastDate: new Date(Date.UTC(2026, 11, built.tree.size)).toISOString(),
    });
  });

  it('reads lines from an async source and flags the embedded keys as self-consistency only', async () => {
    async function* source() {
      for (const line of built.lines) yield `${line}\n`;
      yield '';
    }
    const report = await verifyExport(source());
    expect(report.ok).toBe(true);
    expect(report.trustedKeys).toBe(false);
  });

  it('refuses a checkpoint signed by a key the auditor does not trust, and an export listing such a key', async () => {
    const other = await buildExport(config);
    const report = await verifyExport(built.lines, { keys: other.keys });
    expect(report.ok).toBe(false);
    expect(report.failures.slice(0, 2)).toMatchObject([
      { index: null, code: 'bad-header' },
      { index: null, code: 'bad-checkpoint' },
    ]);
    // The acks and notices are by the same untrusted key.
    expect(report.failures.some((f) => f.code === 'bad-ack')).toBe(true);
  });

  it('names the index of a tampered receipt line', async () => {
    const n = config.languages.length + 2; // a receipt line (line 0 is the header)
    const tampered = edit(built.lines, n, (e) => {
      const [h, , s] = (e.jws as string).split('.');
      const other = JSON.parse(built.lines[n - 1]).jws.split('.')[1];
      return { ...e, jws: `${h}.${other}.${s}` };
    });
    const report = await verifyExport(tampered, { keys: built.keys });
    expect(report.ok).toBe(false);
    expect(
      report.failures.some(
        (f) => f.index === n - 1 && (f.code === 'bad-signature' || f.code === 'bad-ack' || f.code === 'malformed'),
      ),
    ).toBe(true);
    expect(codes(report)).toContainEqual([null, 'root-mismatch']);
  });

  it('finds a swapped ack, a dropped line and an unknown notice', async () => {
    const first = config.languages.length + 1;
    const swapped = edit(built.lines, first, (e) => ({ ...e, ack: JSON.parse(built.lines[first + 1]).ack }));
    expect(codes(await verifyExport(swapped, { keys: built.keys }))).toEqual([[first - 1, 'bad-ack']]);
    const dropped = built.lines.filter((_, i) => i !== built.lines.length - 1);
    expect(codes(await verifyExport(dropped, { keys: built.keys }))).toEqual([[null, 'size-mismatch']]);
    const noNotices = [
      built.lines[0],
      ...built.lines.slice(1).map((l, i) => (i < config.languages.length ? redact([l], 0)[0] : l)),
    ];
    const report = await verifyExport(noNotices, { keys: built.keys });
    expect(report.failures.filter((f) => f.code === 'unknown-notice').length).toBe(5);
  });

  it('detects a broken prev link', async () => {
    const header = JSON.parse(built.lines[0]);
    // Dropping the subject's first receipt breaks the link of its second (and the root).
    const skip = config.languages.length + 1;
    const lines = built.lines
      .filter((_, i) => i !== skip)
      .map((l, i) => (i > skip - 1 && i > 0 ? JSON.stringify({ ...JSON.parse(l), index: i - 1 }) : l));
    const report = await verifyExport([JSON.stringify({ ...header }), ...lines.slice(1)], { keys: built.keys });
    expect(report.failures.some((f) => f.code === 'prev-mismatch')).toBe(true);
  });

  it('keeps an export green when a signed redaction entry covers its redacted lines, and reports them', async () => {
    const first = config.languages.length + 1; // first receipt of subject 0, whose withdrawal comes later
    const lines = await redactSigned(built, [first, first + 2]);
    const report = await verifyExport(lines, { keys: built.keys });
    expect(codes(report)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.summary.redacted).toBe(2);
    expect(report.redactions).toBe(1);
    expect(report.redacted).toEqual({ byReason: { retention: 2 }, indexes: [first - 1, first + 1], legacy: 0 });
    // Both withdrawals follow a redacted receipt: what it granted is gone, so none is counted.
    expect(report.summary.withdrawals).toBe(0);
    const one = await verifyExport(await redactSigned(built, [first + 1]), { keys: built.keys });
    expect([one.ok, one.summary.withdrawals]).toEqual([true, 2]);
  });

  it('fails a redacted line no signed redaction entry covers: the forged redaction of issue 14', async () => {
    const first = config.languages.length + 1;
    // The attack: a receipt line replaced by a stub with its real leaf hash; the root still matches.
    const forged = await verifyExport(redact(built.lines, first + 2), { keys: built.keys });
    expect(codes(forged)).toEqual([[first + 1, 'unproven-redaction']]);
    // A real redaction entry does not cover another line, nor the same line under another reason or time.
    const signed = await redactSigned(built, [first]);
    const other = await verifyExport(redact(signed, first + 2, 'retention'), { keys: built.keys });
    expect(codes(other)).toEqual([[first + 1, 'unproven-redaction']]);
    const reason = await verifyExport(
      edit(signed, first, (e) => ({ ...e, redacted: { at: REDACTED_AT, reason: 'erasure' } })),
      { keys: built.keys },
    );
    expect(codes(reason)).toEqual([[first - 1, 'unproven-redaction']]);
    // A redaction entry signed by another key is no proof.
    const stranger = await buildExport(config);
    const foreign = await redactSigned({ ...built, key: stranger.key }, [first]);
    expect(codes(await verifyExport(foreign, { keys: built.keys })).map(([, c]) => c)).toContain('bad-redaction');
  });

  it("accepts an erasure only with the visitor's own signed request", async () => {
    const first = config.languages.length + 1; // subject 0's receipts: lines first and first + 3
    const at = Date.parse(REDACTED_AT) / 1000;
    const request = async (device: KeyPair, subject = built.subjects[0]) => ({
      subject,
      dpop: await createDpopProof({ htm: 'DELETE', htu: `https://c.test/v1/subjects/${subject}`, device, iat: at }),
    });
    const own = await redactSigned(built, [first, first + 3], 'erasure', await request(built.devices[0]));
    expect(codes(await verifyExport(own, { keys: built.keys }))).toEqual([]);
    const other = await redactSigned(built, [first, first + 3], 'erasure', await request(built.devices[1]));
    expect(codes(await verifyExport(other, { keys: built.keys })).map(([, c]) => c)).toContain('bad-redaction');
  });

  it('accepts a legacy attestation (an erasure without its request, attested later) and counts what rests on it', async () => {
    const first = config.languages.length + 1;
    const attestedAt = '2031-06-01T00:00:00.000Z';
    const lines = await redactSigned(built, [first, first + 3], 'erasure', null, { attestedAt });
    const report = await verifyExport(lines, { keys: built.keys });
    expect(codes(report)).toEqual([]);
    expect(report.redacted).toMatchObject({ byReason: { erasure: 2 }, legacy: 2 });
    // Without the legacy member, an erasure with no request is no proof; a legacy one names no request.
    await expect(redactSigned(built, [first], 'erasure', null)).rejects.toThrow(/request/);
    const at = Date.parse(REDACTED_AT) / 1000;
    const dpop = await createDpopProof({
      htm: 'DELETE',
      htu: `https://c.test/v1/subjects/${built.subjects[0]}`,
      device: built.devices[0],
      iat: at,
    });
    await expect(
      redactSigned(built, [first], 'erasure', { subject: built.subjects[0], dpop }, { attestedAt }),
    ).rejects.toThrow(/legacy attestation/);
    await expect(
      redactSigned(built, [first], 'retention', null, { attestedAt: '2030-01-01T00:00:00.000Z' }),
    ).rejects.toThrow(/legacy/);
  });

  /** A partial export of the entries at `picked` (their inclusion proofs) over `range`, closed by its signed statement. */
  async function partialExport(picked: number[], range: ExportRange): Promise<string[]> {
    const size = built.tree.size;
    const header = { ...JSON.parse(built.lines[0]), v: 2, range };
    const chain = new LineChain();
    const lines = await Promise.all(
      picked.map(async (i) => {
        const proof = await inclusionProof(i, size, built.tree.read);
        return JSON.stringify({ ...JSON.parse(built.lines[i + 1]), proof: proof.map(base64urlEncode) });
      }),
    );
    for (const i of picked) chain.add(i, built.tree.node(0, i));
    const statement = await signExportStatement(
      {
        v: 1,
        site: config.site,
        treeSize: size,
        rootHash: base64urlEncode(built.tree.root()),
        range,
        lines: chain.count,
        lineHash: chain.value,
        exportedAt: '2026-12-31T00:00:00.000Z',
      },
      built.key,
    );
    return [JSON.stringify(header), ...lines, JSON.stringify({ statement })];
  }

  it('verifies a partial export by the inclusion proof of each entry and its signed statement', async () => {
    const range = { from: '2026-12-05T00:00:00.000Z', to: null };
    const picked = [0, 1, 4, 5, 6].filter((i) => i < built.tree.size);
    const lines = await partialExport(picked, range);
    const report = await verifyExport(lines, { keys: built.keys });
    expect(codes(report)).toEqual([]);
    expect(report).toMatchObject({ ok: true, partial: true, version: 2, range, summary: { entries: picked.length } });
    expect(report.statement).toMatchObject({ lines: picked.length, range });
    const broken = [...lines];
    broken[3] = JSON.stringify({ ...JSON.parse(broken[3]), proof: [] });
    expect(codes(await verifyExport(broken, { keys: built.keys }))).toEqual([[4, 'bad-proof']]);
  });

  it('fails a partial export missing a line, with a widened range, or without its statement', async () => {
    const range = { from: '2026-12-05T00:00:00.000Z', to: null };
    const picked = [0, 1, 4, 5, 6].filter((i) => i < built.tree.size);
    const lines = await partialExport(picked, range);
    // Every line still carries a valid inclusion proof: only the statement tells what is missing.
    for (const cut of [1, 3, lines.length - 2]) {
      const report = await verifyExport(
        lines.filter((_, i) => i !== cut),
        { keys: built.keys },
      );
      expect(codes(report), `without line ${cut}`).toContainEqual([null, 'bad-statement']);
    }
    const widened = [
      JSON.stringify({ ...JSON.parse(lines[0]), range: { ...range, from: '2026-12-01T00:00:00.000Z' } }),
      ...lines.slice(1),
    ];
    expect(codes(await verifyExport(widened, { keys: built.keys }))).toEqual([[null, 'bad-statement']]);
    expect(codes(await verifyExport(lines.slice(0, -1), { keys: built.keys }))).toEqual([[null, 'bad-statement']]);
    const v1 = [JSON.stringify({ ...JSON.parse(lines[0]), v: undefined }), ...lines.slice(1, -1)];
    const old = await verifyExport(v1, { keys: built.keys });
    expect(codes(old)).toEqual([[null, 'bad-statement']]);
    expect(old.failures[0].message).toMatch(/format 1 carries no signed statement/);
    // A receipt received before the range, even with its proof and in the statement, is out of range.
    const early = await partialExport([0, 1, 2, 3], range);
    expect(codes(await verifyExport(early, { keys: built.keys }))).toContainEqual([2, 'out-of-range']);
  });

  it('answers garbage with failures, never an exception', async () => {
    expect(codes(await verifyExport([]))).toEqual([[null, 'bad-header']]);
    expect(codes(await verifyExport(['nope']))).toEqual([[null, 'bad-header']]);
    const report = await verifyExport([built.lines[0], '{"index":0,"kind":"receipt","jws":"a.b.c","ack":"x"}', '[]'], {
      keys: built.keys,
    });
    expect(report.ok).toBe(false);
    expect(report.failures.map((f) => f.code)).toContain('malformed');
  });
});

describe('verifyExport with witnesses', () => {
  it('needs the quorum of valid cosignatures on the header checkpoint, and reports who cosigned when', async () => {
    const built = await buildExport(config);
    const witnesses = await Promise.all(['a.example/w', 'b.example/w'].map(newWitnessKey));
    const header = JSON.parse(built.lines[0]);
    const body = header.checkpoint.slice(0, header.checkpoint.indexOf('\n\n') + 1);
    const cosigned = (note: string) => [JSON.stringify({ ...header, checkpoint: note }), ...built.lines.slice(1)];
    const oneLine = await cosign(body, witnesses[0], 1_780_000_000);
    const bothLines = [oneLine, await cosign(body, witnesses[1], 1_780_000_060)];
    const both = await verifyExport(cosigned(appendSignatures(header.checkpoint, bothLines)), {
      keys: built.keys,
      witnesses,
    });
    expect(codes(both)).toEqual([]);
    expect(both.witnessed).toEqual({
      quorum: 2,
      cosignatures: [
        { witness: 'a.example/w', keyId: expect.any(String), timestamp: 1_780_000_000, at: '2026-05-28T20:26:40.000Z' },
        { witness: 'b.example/w', keyId: expect.any(String), timestamp: 1_780_000_060, at: '2026-05-28T20:27:40.000Z' },
      ],
    });
    const one = cosigned(appendSignatures(header.checkpoint, [oneLine]));
    expect(codes(await verifyExport(one, { keys: built.keys, witnesses }))).toEqual([[null, 'no-quorum']]);
    expect(codes(await verifyExport(one, { keys: built.keys, witnesses, witnessQuorum: 1 }))).toEqual([]);
    expect(codes(await verifyExport(built.lines, { keys: built.keys, witnesses, witnessQuorum: 1 }))).toEqual([
      [null, 'no-quorum'],
    ]);
    // A cosignature moved from another checkpoint does not count, and fails the export.
    const otherBody = body.replace(`\n${built.tree.size}\n`, `\n${built.tree.size - 1}\n`);
    const moved = appendSignatures(header.checkpoint, [oneLine, await cosign(otherBody, witnesses[1], 1_780_000_000)]);
    expect(codes(await verifyExport(cosigned(moved), { keys: built.keys, witnesses, witnessQuorum: 1 }))).toEqual([
      [null, 'bad-cosignature'],
    ]);
    expect((await verifyExport(built.lines, { keys: built.keys })).witnessed).toBeNull();
  });
});

describe('verifyProofDocument', () => {
  it('checks a visitor chain with acks and inclusion proofs, and catches a reordered chain', async () => {
    const built = await buildExport(config);
    const header = JSON.parse(built.lines[0]);
    const subject = built.subjects[0];
    const mine = built.lines
      .slice(1)
      .map((l) => JSON.parse(l))
      .filter(
        (e) =>
          e.kind === 'receipt' &&
          JSON.parse(atob(e.jws.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).subject === subject,
      );
    const receipts = await Promise.all(
      mine.map(async (e) => {
        const hashes = (await inclusionProof(e.index, built.tree.size, built.tree.read)).map(base64urlEncode);
        const id = JSON.parse(atob(e.jws.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).id;
        const proof = {
          site: config.site,
          id,
          index: e.index,
          leafHash: base64urlEncode(leafHash(e.jws)),
          treeSize: built.tree.size,
          hashes,
          checkpoint: header.checkpoint,
        };
        return { jws: e.jws as string, ack: e.ack as string, proof };
      }),
    );
    const doc = {
      v: 1 as const,
      site: config.site,
      subject,
      collector: 'http://consent.test',
      exportedAt: '2026-12-10T00:00:00.000Z',
      keys: built.keys,
      receipts,
    };
    const report = await verifyProofDocument(doc, { keys: built.keys });
    expect(report).toMatchObject({ ok: true, trustedKeys: true, acknowledged: 2, included: 2 });
    const reordered = await verifyProofDocument({ ...doc, receipts: [...receipts].reverse() });
    expect(reordered.ok).toBe(false);
    expect(reordered.entries.map((e) => e.prev)).toEqual([false, false]);
    const pending = await verifyProofDocument({
      ...doc,
      receipts: receipts.map((r) => ({ ...r, ack: null, proof: null })),
    });
    expect(pending).toMatchObject({ ok: true, acknowledged: 0, included: 0 });

    // Witnesses: who cosigned each proof's checkpoint, and when; a checkpoint short of the quorum fails.
    expect(report.entries.map((e) => e.cosignatures)).toEqual([null, null]);
    const witness = await newWitnessKey('a.example/w');
    const body = header.checkpoint.slice(0, header.checkpoint.indexOf('\n\n') + 1);
    const cosigned = appendSignatures(header.checkpoint, [await cosign(body, witness, 1_780_000_000)]);
    const withCosigned = receipts.map((r) => ({ ...r, proof: { ...r.proof, checkpoint: cosigned } }));
    const witnessed = await verifyProofDocument({ ...doc, receipts: withCosigned }, { witnesses: [witness] });
    expect(witnessed.ok).toBe(true);
    expect(witnessed.entries.map((e) => e.cosignatures?.map((c) => [c.witness, c.at]))).toEqual([
      [['a.example/w', '2026-05-28T20:26:40.000Z']],
      [['a.example/w', '2026-05-28T20:26:40.000Z']],
    ]);
    const unwitnessed = await verifyProofDocument(doc, { witnesses: [witness] });
    expect(unwitnessed.ok).toBe(false);
    expect(unwitnessed.entries[0].problems).toEqual([
      'checkpoint: cosigned by 0 of the 1 witnesses required (missing: a.example/w)',
    ]);
  });
});
