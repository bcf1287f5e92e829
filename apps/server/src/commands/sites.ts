// `consent-ledger sites put <config.json>` and `sites list`: site configs from the command line,
// on the same data folder a running `serve` uses (it picks changes up within seconds).
import { readFileSync } from 'node:fs';
import { publishSite } from '@consent-ledger/collector';
import { CommandError, parse, UsageError } from '../args';
import { ledgerBackend } from '../backend';

export const SITES_USAGE =
  'consent-ledger sites put <config.json> [--bump] [--data DIR]\nconsent-ledger sites list [--all] [--data DIR]';

/** What a publication means for the site's returning visitors. */
const OUTCOMES: Record<string, string> = {
  'new-site': 'new site',
  'keeps-choices': 'returning visitors keep their choices',
  'asks-again': 'returning visitors will be asked again',
};

/** Runs `sites put|list`; resolves with the exit code. */
export async function sitesCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'put') return put(rest);
  if (action === 'list') return list(rest);
  throw new UsageError(action ? `unknown sites action "${action}"` : 'sites needs an action: put or list');
}

async function put(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { data: { type: 'string' }, bump: { type: 'boolean' } });
  if (positionals.length !== 1) throw new UsageError('sites put takes one config file');
  const [file] = positionals;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CommandError(
      `${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not JSON (${(error as Error).message})`}`,
    );
  }
  const backend = ledgerBackend(values.data ?? './data');
  const store = backend.openStore();
  try {
    // Notices are signed by the collector key, the same one `serve` uses on this data folder.
    const key = await backend.signingKey('consent-ledger');
    const published = await publishSite(store, key, json, new Date().toISOString(), { bump: values.bump });
    if (!published.ok && published.error.code === 'revision-conflict')
      throw new CommandError(`${file}: ${published.error.message}`);
    if (!published.ok) {
      const lines = (published.error.issues ?? []).map((i) => `  ${i.path || '(config)'}: ${i.message}`);
      throw new CommandError(
        `${file}: invalid site config\n${lines.length ? lines.join('\n') : `  ${published.error.message}`}`,
      );
    }
    const { site, appended, check } = published.value;
    const notices = appended.length
      ? `${appended.length} notice(s) appended (${appended.map((n) => n.language).join(', ')})`
      : 'notices unchanged';
    const given = (json as { revision?: unknown }).revision;
    const raised = given !== site.config.revision ? ` (raised from ${given} by --bump)` : '';
    console.log(
      `${site.site}: revision ${site.config.revision}${raised} stored, ${notices}; ${OUTCOMES[check.outcome]}`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

async function list(args: string[]): Promise<number> {
  const { values } = parse(args, { data: { type: 'string' }, all: { type: 'boolean' } });
  const store = ledgerBackend(values.data ?? './data').openStore();
  try {
    const sizes = new Map((await store.listLogs()).map((l) => [l.site, l]));
    for (const s of await store.listSites({ includeDeleted: values.all ?? false })) {
      const log = sizes.get(s.site);
      const state = s.deletedAt ? `  deleted ${s.deletedAt}` : '';
      console.log(
        `${s.site}\trevision ${s.config.revision}\t${s.config.languages.join(',')}\t${log?.size ?? 0} entries (${log?.treeSize ?? 0} integrated)\t${s.config.origins.join(' ')}${state}`,
      );
    }
    return 0;
  } finally {
    await store.close();
  }
}
