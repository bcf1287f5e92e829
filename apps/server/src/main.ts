// The `consent-ledger` command line: one sub-command per file of commands/. Exit codes: 0 success,
// 1 a failure (bad input file, refused config), 2 a usage error.
import { CommandError, UsageError } from './args';
import { EXPORT_USAGE, exportCommand } from './commands/export';
import { KEYS_USAGE, keysCommand } from './commands/keys';
import { PURGE_USAGE, purgeCommand } from './commands/purge';
import { SCAN_USAGE, scanCommand } from './commands/scan';
import { SERVE_USAGE, serveCommand } from './commands/serve';
import { SITES_USAGE, sitesCommand } from './commands/sites';
import { TOKENS_USAGE, tokensCommand } from './commands/tokens';
import { VERIFY_USAGE, verifyCommand } from './commands/verify';
import { WITNESS_USAGE, witnessCommand } from './commands/witness';

const COMMANDS: Record<string, { run: (args: string[]) => Promise<number>; usage: string }> = {
  serve: { run: serveCommand, usage: SERVE_USAGE },
  sites: { run: sitesCommand, usage: SITES_USAGE },
  tokens: { run: tokensCommand, usage: TOKENS_USAGE },
  export: { run: exportCommand, usage: EXPORT_USAGE },
  verify: { run: verifyCommand, usage: VERIFY_USAGE },
  purge: { run: purgeCommand, usage: PURGE_USAGE },
  keys: { run: keysCommand, usage: KEYS_USAGE },
  witness: { run: witnessCommand, usage: WITNESS_USAGE },
  scan: { run: scanCommand, usage: SCAN_USAGE },
};

function usage(): string {
  return `usage:\n${Object.values(COMMANDS)
    .map((c) =>
      c.usage
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n'),
    )
    .join('\n')}`;
}

/** Runs the command line `argv` (without node and script); resolves with the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`unknown command "${name}"`);
    return await command.run(args);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`consent-ledger: ${error.message}\n${command ? `usage: ${command.usage}` : usage()}`);
      return 2;
    }
    if (error instanceof CommandError) {
      console.error(`consent-ledger: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
