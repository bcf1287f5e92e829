// Tests that need whole processes (the built dist/cli.js): `serve` and `witness` started on free
// ports, their output kept, stopped with a signal (SIGTERM for a clean stop, SIGKILL for a crash).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CLI, REPO as ROOT } from '../checkout';

export { CLI, ROOT };

/** A running `consent-ledger` process. */
export interface CliProcess {
  proc: ChildProcess;
  /** The URL it printed (`serving http://…`). */
  url: string;
  /** Its stdout and stderr so far. */
  output(): string;
}

/** Throws unless the CLI was built (these tests run the bundle, as users do). */
export function assertBuilt(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first (pnpm --filter @consent-ledger/server build)`);
}

/** Starts `consent-ledger ...args`; resolves once it prints the URL it serves. */
export function startCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliProcess> {
  const proc = spawn(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  proc.stdout!.on('data', (chunk) => (log += chunk));
  proc.stderr!.on('data', (chunk) => (log += chunk));
  return new Promise((resolve, reject) => {
    const onData = () => {
      const match = /serving (http:\/\/\S+)/.exec(log);
      if (!match) return;
      proc.stdout!.off('data', onData);
      resolve({ proc, url: match[1], output: () => log });
    };
    proc.stdout!.on('data', onData);
    proc.once('exit', (code, signal) =>
      reject(new Error(`consent-ledger ${args[0]} exited (${signal ?? code}) before it was ready:\n${log}`)),
    );
  });
}

/** Stops a process with `signal` and waits for it to exit. */
export async function stopCli(p: CliProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (p.proc.exitCode !== null || p.proc.signalCode !== null) return;
  const exited = new Promise((resolve) => p.proc.once('exit', resolve));
  p.proc.kill(signal);
  await exited;
}
