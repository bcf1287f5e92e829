// The running witness: its data folder (witness.db, the state; witness-key.json, its Ed25519 key,
// mode 0600), the logs it accepts and the HTTP server. Losing the data folder loses what the witness
// cosigned: a witness restarted empty would cosign a rolled-back log, so back it up or retire the key.

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import type { NoteKey } from '@consent-ledger/protocol';
import { createWitness, LogPolicy, type Witness, WitnessStore } from '@consent-ledger/witness';
import { CommandError } from './args';
import { ensureDataDir, loadOrCreateKeyFile } from './data';
import { displayHost, listen } from './server';

export interface WitnessServerOptions {
  port: number;
  host: string;
  data: string;
  /** The witness's name (its cosignature key name); recorded on first start. */
  name?: string;
  /** Log keys pinned with `--log`. */
  logs: NoteKey[];
  /** Collector URLs whose keys are followed (`--follow`). */
  follow: string[];
  /** Where refusals and failures are reported. */
  log?: (message: string) => void;
}

/** A started witness. */
export interface RunningWitness {
  url: string;
  name: string;
  vkey: string;
  witness: Witness;
  store: WitnessStore;
  close(): Promise<void>;
}

/** The witness's name when none was ever given: stable for a machine, and a schema-less URL as C2SP recommends. */
export const defaultWitnessName = (): string => `${hostname().toLowerCase() || 'localhost'}/witness`;

/** Opens the witness's data folder: its store, its recorded name and its key. */
export async function openWitnessData(dir: string, name?: string) {
  ensureDataDir(dir);
  let store: WitnessStore;
  try {
    store = new WitnessStore(join(resolve(dir), 'witness.db'));
  } catch (error) {
    throw new CommandError(`cannot open the witness database in ${resolve(dir)}: ${(error as Error).message}`);
  }
  try {
    const recorded = store.name(name, defaultWitnessName());
    const key = await loadOrCreateKeyFile(join(resolve(dir), 'witness-key.json'), recorded, 'witness key');
    return { store, key };
  } catch (error) {
    store.close();
    throw error instanceof CommandError ? error : new CommandError((error as Error).message);
  }
}

/** Starts the witness's HTTP server. */
export async function startWitness(options: WitnessServerOptions): Promise<RunningWitness> {
  const { store, key } = await openWitnessData(options.data, options.name);
  const log = options.log ?? ((message: string) => console.error(message));
  const policy = new LogPolicy({ pinned: options.logs, follow: options.follow, log });
  const witness = createWitness({ store, key, policy, log });
  const stopFollowing = policy.start();
  let server: Server;
  try {
    server = await listen((req) => witness.app.fetch(req), options.port, options.host);
  } catch (error) {
    stopFollowing();
    store.close();
    throw new CommandError(`cannot listen on ${options.host}:${options.port}: ${(error as Error).message}`);
  }
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${displayHost(options.host)}:${port}`,
    name: key.name,
    vkey: witness.vkey,
    witness,
    store,
    close() {
      closing ??= (async () => {
        stopFollowing();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
          setTimeout(() => server.closeAllConnections(), 5000).unref();
        });
        store.close();
      })();
      return closing;
    },
  };
}
