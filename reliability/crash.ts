// `kill -9` of `consent-ledger serve` under load, restart, repeat (issue 14, "Keep them fixed"):
// the real built command on a real SQLite file, devices posting receipt chains over loopback HTTP
// as the SDK does (a receipt whose answer never came is sent again, unchanged, until it is
// answered). After the last round the server is stopped cleanly and the ledger file read: every
// receipt the collector acknowledged must be there once, byte for byte, at the index its ack names,
// and the site's export must pass `consent-ledger verify` against the collector's keys.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Device, fixtureConfig } from '@consent-ledger/collector/testing';
import { type AckPayload, decodeJws, fromUtf8, type VerifiedReceipt } from '@consent-ledger/protocol';
import { runCli, startCollector } from '../e2e/harness/server';
import { logEntries } from './ledger';

/** Rounds of the kill loop: CI runs a few, `pnpm bench reliability` many. */
export const KILL_ROUNDS = { ci: 3, full: 20 } as const;
const SITE = 'clikodoc';
/** How long the devices post between two kills (ms): random within this range. */
const LOAD_MS = [300, 900] as const;

export interface KillLoopOptions {
  rounds: number;
  /** Devices posting at once, each its own chain. */
  devices?: number;
}

/** What the loop saw, and what it found in the ledger afterwards. */
export interface KillLoopOutcome {
  rounds: number;
  /** Receipts the collector answered 201 or 200 with an ack. */
  acknowledged: number;
  /** Receipts sent again because their answer never came (the server died first). */
  resent: number;
  /** Acknowledged receipt ids missing from the ledger. */
  lost: string[];
  /** Acknowledged receipts stored with other bytes, or at another index than their ack names. */
  altered: string[];
  /** Receipts in the ledger that were never acknowledged (each one is sent until answered, so: none). */
  unacknowledged: number;
  /** Log entries beyond the first for one receipt id. */
  duplicated: number;
  /** Answers other than 200, 201 and a dead server's connection error, as `status: message`. */
  unexpected: string[];
  /** `consent-ledger verify --keys` on the site's export after the loop: its exit code. */
  verifyExit: number;
}

function ackOf(jws: string): AckPayload {
  const decoded = decodeJws(jws);
  if (!decoded.ok) throw new Error(`unreadable ack: ${decoded.error.message}`);
  return JSON.parse(fromUtf8(decoded.value.payload)) as AckPayload;
}

/** Runs `rounds` kill -9 / restart cycles under load and checks the ledger; never throws for a finding, only for a broken harness. */
export async function runKillLoop(options: KillLoopOptions): Promise<KillLoopOutcome> {
  const collector = await startCollector();
  const config = fixtureConfig(SITE);
  const origin = config.origins[0];
  const acked = new Map<string, { receipt: VerifiedReceipt; ack: AckPayload }>();
  const unexpected: string[] = [];
  let resent = 0;
  let stopping = false;
  /** Set when the loop ends early (a broken harness): pending deliveries give up. */
  let abandoned = false;

  /** Sends one receipt until the collector answers it (a dead or restarting server is waited for). */
  async function deliver(receipt: VerifiedReceipt): Promise<void> {
    for (let attempt = 0; !abandoned; attempt++) {
      if (attempt > 0) {
        resent += attempt === 1 ? 1 : 0;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      let res: Response;
      try {
        res = await collector.fetch('/v1/receipts', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: origin },
          body: JSON.stringify({ receipts: [receipt.jws] }),
        });
      } catch {
        continue; // killed mid-request, or not listening yet
      }
      const text = await res.text().catch(() => null);
      if (text === null) continue; // killed while answering
      if (res.status === 503) continue; // shutting down or full: the SDK retries too
      if (res.status !== 201 && res.status !== 200) {
        unexpected.push(`${res.status}: ${text.slice(0, 200)}`);
        return;
      }
      const [ack] = (JSON.parse(text) as { acks: string[] }).acks;
      acked.set(receipt.payload.id, { receipt, ack: ackOf(ack) });
      return;
    }
  }

  async function device(): Promise<void> {
    const d = await Device.create(config);
    const purposes = Object.keys(config.purposes);
    for (let n = 0; !stopping; n++) {
      // Alternate decisions, so the chain holds grants and withdrawals.
      const state = n % 2 === 0 ? 'granted' : 'denied';
      const receipt = await d.receipt({
        method: n % 2 === 0 ? 'accept-all' : 'reject-all',
        choices: Object.fromEntries(purposes.map((p) => [p, state])),
      });
      await deliver(receipt);
    }
  }

  const work = collector.data;
  const scratch = await mkdtemp(join(tmpdir(), 'cl-kill-'));
  try {
    const devices = Array.from({ length: options.devices ?? 12 }, device);
    for (let round = 0; round < options.rounds; round++) {
      const [min, max] = LOAD_MS;
      await new Promise((resolve) => setTimeout(resolve, min + Math.random() * (max - min)));
      await collector.crash();
      await collector.resume();
    }
    stopping = true;
    await Promise.all(devices);
    const keys = await (await collector.fetch('/v1/keys')).text();
    // A clean stop runs a last integrator round: the export's checkpoint then covers every entry.
    await collector.halt();

    const receipts = (await logEntries(work, SITE)).filter((e) => e.kind === 'receipt');
    const entries = new Map(receipts.map((e) => [e.id, e]));
    const lost: string[] = [];
    const altered: string[] = [];
    for (const [id, { receipt, ack }] of acked) {
      const entry = entries.get(id);
      if (!entry) lost.push(id);
      else if (entry.jws !== receipt.jws || entry.leafHash !== ack.leafHash || entry.index !== ack.index)
        altered.push(id);
    }
    const exported = join(scratch, 'export.ndjson');
    const keysFile = join(scratch, 'keys.json');
    await writeFile(keysFile, keys);
    await runCli(['export', '--site', SITE, '--out', exported, '--data', work]);
    const verifyExit = await runCli(['verify', exported, '--keys', keysFile]).then(
      () => 0,
      () => 1,
    );
    return {
      rounds: options.rounds,
      acknowledged: acked.size,
      resent,
      lost,
      altered,
      unacknowledged: [...entries.keys()].filter((id) => !acked.has(id)).length,
      duplicated: receipts.length - entries.size,
      unexpected,
      verifyExit,
    };
  } finally {
    stopping = true;
    abandoned = true;
    await collector.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}
