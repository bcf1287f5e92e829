// The tamper corpus of `verify`: every way an export or a proof file can be altered after it left
// the collector — a bit flipped anywhere, lines deleted, added, swapped, forged or cut off, receipts
// passed off as redacted, a
// partial export's range widened, a proof file's receipts dropped, reordered or forged — checked
// the way `consent-ledger verify` reads files (UTF-8 decoding, readline's line breaks). Every one
// must be detected. Random choices come from fast-check with a fixed seed, so a run is repeatable
// and a miss names the exact tamper.

import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { base64urlEncode, leafHash, verifyExport, verifyProofFile } from '@consent-ledger/protocol';
import fc from 'fast-check';
import type { TamperTargets } from './tamper-ledger';

export { buildTamperLedger, type TamperTargets } from './tamper-ledger';

export type TamperTarget = 'full export' | 'partial export' | 'proof file';

/** One altered file. */
export interface Tamper {
  family: string;
  target: TamperTarget;
  description: string;
  bytes: Buffer;
}

/** How many random tampers of each randomised family, per target. */
export interface CorpusSize {
  bitFlips: number;
  /** Line breaks (the last ones of each file) whose eight bits are each flipped too. */
  lineBreaks: number;
  lineOps: number;
  seed: number;
}

/** The corpus size `npm test` runs, and the one `pnpm bench` runs. */
export const CI_SIZE: CorpusSize = { bitFlips: 100, lineBreaks: 2, lineOps: 8, seed: 14 };
export const FULL_SIZE: CorpusSize = { bitFlips: 800, lineBreaks: 40, lineOps: 60, seed: 1414 };

/** How one family fared on one target. */
export interface FamilyOutcome {
  family: string;
  target: TamperTarget;
  tried: number;
  detected: number;
  /** The first tampers that verified anyway. */
  missed: string[];
}

const sample = <T>(arbitrary: fc.Arbitrary<T>, runs: number, seed: number): T[] =>
  runs > 0 ? fc.sample(arbitrary, { numRuns: runs, seed }) : [];

const joined = (lines: string[]) => Buffer.from(`${lines.join('\n')}\n`);

/** Every tamper of the corpus, lazily. */
export function* tamperCorpus(t: TamperTargets, size: CorpusSize): Generator<Tamper> {
  const files: Array<[TamperTarget, string]> = [
    ['full export', t.full],
    ['partial export', t.partial],
    ['proof file', t.proof],
  ];
  for (const [target, text] of files) {
    const bytes = Buffer.from(text);
    const breaks: number[] = [];
    for (let at = bytes.length - 1; at >= 0 && breaks.length < size.lineBreaks * 8; at--)
      if (bytes[at] === 10 || at === bytes.length - 1) for (let b = 0; b < 8; b++) breaks.push(at * 8 + b);
    const bits = [...breaks, ...sample(fc.nat({ max: bytes.length * 8 - 1 }), size.bitFlips, size.seed)];
    for (const bit of bits) {
      const copy = Buffer.from(bytes);
      copy[bit >> 3] ^= 1 << (bit & 7);
      const at = text.slice(Math.max(0, (bit >> 3) - 12), (bit >> 3) + 12);
      yield {
        family: 'bit flip',
        target,
        description: `bit ${bit} (byte ${bit >> 3}, near ${JSON.stringify(at)})`,
        bytes: copy,
      };
    }
  }
  yield* lineTampers('full export', t.lines.full, t, size);
  yield* lineTampers('partial export', t.lines.partial, t, size);
  yield* rangeTampers(t);
  yield* proofTampers(t, size);
}

/** Deleted, added, swapped, forged and cut-off lines of an export. */
function* lineTampers(target: TamperTarget, lines: string[], t: TamperTargets, size: CorpusSize): Generator<Tamper> {
  const n = lines.length;
  const tamper = (family: string, description: string, changed: string[]): Tamper => ({
    family,
    target,
    description,
    bytes: joined(changed),
  });
  for (let i = 0; i < n; i++)
    yield tamper(
      'deleted line',
      `line ${i} deleted`,
      lines.filter((_, j) => j !== i),
    );
  for (const [from, to] of sample(fc.tuple(fc.nat({ max: n - 1 }), fc.nat({ max: n })), size.lineOps, size.seed)) {
    const copy = [...lines];
    copy.splice(to, 0, lines[from]);
    yield tamper('added line', `line ${from} copied before line ${to}`, copy);
  }
  for (const at of sample(fc.integer({ min: 1, max: n }), size.lineOps, size.seed + 1)) {
    const copy = [...lines];
    const index = JSON.parse(lines[Math.min(at, n - 1)]).index ?? 0;
    copy.splice(at, 0, t.forgery.receiptLine(index));
    yield tamper('added line', `forged receipt line inserted at line ${at}`, copy);
  }
  for (const [a, b] of sample(fc.tuple(fc.nat({ max: n - 1 }), fc.nat({ max: n - 1 })), size.lineOps, size.seed + 2)) {
    if (a === b) continue;
    const copy = [...lines];
    [copy[a], copy[b]] = [copy[b], copy[a]];
    yield tamper('swapped lines', `lines ${a} and ${b} swapped`, copy);
  }
  const receipts = lines.flatMap((l, i) => (l.includes('"kind":"receipt"') && l.includes('"jws"') ? [i] : []));
  for (const i of receipts) {
    const entry = JSON.parse(lines[i]);
    const forged = JSON.parse(t.forgery.receiptLine(entry.index));
    const copy = [...lines];
    copy[i] = JSON.stringify(entry.proof ? { ...forged, proof: entry.proof } : forged);
    yield tamper('forged line', `line ${i} replaced by an attacker's receipt and ack`, copy);
    const replaced = [...lines];
    replaced[i] = JSON.stringify({ ...entry, jws: t.forgery.receiptJws });
    yield tamper('forged line', `line ${i}'s receipt replaced by another visitor's, ack kept`, replaced);
    // Issue 14's forged redaction: the receipt's real leaf hash, so the root and its proof still hold.
    for (const reason of ['erasure', 'retention']) {
      const stub = {
        index: entry.index,
        kind: 'receipt',
        leafHash: base64urlEncode(leafHash(entry.jws)),
        redacted: { at: '2026-12-31T00:00:00.000Z', reason },
        ...(entry.proof ? { proof: entry.proof } : {}),
      };
      const redacted = [...lines];
      redacted[i] = JSON.stringify(stub);
      yield tamper('forged redaction', `line ${i} passed off as redacted (${reason}), real leaf hash`, redacted);
    }
  }
  for (let keep = 1; keep < n; keep++)
    yield tamper('cut off', `only the first ${keep} of ${n} lines`, lines.slice(0, keep));
}

