// The hostile-request corpus (issue 14, "Keep them fixed"): what an attacker sends to a collector,
// over real HTTP to the built `consent-ledger serve` on a real SQLite file. Every case names the
// status and error code it must get; whatever it gets must be a JSON error (never a 5xx), and once
// the corpus ran the site's log must hold the control receipts and nothing else. Then random
// bodies and random mutations of a valid receipt (fast-check), as many as the size asks.
import { fixtureConfig } from '@consent-ledger/collector/testing';
import { API_ERROR_CODES, type VerifiedReceipt } from '@consent-ledger/protocol';
import fc from 'fast-check';
import { type Collector, startCollector } from '../e2e/harness/server';
import { hostileCases, SITE } from './hostile-cases';
import { logEntries } from './ledger';

/** Random requests per property: CI runs a few, `pnpm bench reliability` many. */
export const HOSTILE_RUNS = { ci: 60, full: 1500 } as const;

export interface HostileOutcome {
  /** Requests sent: the named cases plus the random ones. */
  tried: number;
  /** Named cases answered otherwise than they must be, as `name: got status code`. */
  wrong: string[];
  /** Any request answered 5xx, or with a body that is not a JSON error of a known code. */
  broken: string[];
  /** Receipt ids in the log that no control request put there, and control receipts missing from it. */
  strayEntries: string[];
}

/** Runs the corpus against a fresh collector; `runs` random requests per property. */
export async function runHostileCorpus(runs: number): Promise<HostileOutcome> {
  const collector = await startCollector();
  try {
    return await corpus(collector, runs);
  } finally {
    await collector.stop();
  }
}

async function corpus(collector: Collector, runs: number): Promise<HostileOutcome> {
  const config = fixtureConfig(SITE);
  const origin = config.origins[0];
  const wrong: string[] = [];
  const broken: string[] = [];
  const controls = new Set<string>();
  let tried = 0;

  /** Sends, checks the answer is a JSON error of a known code unless 2xx, and never 5xx; resolves with status and code. */
  async function answer(send: () => Promise<Response>, label: string): Promise<{ status: number; code?: string }> {
    tried += 1;
    const res = await send();
    const text = await res.text();
    if (res.status >= 500) broken.push(`${label}: ${res.status} ${text.slice(0, 160)}`);
    if (res.status < 400) return { status: res.status };
    try {
      const code = (JSON.parse(text) as { error: { code: string } }).error.code;
      if (!(API_ERROR_CODES as readonly string[]).includes(code)) broken.push(`${label}: unknown code ${code}`);
      return { status: res.status, code };
    } catch {
      broken.push(`${label}: ${res.status} without a JSON error: ${text.slice(0, 160)}`);
      return { status: res.status };
    }
  }

  const post =
    (body: BodyInit, headers: Record<string, string> = {}) =>
    () =>
      collector.fetch('/v1/receipts', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: origin, ...headers },
        body,
      });
  const postReceipts = (receipts: unknown[], headers?: Record<string, string>) =>
    post(JSON.stringify({ receipts }), headers);

  /** A valid receipt the log must end up holding. */
  async function control(receipt: VerifiedReceipt): Promise<void> {
    const got = await answer(postReceipts([receipt.jws]), `control ${receipt.payload.id}`);
    if (got.status !== 201) wrong.push(`control receipt: got ${got.status} ${got.code ?? ''}`);
    controls.add(receipt.payload.id);
  }

  const { cases, spare } = await hostileCases({ collector, post, postReceipts, control, answer });
  for (const c of cases) {
    const got = await answer(c.send, c.name);
    if (got.status !== c.status || (c.code !== undefined && got.code !== c.code))
      wrong.push(`${c.name}: got ${got.status} ${got.code ?? ''}, must be ${c.status} ${c.code ?? ''}`);
  }

  // Random bodies: any JSON value, any string for a receipt, any single-character change to a valid one.
  const refused = async (body: string, label: string) => {
    const got = await answer(post(body), label);
    if (got.status < 400) wrong.push(`${label}: accepted (${got.status})`);
  };
  await fc.assert(
    fc.asyncProperty(fc.jsonValue(), async (v) =>
      refused(JSON.stringify(v), `random JSON ${JSON.stringify(v).slice(0, 80)}`),
    ),
    { numRuns: runs },
  );
  await fc.assert(
    fc.asyncProperty(fc.array(fc.string(), { minLength: 1, maxLength: 3 }), async (r) =>
      refused(JSON.stringify({ receipts: r }), 'random strings'),
    ),
    { numRuns: runs },
  );
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ';
  await fc.assert(
    fc.asyncProperty(fc.nat(spare.jws.length - 1), fc.constantFrom(...alphabet), async (at, ch) => {
      if (spare.jws[at] === ch) return;
      const mutated = spare.jws.slice(0, at) + ch + spare.jws.slice(at + 1);
      await refused(JSON.stringify({ receipts: [mutated] }), `receipt with character ${at} made "${ch}"`);
    }),
    { numRuns: runs },
  );

  await collector.halt();
  const receipts = (await logEntries(collector.data, SITE)).filter((e) => e.kind === 'receipt').map((e) => e.id);
  const strayEntries = [
    ...receipts.filter((id) => !controls.has(id)).map((id) => `stored but never sent as valid: ${id}`),
    ...[...controls].filter((id) => !receipts.includes(id)).map((id) => `control receipt missing: ${id}`),
  ];
  if (receipts.length !== new Set(receipts).size) strayEntries.push('a receipt stored twice');
  return { tried, wrong, broken, strayEntries };
}
