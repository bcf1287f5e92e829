// Protocol benchmarks: signature verification per core, and the Merkle work of the integrator and
// the proof routes. One process runs on one core; WebCrypto jobs are awaited one at a time.

import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import { loadavg } from 'node:os';
import {
  ACK_TYP,
  consistencyProof,
  createReceipt,
  decodeJws,
  generateCollectorKey,
  generateDeviceKey,
  inclusionProof,
  integrate,
  type KeyCache,
  leafHash,
  MemoryTree,
  RECEIPT_TYP,
  rootOfLeaves,
  sha256b64u,
  signJws,
  verifyConsistency,
  verifyInclusion,
  verifyJws,
  verifyReceipt,
} from '@consent-ledger/protocol';

const LEAVES = 1_000_000;
// docs/design.md, Budgets: "integrator: integrate into the tree >= 50 k entries/s; an inclusion proof <= 1 ms".
const INTEGRATE_BUDGET = 50_000;
const PROOF_BUDGET_MS = 1;

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER BUDGET');

function line(what: string, figure?: string, budget?: string): void {
  console.log(
    figure ? `protocol  ${what.padEnd(58)} ${figure.padStart(22)}${budget ? `   ${budget}` : ''}` : `protocol  ${what}`,
  );
}

/** Calls `fn` (awaited when it returns a promise) for about `seconds` after a short warm-up; calls per second. */
async function rate(fn: () => unknown, seconds = 1.5): Promise<number> {
  const warmUntil = performance.now() + 200;
  while (performance.now() < warmUntil) await fn();
  let calls = 0;
  const start = performance.now();
  const until = start + seconds * 1000;
  while (performance.now() < until) {
    // Batches keep the clock out of the measurement of sub-microsecond calls.
    for (let i = 0; i < 16; i++) await fn();
    calls += 16;
  }
  return calls / ((performance.now() - start) / 1000);
}

function timed<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, (performance.now() - start) / 1000];
}

