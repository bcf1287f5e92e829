// The data folder: the SQLite ledger and the collector's Ed25519 key (a private JWK, mode 0600),
// created on first use by whichever command comes first, so `serve` and the other commands can
// run on the same folder at the same time. Which of its files a command uses is the backend's
// choice (backend.ts).
import { randomUUID } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import {
  type CollectorKey,
  createCollectorKeyJwk,
  type LedgerStore,
  loadCollectorKey,
} from '@consent-ledger/collector';
import { parseNote } from '@consent-ledger/protocol';
import { CommandError } from './args';

/** Where a data folder keeps its files. */
export function dataPaths(dir: string): { dir: string; ledger: string; key: string; name: string } {
  const root = resolve(dir);
  return {
    dir: root,
    ledger: join(root, 'ledger.db'),
    key: join(root, 'collector-key.json'),
    name: join(root, 'name'),
  };
}

/** Creates the data folder (mode 0700) when missing, and takes group and other access away when it exists. */
export function ensureDataDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // It holds IP addresses, user agents and the signing key: nobody else reads it, whoever made it.
    if ((statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700);
  } catch (error) {
    throw new CommandError(`cannot use ${resolve(dir)} as the data folder: ${(error as Error).message}`);
  }
}

/** Writes `text` to `path` only if no file is there, atomically: a crash leaves the whole file or none. */
function createAtomically(path: string, text: string): void {
  const temp = `${path}.${randomUUID()}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    // A hard link, unlike rename, never replaces a file another process created meanwhile.
    linkSync(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temp);
  }
}

/** Loads the Ed25519 key file at `path` (a private JWK) under `name`, creating it (mode 0600) on first use. */
export async function loadOrCreateKeyFile(path: string, name: string, what: string): Promise<CollectorKey> {
  try {
    // Another process (or an earlier start) may have written it first: then that one is used.
    createAtomically(path, `${JSON.stringify(await createCollectorKeyJwk())}\n`);
    if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  } catch (error) {
    throw new CommandError(`cannot create the ${what} ${path}: ${(error as Error).message}`);
  }
  return readKeyFile(path, name, what);
}

/** The key file's Ed25519 private JWK; a one-line CommandError naming what is wrong with it otherwise. */
async function readKeyFile(path: string, name: string, what: string): Promise<CollectorKey> {
  const fix = 'restore it from a backup (or remove it to start over with a new key)';
  const text = readFileSync(path, 'utf8');
  if (text.trim() === '') throw new CommandError(`${path} is empty, not a ${what}: ${fix}`);
  let jwk: unknown;
  try {
    jwk = JSON.parse(text);
  } catch {
    throw new CommandError(`${path} is not JSON, not a ${what}: ${fix}`);
  }
  try {
    return await loadCollectorKey(jwk, name);
  } catch (error) {
    throw new CommandError(`${path}: ${(error as Error).message}: ${fix}`);
  }
}

/** The name a signed checkpoint note's first signature carries (the collector's note key name), if it parses. */
export function noteSignerName(note: string): string | undefined {
  const parsed = parseNote(note);
  return parsed.ok ? parsed.value.signatures[0]?.name : undefined;
}

/** The name the log's checkpoints are signed with (the first site that has a checkpoint), if any. */
export async function checkpointSignerName(
  store: Pick<LedgerStore, 'listSites' | 'latestCheckpoint'>,
): Promise<string | undefined> {
  for (const site of await store.listSites({ includeDeleted: true })) {
    const checkpoint = await store.latestCheckpoint(site.site);
    const name = checkpoint ? noteSignerName(checkpoint.note) : undefined;
    if (name) return name;
  }
  return undefined;
}

/**
 * `serve`'s name on a data folder: `requested` (--name), else the one recorded in its `name` file,
 * else (a folder from before that file) the name its checkpoints are signed with, else `fallback`.
 * Recorded, so a restart on another port or host keeps the log's origin and what witnesses know it by.
 */
export async function dataFolderName(
  dir: string,
  requested: string | null,
  fallback: string,
  openStore: () => Pick<LedgerStore, 'listSites' | 'latestCheckpoint' | 'close'>,
): Promise<string> {
  const path = dataPaths(dir).name;
  const recorded = existsSync(path) ? readFileSync(path, 'utf8').trim() || undefined : undefined;
  let name = requested ?? recorded;
  if (name === undefined) {
    const store = openStore();
    try {
      name = (await checkpointSignerName(store)) ?? fallback;
    } finally {
      await store.close();
    }
  }
  if (name === recorded) return name;
  if (recorded)
    console.error(
      `consent-ledger: --name ${name} renames this log (it was ${recorded}): its checkpoints get a new origin, which witnesses and auditors who know the old name take for another log`,
    );
  try {
    const temp = `${path}.${randomUUID()}.tmp`;
    writeFileSync(temp, `${name}\n`, { mode: 0o600 });
    renameSync(temp, path);
  } catch (error) {
    throw new CommandError(`cannot record the collector's name in ${path}: ${(error as Error).message}`);
  }
  return name;
}
