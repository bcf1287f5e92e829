// The witness over HTTP (Hono's app.request) with a real SQLite file: status codes and bodies as
// c2sp.org/tlog-witness gives them, cosignatures that verify, state kept across a restart,
// evidence kept for forks and rollbacks, and concurrent requests that never roll the state back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appendSignatures,
  base64urlDecode,
  checkpointBody,
  consistencyProof,
  formatAddCheckpoint,
  leafHash,
  MemoryTree,
  parseWitnessKey,
  signNote,
  TLOG_SIZE_TYPE,
  verifyCosignatures,
} from '@consent-ledger/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LogPolicy } from './policy';
import { WitnessStore } from './store';
import { createWitness, type Witness } from './witness';

async function ed25519(name: string) {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const { x } = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return { name, privateKey: pair.privateKey, publicKey: base64urlDecode(x as string) };
}

const ORIGIN = 'ledger.example/sites/alpha';
let dir: string;
let store: WitnessStore;
let witness: Witness;
let logKey: Awaited<ReturnType<typeof ed25519>>;
let witnessKey: Awaited<ReturnType<typeof ed25519>>;
let now: number;
let logged: string[];
const tree = new MemoryTree();
for (let i = 0; i < 40; i++) tree.append(leafHash(`entry ${i}`));

function open(): Witness {
  store = new WitnessStore(join(dir, 'witness.db'));
  const policy = new LogPolicy({ pinned: [{ name: logKey.name, publicKey: logKey.publicKey }], follow: [] });
  return createWitness({ store, key: witnessKey, policy, clock: () => now, log: (m) => logged.push(m) });
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'witness-'));
  logKey = await ed25519('ledger.example');
  witnessKey = await ed25519('witness.example/w1');
  now = 1_780_000_000_000;
  logged = [];
  witness = open();
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const checkpoint = (size: number, t = tree, origin = ORIGIN, key = logKey) =>
  signNote(checkpointBody(origin, size, t.root(size)), key);

async function submit(oldSize: number, size: number, options: { t?: MemoryTree; note?: string } = {}) {
  const t = options.t ?? tree;
  const proof = oldSize > 0 && oldSize < size ? await consistencyProof(oldSize, size, t.read) : [];
  const body = formatAddCheckpoint(oldSize, proof, options.note ?? (await checkpoint(size, t)));
  return witness.app.request('/add-checkpoint', { method: 'POST', body });
}