/** A deterministic PRNG (mulberry32): the same indexes on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`bench sanity check failed: ${what}`);
}

async function signatures(): Promise<void> {
  const device = await generateDeviceKey();
  const receipt = await createReceipt(
    {
      site: 'clikodoc',
      method: 'save',
      choices: { analytics: 'denied', maps: 'granted', audiovideo: 'denied' },
      revision: 3,
      language: 'fr',
      textHash: sha256b64u('notice'),
      page: 'https://www.clikodoc.com/praticiens',
      prev: null,
    },
    device,
  );
  const jws = receipt.jws;
  const decoded = decodeJws(jws);
  check(decoded.ok, 'receipt decodes');
  if (!decoded.ok) return;
  const { signature, signingInput } = decoded.value;
  const ecdsa = { name: 'ECDSA', hash: 'SHA-256' };
  const cache: KeyCache = new Map();
  check((await verifyReceipt(jws, cache)).ok, 'receipt verifies');
  const deviceKeyObject = createPublicKey({ key: { ...receipt.jwk }, format: 'jwk' });
  line(`ES256 receipt JWS (${jws.length} B)`);
  line(
    "  verifyReceipt, key cache warm (the collector's path)",
    `${fmt(await rate(() => verifyReceipt(jws, cache)))} /s`,
  );
  line(
    '  verifyReceipt, key imported from the header jwk each time',
    `${fmt(await rate(() => verifyReceipt(jws)))} /s`,
  );
  line(
    '  verifyJws with the CryptoKey',
    `${fmt(await rate(() => verifyJws(jws, { key: device.publicKey, typ: RECEIPT_TYP, algs: ['ES256'] })))} /s`,
  );
  line(
    '  raw crypto.subtle.verify, CryptoKey',
    `${fmt(await rate(() => crypto.subtle.verify(ecdsa, device.publicKey, signature as Uint8Array<ArrayBuffer>, signingInput as Uint8Array<ArrayBuffer>)))} /s`,
  );
  line(
    '  raw node:crypto verify, KeyObject (STACK.md ~13.5k)',
    `${fmt(await rate(() => nodeVerify('sha256', signingInput, { key: deviceKeyObject, dsaEncoding: 'ieee-p1363' }, signature)))} /s`,
  );

  const collector = await generateCollectorKey();
  const ack = await signJws(
    { alg: 'EdDSA', typ: ACK_TYP, kid: 'bench' },
    JSON.stringify({ v: 1, id: receipt.payload.id, index: 0 }),
    collector.privateKey,
  );
  const ackDecoded = decodeJws(ack);
  check(ackDecoded.ok, 'ack decodes');
  if (!ackDecoded.ok) return;
  const ackJwk = await crypto.subtle.exportKey('jwk', collector.publicKey);
  const collectorKeyObject = createPublicKey({ key: { ...ackJwk }, format: 'jwk' });
  check((await verifyJws(ack, { key: collector.publicKey, typ: ACK_TYP, algs: ['EdDSA'] })).ok, 'ack verifies');
  line(`EdDSA ack-shaped JWS (${ack.length} B)`);
  line(
    '  verifyJws with the CryptoKey',
    `${fmt(await rate(() => verifyJws(ack, { key: collector.publicKey, typ: ACK_TYP, algs: ['EdDSA'] })))} /s`,
  );
  line(
    '  raw crypto.subtle.verify, CryptoKey',
    `${fmt(await rate(() => crypto.subtle.verify('Ed25519', collector.publicKey, ackDecoded.value.signature as Uint8Array<ArrayBuffer>, ackDecoded.value.signingInput as Uint8Array<ArrayBuffer>)))} /s`,
  );
  line(
    '  raw node:crypto verify, KeyObject (STACK.md ~7.8k)',
    `${fmt(await rate(() => nodeVerify(null, ackDecoded.value.signingInput, collectorKeyObject, ackDecoded.value.signature)))} /s`,
  );
}

async function merkle(): Promise<void> {
  const entry = new Uint8Array(500).fill(0x61);
  let counter = 0;
  const leafRate = await rate(() => {
    entry[0] = counter++;
    return leafHash(entry);
  });
  line('leaf hash of a 500-B entry', `${fmt(leafRate)} /s`);

  const [leaves, leavesSeconds] = timed(() => Array.from({ length: LEAVES }, (_, i) => leafHash(`entry ${i}`)));
  line(`leaf hashes of ${fmt(LEAVES)} short entries`, `${fmt(leavesSeconds, 2)} s`);

  const [root, rootSeconds] = timed(() => rootOfLeaves(leaves));
  line(`rootOfLeaves, ${fmt(LEAVES)} leaves`, `${fmt(rootSeconds, 2)} s`, `${fmt(LEAVES / rootSeconds)} leaves/s`);

  const tree = new MemoryTree();
  const [, appendSeconds] = timed(() => {
    for (const leaf of leaves) tree.append(leaf);
  });
  check(tree.size === LEAVES && tree.root().every((b, i) => b === root[i]), 'MemoryTree root = rootOfLeaves');
  line(`MemoryTree.append, ${fmt(LEAVES)} leaves`, `${fmt(LEAVES / appendSeconds)} /s`);

  // The integrator's step: integrate() batches against a store read through async calls.
  const store = new Map<number, Uint8Array>();
  const address = (level: number, index: number) => level * 2 ** 40 + index;
  const read = async (level: number, index: number) => store.get(address(level, index))!;
  const batch = 1000;
  const integrateStart = performance.now();
  for (let size = 0; size < LEAVES; size += batch) {
    for (const node of await integrate(size, leaves.slice(size, size + batch), read))
      store.set(address(node.level, node.index), node.hash);
  }
  const integrateRate = LEAVES / ((performance.now() - integrateStart) / 1000);
  check(store.size === tree.levels.reduce((sum, level) => sum + level.length, 0), 'integrate wrote every node');
  line(
    `integrate() in batches of ${fmt(batch)}, ${fmt(LEAVES)} leaves`,
    `${fmt(integrateRate)} entries/s`,
    `budget >= ${fmt(INTEGRATE_BUDGET)} entries/s: ${verdict(integrateRate >= INTEGRATE_BUDGET)}`,
  );

  const next = random(9162);
  const indexes = Array.from({ length: 4096 }, () => Math.floor(next() * LEAVES));
  let k = 0;
  const proofRate = await rate(() => inclusionProof(indexes[k++ % indexes.length], LEAVES, tree.read));
  line(
    `inclusion proof generation, ${fmt(LEAVES)}-leaf MemoryTree`,
    `${fmt(proofRate)} /s`,
    `${fmt(1e6 / proofRate, 1)} µs each, budget <= ${PROOF_BUDGET_MS} ms: ${verdict(1000 / proofRate <= PROOF_BUDGET_MS)}`,
  );

  const proofs = await Promise.all(indexes.map((i) => inclusionProof(i, LEAVES, tree.read)));
  check(
    proofs.every((proof, j) => verifyInclusion(leaves[indexes[j]], indexes[j], LEAVES, proof, root)),
    'inclusion proofs verify',
  );
  k = 0;
  const verifyRate = await rate(() => {
    const j = k++ % indexes.length;
    return verifyInclusion(leaves[indexes[j]], indexes[j], LEAVES, proofs[j], root);
  });
  line(`inclusion proof verification (${proofs[0].length} hashes)`, `${fmt(verifyRate)} /s`);

  const froms = indexes.map((i) => i + 1);
  const roots = new Map(froms.slice(0, 256).map((m) => [m, tree.root(m)]));
  k = 0;
  const consistencyRate = await rate(() => consistencyProof(froms[k++ % froms.length], LEAVES, tree.read));
  line(`consistency proof generation, to ${fmt(LEAVES)}`, `${fmt(consistencyRate)} /s`);
  const consistency = await Promise.all([...roots.keys()].map((m) => consistencyProof(m, LEAVES, tree.read)));
  const fromSizes = [...roots.keys()];
  check(
    consistency.every((proof, j) => verifyConsistency(fromSizes[j], LEAVES, proof, roots.get(fromSizes[j])!, root)),
    'consistency proofs verify',
  );
  k = 0;
  const consistencyVerifyRate = await rate(() => {
    const j = k++ % fromSizes.length;
    return verifyConsistency(fromSizes[j], LEAVES, consistency[j], roots.get(fromSizes[j])!, root);
  });
  line('consistency proof verification', `${fmt(consistencyVerifyRate)} /s`);
}

// Other work on the machine skews every figure: the load average says how much to trust them.
console.log(`protocol  Node ${process.version}, one process = one core, load average ${loadavg()[0].toFixed(2)}`);
await signatures();
await merkle();
