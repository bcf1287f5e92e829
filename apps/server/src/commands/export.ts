// `consent-ledger export --site S`: the site's log at its latest checkpoint, streamed to a file or
// stdout as NDJSON (verifiable offline with `consent-ledger verify`) or CSV, in constant memory.

import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { prepareCsvExport, prepareNdjsonExport } from '@consent-ledger/collector';
import { SITE_ID } from '@consent-ledger/protocol';
import { CommandError, parse, UsageError } from '../args';
import { ledgerBackend } from '../backend';
import { noteSignerName } from '../data';
import { Progress } from '../progress';

export const EXPORT_USAGE =
  'consent-ledger export --site <id> [--out FILE] [--format ndjson|csv] [--from DATE] [--to DATE] [--data DIR]';

/** A date flag as the stored timestamp form. */
function dateFlag(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00.000Z` : value);
  if (!Number.isFinite(time)) throw new UsageError(`--${name} must be a date (2026-12-01) or an ISO 8601 date-time`);
  return new Date(time).toISOString();
}

/** Counts the lines of a chunk (text or UTF-8 bytes). */
function linesIn(chunk: string | Uint8Array): number {
  let n = 0;
  if (typeof chunk === 'string') for (let i = chunk.indexOf('\n'); i >= 0; i = chunk.indexOf('\n', i + 1)) n++;
  else for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) n++;
  return n;
}

/** Runs `export`; resolves with the exit code. */
export async function exportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    site: { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    data: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError('export takes no positional argument');
  if (!values.site || !SITE_ID.test(values.site)) throw new UsageError('--site needs a site id');
  const format = values.format ?? 'ndjson';
  if (format !== 'ndjson' && format !== 'csv') throw new UsageError('--format must be ndjson or csv');
  const range = { from: dateFlag(values.from, 'from'), to: dateFlag(values.to, 'to') };
  const backend = ledgerBackend(values.data ?? './data');
  const store = backend.openStore();
  try {
    if (!(await store.getSite(values.site))) throw new CommandError(`unknown site "${values.site}"`);
    const checkpoint = await store.latestCheckpoint(values.site);
    if (!checkpoint) throw new CommandError(`the log of "${values.site}" has no checkpoint yet (is serve running?)`);
    // The embedded JWKS must carry the note key name the checkpoint was signed under.
    const name = noteSignerName(checkpoint.note) ?? 'consent-ledger';
    const prepared =
      format === 'ndjson'
        ? await prepareNdjsonExport(
            store,
            values.site,
            { keys: await backend.jwks(name), key: await backend.signingKey(name) },
            range,
          )
        : await prepareCsvExport(store, values.site, range);
    if (!prepared) throw new CommandError(`the log of "${values.site}" has no checkpoint yet`);
    const out: WriteStream | NodeJS.WriteStream = values.out ? createWriteStream(values.out) : process.stdout;
    const progress = new Progress(prepared.treeSize, 'entries');
    let lines = -1; // the header (NDJSON) or the column names (CSV)
    for await (const chunk of prepared.chunks()) {
      if (!out.write(chunk)) await once(out, 'drain');
      lines += linesIn(chunk);
      progress.update(Math.max(0, lines));
    }
    progress.finish();
    if (values.out)
      await new Promise<void>((resolve, reject) =>
        (out as WriteStream).end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
    console.error(
      `${values.site}: ${lines} entries exported at tree size ${prepared.treeSize}${values.out ? ` to ${values.out}` : ''}`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
