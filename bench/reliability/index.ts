// Reliability at full size (issue 14, "Keep them fixed"). The verify tamper corpus: every tamper
// of every family against a larger ledger's full export, partial export and proof file, each one
// checked the way `consent-ledger verify` reads files; budget: every one detected. Also the rate
// at which verify reads an export (lines/s), since every check it runs costs there. Then the
// server half (attacks.ts): the hostile-request corpus and 20 kill -9 rounds.
import { loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { verifyExport } from '@consent-ledger/protocol';
import { buildTamperLedger, FULL_SIZE, runTamperCorpus } from '@consent-ledger/reliability/tamper';
import { attackServer } from './attacks';

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });
const line = (what: string, figure: string, budget = '') =>
  console.log(`reliability  ${what.padEnd(52)} ${figure.padStart(18)}${budget ? `   ${budget}` : ''}`);

console.log(
  `reliability  Node ${process.version}, load average ${loadavg()[0].toFixed(2)} (figures need a quiet machine)`,
);
const started = performance.now();
const targets = await buildTamperLedger({ subjects: 40, days: 8 });
line(
  'ledger: full export / partial export / proof file',
  `${targets.lines.full.length - 1} / ${targets.lines.partial.length - 2} lines / ${JSON.parse(targets.proof).receipts.length} receipts`,
);

let failed = false;
const outcomes = await runTamperCorpus(targets, FULL_SIZE);
for (const o of outcomes) {
  const ok = o.detected === o.tried;
  failed ||= !ok;
  line(
    `tampers ${o.family}, ${o.target}`,
    `${fmt(o.detected)} / ${fmt(o.tried)}`,
    ok ? 'all detected: ok' : `MISSED: ${o.missed.join('; ')}`,
  );
}
const tried = outcomes.reduce((n, o) => n + o.tried, 0);
const detected = outcomes.reduce((n, o) => n + o.detected, 0);
line(
  'tampers detected / tried',
  `${fmt(detected)} / ${fmt(tried)}`,
  `budget: every one: ${detected === tried ? 'ok' : 'FAILED'}`,
);
line('tamper corpus time', `${fmt((performance.now() - started) / 1000, 1)} s`);

// verify's reading rate on the full export, a few rounds, best one.
let best = 0;
for (let round = 0; round < 5; round++) {
  const t0 = performance.now();
  const report = await verifyExport(
    createInterface({ input: Readable.from([targets.full]), crlfDelay: Number.POSITIVE_INFINITY }),
    {
      keys: targets.keys,
    },
  );
  if (!report.ok) throw new Error('the untampered export does not verify');
  best = Math.max(best, (targets.lines.full.length - 1) / ((performance.now() - t0) / 1000));
}
line('verify: full export, entries per second (best of 5)', `${fmt(best)} /s`);
// The server half: hostile requests and kill -9 (attacks.ts).
if (!(await attackServer(line))) failed = true;
process.exit(failed ? 1 : 0);