describe('POST /add-checkpoint', () => {
  it('cosigns a first checkpoint, then growth, with cosignature/v1 lines that verify against its vkey', async () => {
    const first = await submit(0, 5);
    expect(first.status).toBe(200);
    const line = await first.text();
    expect(line).toMatch(/^\u2014 witness\.example\/w1 \S+\n$/);
    const vkey = parseWitnessKey(witness.vkey);
    if (!vkey.ok) throw new Error(vkey.error.message);
    const note5 = appendSignatures(await checkpoint(5), [line]);
    expect(await verifyCosignatures(note5, [vkey.value])).toMatchObject({
      ok: true,
      value: { cosignatures: [{ witness: 'witness.example/w1', timestamp: now / 1000 }], invalid: [] },
    });
    now += 5_000;
    const grown = await submit(5, 12);
    expect(grown.status).toBe(200);
    const note12 = appendSignatures(await checkpoint(12), [await grown.text()]);
    expect(await verifyCosignatures(note12, [vkey.value])).toMatchObject({
      value: { cosignatures: [{ timestamp: now / 1000 }] },
    });
    // The cosignature covers exactly that checkpoint: moved to another one, it is invalid.
    expect(await verifyCosignatures(appendSignatures(await checkpoint(12), [line]), [vkey.value])).toMatchObject({
      value: { cosignatures: [], invalid: ['witness.example/w1'] },
    });
    const info = await (await witness.app.request('/')).json();
    expect(info).toMatchObject({
      name: 'witness.example/w1',
      vkey: witness.vkey,
      logs: [{ origin: ORIGIN, size: 12, cosignedAt: new Date(now).toISOString() }],
      evidence: 0,
    });
  });

  it('answers 409 text/x.tlog.size with the size it cosigned when the old size is not it', async () => {
    expect((await submit(0, 5)).status).toBe(200);
    const stale = await submit(0, 9);
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toBe(TLOG_SIZE_TYPE);
    expect(await stale.text()).toBe('5\n');
    expect((await submit(5, 9)).status).toBe(200);
  });

  it('refuses an unknown origin (404), a checkpoint without a trusted signature (403), an old size above the size (400)', async () => {
    const unknown = formatAddCheckpoint(0, [], await checkpoint(5, tree, 'elsewhere.example/sites/alpha'));
    const res = await witness.app.request('/add-checkpoint', { method: 'POST', body: unknown });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'unknown-log' } });
    // Same origin prefix, no key of this name: a key covers its own name and what is under it.
    const lookalike = formatAddCheckpoint(0, [], await checkpoint(5, tree, 'ledger.example.evil/sites/alpha'));
    expect((await witness.app.request('/add-checkpoint', { method: 'POST', body: lookalike })).status).toBe(404);
    const impostor = await ed25519('ledger.example');
    const forged = formatAddCheckpoint(0, [], await checkpoint(5, tree, ORIGIN, impostor));
    expect((await witness.app.request('/add-checkpoint', { method: 'POST', body: forged })).status).toBe(403);
    const tampered = (await checkpoint(5)).replace('\n5\n', '\n6\n');
    expect((await submit(0, 6, { note: tampered })).status).toBe(403);
    expect((await submit(6, 5)).status).toBe(400);
    expect(store.logs()).toEqual([]);
  });

  it('refuses malformed bodies with 400 and a JSON error, huge ones with 413, other methods with 405', async () => {
    for (const body of [
      '',
      'old 0\n',
      'old x\n\nnote\n',
      'old 01\n\n',
      'new 0\n\nx',
      `old 0\nnot-base64\n\n${await checkpoint(3)}`,
    ]) {
      const res = await witness.app.request('/add-checkpoint', { method: 'POST', body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('malformed');
    }
    const proofLines = `${'A'.repeat(43)}=\n`.repeat(64);
    expect(
      (
        await witness.app.request('/add-checkpoint', {
          method: 'POST',
          body: `old 1\n${proofLines}\n${await checkpoint(3)}`,
        })
      ).status,
    ).toBe(400);
    expect((await witness.app.request('/add-checkpoint', { method: 'POST', body: 'x'.repeat(200_000) })).status).toBe(
      413,
    );
    const get = await witness.app.request('/add-checkpoint');
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
    expect((await witness.app.request('/nowhere')).status).toBe(404);
  });

  it('refuses a fork and a rollback, keeps both checkpoints as evidence, and never cosigns them', async () => {
    expect((await submit(0, 9)).status).toBe(200);
    const cosigned = await checkpoint(9);
    // Same size, another history.
    const other = new MemoryTree();
    for (let i = 0; i < 12; i++) other.append(leafHash(i < 4 ? `entry ${i}` : `rewritten ${i}`));
    const fork = await submit(9, 9, { t: other });
    expect([fork.status, await fork.text()]).toEqual([409, '9\n']);
    // Larger, but not an extension of what was cosigned.
    const inconsistent = await submit(9, 12, { t: other });
    expect(inconsistent.status).toBe(422);
    // Smaller than what was cosigned (and retried: recorded once).
    expect((await submit(0, 4, { t: other })).status).toBe(409);
    expect((await submit(0, 4, { t: other })).status).toBe(409);
    const evidence = (await (await witness.app.request('/evidence')).json()) as {
      evidence: { kind: string; cosigned: string; submitted: string; origin: string }[];
    };
    expect(evidence.evidence.map((e) => [e.kind, e.origin, e.cosigned])).toEqual([
      ['fork', ORIGIN, cosigned],
      ['inconsistent', ORIGIN, cosigned],
      ['rollback', ORIGIN, cosigned],
    ]);
    expect(evidence.evidence[1].submitted).toBe(await checkpoint(12, other));
    expect(logged.filter((m) => m.includes('refused'))).toHaveLength(4);
    expect(store.latest(ORIGIN)?.size).toBe(9);
    // The honest history still moves on.
    expect((await submit(9, 20)).status).toBe(200);
  });

  it('keeps its state across a restart (the file is the witness)', async () => {
    expect((await submit(0, 9)).status).toBe(200);
    store.close();
    witness = open();
    const again = await submit(0, 12);
    expect([again.status, await again.text()]).toEqual([409, '9\n']);
    expect((await submit(9, 12)).status).toBe(200);
  });

  it('never rolls back under concurrent requests, even through two connections to the file (as two processes)', async () => {
    expect((await submit(0, 2)).status).toBe(200);
    const other = new WitnessStore(join(dir, 'witness.db'));
    const policy = new LogPolicy({ pinned: [{ name: logKey.name, publicKey: logKey.publicKey }], follow: [] });
    const second = createWitness({ store: other, key: witnessKey, policy, clock: () => now });
    try {
      // Everyone starts from size 2: exactly one may win, the rest learn the new size.
      const sizes = [3, 10, 7, 25, 14, 30];
      const answers = await Promise.all(
        sizes.map(async (size, i) => {
          const body = formatAddCheckpoint(2, await consistencyProof(2, size, tree.read), await checkpoint(size));
          return (i % 2 ? second : witness).app.request('/add-checkpoint', { method: 'POST', body });
        }),
      );
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      const winner = sizes[statuses.indexOf(200)];
      expect(store.latest(ORIGIN)?.size).toBe(winner);
      for (const a of answers.filter((a) => a.status === 409)) expect(await a.text()).toBe(`${winner}\n`);
    } finally {
      other.close();
    }
  });
});

describe('WitnessStore.name', () => {
  it('records the name on first use and refuses another later', () => {
    expect(store.name(undefined, 'host/witness')).toBe('host/witness');
    expect(store.name(undefined, 'other/witness')).toBe('host/witness');
    expect(store.name('host/witness', 'x')).toBe('host/witness');
    expect(() => store.name('renamed/witness', 'x')).toThrow(/named "host\/witness"/);
  });
});