/** A partial export's range widened (or narrowed, or removed) in its unsigned header. */
function* rangeTampers(t: TamperTargets): Generator<Tamper> {
  const [head, ...rest] = t.lines.partial;
  const header = JSON.parse(head);
  const { from, to } = header.range as { from: string; to: string };
  const shift = (at: string, ms: number) => new Date(Date.parse(at) + ms).toISOString();
  const ranges: Array<[string, unknown]> = [
    ['from a day earlier', { from: shift(from, -86_400_000), to }],
    ['from a millisecond earlier', { from: shift(from, -1), to }],
    ['to a day later', { from, to: shift(to, 86_400_000) }],
    ['from unbounded', { from: null, to }],
    ['to unbounded', { from, to: null }],
    ['narrowed by a day', { from: shift(from, 86_400_000), to }],
  ];
  for (const [description, range] of ranges)
    yield {
      family: 'changed range',
      target: 'partial export',
      description,
      bytes: joined([JSON.stringify({ ...header, range }), ...rest]),
    };
  const { range: _, ...full } = header;
  yield {
    family: 'changed range',
    target: 'partial export',
    description: 'range removed',
    bytes: joined([JSON.stringify(full), ...rest]),
  };
}

/** A proof file's receipts dropped, reordered, duplicated or forged, and its unsigned-looking members changed. */
function* proofTampers(t: TamperTargets, size: CorpusSize): Generator<Tamper> {
  const doc = JSON.parse(t.proof);
  const n = doc.receipts.length as number;
  const tamper = (family: string, description: string, change: (d: typeof doc) => void): Tamper => {
    const copy = structuredClone(doc);
    change(copy);
    return { family, target: 'proof file', description, bytes: Buffer.from(JSON.stringify(copy, null, 2)) };
  };
  for (let i = 0; i < n; i++) {
    yield tamper('deleted line', `receipt ${i} removed`, (d) => d.receipts.splice(i, 1));
    yield tamper('added line', `receipt ${i} twice`, (d) => d.receipts.splice(i, 0, doc.receipts[i]));
    yield tamper('forged line', `receipt ${i} replaced by another visitor's`, (d) => {
      d.receipts[i] = t.forgery.proofItem;
    });
    yield tamper('forged line', `receipt ${i}'s ack dropped`, (d) => {
      d.receipts[i].ack = null;
      d.receipts[i].proof = null;
    });
  }
  yield tamper('added line', 'a forged receipt appended', (d) => d.receipts.push(t.forgery.proofItem));
  for (const [a, b] of sample(fc.tuple(fc.nat({ max: n - 1 }), fc.nat({ max: n - 1 })), size.lineOps, size.seed + 3)) {
    if (a !== b)
      yield tamper('swapped lines', `receipts ${a} and ${b} swapped`, (d) => {
        [d.receipts[a], d.receipts[b]] = [d.receipts[b], d.receipts[a]];
      });
  }
  yield tamper('forged line', 'exportedAt changed', (d) => {
    d.exportedAt = '2020-01-01T00:00:00.000Z';
  });
  yield tamper('forged line', 'collector changed', (d) => {
    d.collector = 'https://elsewhere.example';
  });
  for (let keep = 0; keep < n; keep++)
    yield tamper('cut off', `only the first ${keep} of ${n} receipts`, (d) => d.receipts.splice(keep));
}

/** True when `verify` (with the collector's keys) refuses the tampered file. */
export async function detected(t: TamperTargets, tamper: Tamper): Promise<boolean> {
  const text = tamper.bytes.toString('utf8');
  if (tamper.target === 'proof file') return !(await verifyProofFile(text, { keys: t.keys })).ok;
  const lines = createInterface({ input: Readable.from([text]), crlfDelay: Number.POSITIVE_INFINITY });
  return !(await verifyExport(lines, { keys: t.keys })).ok;
}

/** Runs the whole corpus; one outcome per family and target. */
export async function runTamperCorpus(t: TamperTargets, size: CorpusSize): Promise<FamilyOutcome[]> {
  const outcomes = new Map<string, FamilyOutcome>();
  for (const tamper of tamperCorpus(t, size)) {
    const key = `${tamper.family}\0${tamper.target}`;
    let outcome = outcomes.get(key);
    if (!outcome) {
      outcome = { family: tamper.family, target: tamper.target, tried: 0, detected: 0, missed: [] };
      outcomes.set(key, outcome);
    }
    outcome.tried += 1;
    if (await detected(t, tamper)) outcome.detected += 1;
    else if (outcome.missed.length < 5) outcome.missed.push(tamper.description);
  }
  return [...outcomes.values()];
}
