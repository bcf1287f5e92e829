// The server half of the reliability bench: the hostile-request corpus with many random requests,
// and 20 rounds of kill -9 under load, each against the real built `serve` on a real SQLite file.
// Budgets: no 5xx, every hostile request its 4xx, nothing stored but valid receipts; no
// acknowledged receipt lost, altered or stored twice, and the export verifies afterwards.
import { KILL_ROUNDS, runKillLoop } from '@consent-ledger/reliability/crash';
import { HOSTILE_RUNS, runHostileCorpus } from '@consent-ledger/reliability/hostile';

const fmt = (n: number) => n.toLocaleString('en-US');
const verdict = (ok: boolean) => (ok ? 'ok' : 'FAILED');

/** Runs both at full size, printing each figure with `line`; true when every budget held. */
export async function attackServer(line: (what: string, figure: string, budget?: string) => void): Promise<boolean> {
  let started = performance.now();
  const hostile = await runHostileCorpus(HOSTILE_RUNS.full);
  const problems = [...hostile.broken, ...hostile.wrong, ...hostile.strayEntries];
  line('hostile requests tried (named cases + random)', fmt(hostile.tried));
  line(
    '  answered 5xx or without JSON error',
    fmt(hostile.broken.length),
    `budget 0: ${verdict(hostile.broken.length === 0)}`,
  );
  line(
    '  answered otherwise than their case says',
    fmt(hostile.wrong.length),
    `budget 0: ${verdict(hostile.wrong.length === 0)}`,
  );
  line(
    '  log entries no valid receipt explains',
    fmt(hostile.strayEntries.length),
    `budget 0: ${verdict(hostile.strayEntries.length === 0)}`,
  );
  for (const problem of problems.slice(0, 20)) line(`  ${problem}`, '');
  line('hostile corpus time', `${((performance.now() - started) / 1000).toFixed(1)} s`);

  started = performance.now();
  const kills = await runKillLoop({ rounds: KILL_ROUNDS.full });
  const lost = kills.lost.length + kills.altered.length + kills.duplicated;
  line('kill -9 of serve under load, restarted', `${kills.rounds} times`);
  line('  receipts acknowledged / sent again after a kill', `${fmt(kills.acknowledged)} / ${fmt(kills.resent)}`);
  line('  acknowledged lost, altered or stored twice', fmt(lost), `budget 0: ${verdict(lost === 0)}`);
  line('  unexpected answers', fmt(kills.unexpected.length), `budget 0: ${verdict(kills.unexpected.length === 0)}`);
  line('  verify --keys on the export afterwards', `exit ${kills.verifyExit}`, verdict(kills.verifyExit === 0));
  line('kill loop time', `${((performance.now() - started) / 1000).toFixed(1)} s`);
  return problems.length === 0 && lost === 0 && kills.unexpected.length === 0 && kills.verifyExit === 0;
}
