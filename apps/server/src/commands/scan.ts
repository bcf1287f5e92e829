// `consent-ledger scan <url>`: proves in the system Chromium that a site keeps the promises of its
// config (see @consent-ledger/scanner). Exit 0 when no finding of the `--fail-on` kinds, 1 when
// some, 2 on a usage error or bad input (unreachable site, unknown site, invalid config, no browser,
// Ctrl-C), in which case whatever was gathered is still written.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SITE_ID } from '@consent-ledger/protocol';
import {
  DEFAULT_FAIL_ON,
  declaration,
  declarationHtml,
  declarationMarkdown,
  FINDING_KINDS,
  type FindingKind,
  failing,
  htmlReport,
  isReportLanguage,
  REPORT_LANGUAGES,
  type ReportLanguage,
  type ScanResult,
  scanSite,
  summary,
} from '@consent-ledger/scanner';
import { integerFlag, parse, UsageError } from '../args';

export const SCAN_USAGE = `consent-ledger scan <url> [--site SITE] [--collector URL | --config FILE] [--pages 10] [--depth 2]
                    [--json FILE] [--html FILE] [--declaration FILE(.html|.md)] [--fail-on ${DEFAULT_FAIL_ON.join(',')}]
                    [--lang ${REPORT_LANGUAGES.join('|')}] [--timeout 20]   (Chromium: CHROMIUM_PATH or the system one)`;

function httpUrl(value: string, flag: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${flag} must be an http or https URL, not "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`${flag} must be an http or https URL, not "${value}"`);
  return url.href;
}

function failOnFlag(value: string | undefined): FindingKind[] {
  if (value === undefined) return [...DEFAULT_FAIL_ON];
  if (value === 'none') return [];
  const kinds = value.split(',').map((k) => k.trim());
  const unknown = kinds.filter((k) => !(FINDING_KINDS as readonly string[]).includes(k));
  if (unknown.length > 0)
    throw new UsageError(`--fail-on: unknown kind "${unknown[0]}" (kinds: ${FINDING_KINDS.join(', ')}, or none)`);
  return kinds as FindingKind[];
}

function langFlag(value: string | undefined): ReportLanguage | undefined {
  if (value === undefined || isReportLanguage(value)) return value;
  throw new UsageError(`--lang: reports are written in ${REPORT_LANGUAGES.join(', ')}, not "${value}"`);
}

/** An output file that cannot be written (a missing permission, a folder in the way). */
class WriteError extends Error {}

async function write(path: string, content: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  } catch (error) {
    throw new WriteError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
}

/** Writes the files asked for; the declaration and the report's words need the config. */
async function writeOutputs(
  result: ScanResult,
  files: { json?: string; html?: string; declaration?: string },
  lang: ReportLanguage | undefined,
): Promise<void> {
  const { report, config, screenshots } = result;
  const siteLang = config && isReportLanguage(config.languages[0]) ? config.languages[0] : 'en';
  const language = lang ?? (siteLang as ReportLanguage);
  if (files.json) await write(files.json, `${JSON.stringify(report, null, 2)}\n`);
  if (files.html) await write(files.html, htmlReport(report, config, screenshots, language));
  if (files.declaration) {
    if (!config)
      console.error(`consent-ledger: scan: no config known, so no declaration written to ${files.declaration}`);
    else {
      const d = declaration(report, config, language);
      await write(files.declaration, files.declaration.endsWith('.md') ? declarationMarkdown(d) : declarationHtml(d));
    }
  }
}

/** Runs `scan`; resolves with the exit code. */
export async function scanCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    site: { type: 'string' },
    collector: { type: 'string' },
    config: { type: 'string' },
    pages: { type: 'string' },
    depth: { type: 'string' },
    json: { type: 'string' },
    html: { type: 'string' },
    declaration: { type: 'string' },
    'fail-on': { type: 'string' },
    lang: { type: 'string' },
    timeout: { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('scan takes one URL to start from');
  const url = httpUrl(positionals[0], 'the URL');
  const collector = values.collector === undefined ? undefined : httpUrl(values.collector, '--collector');
  const pages = integerFlag(values.pages, 'pages', 10, 1, 1000);
  const depth = integerFlag(values.depth, 'depth', 2, 0, 20);
  const timeoutMs = integerFlag(values.timeout, 'timeout', 20, 1, 600) * 1000;
  const failOn = failOnFlag(values['fail-on']);
  const lang = langFlag(values.lang);
  if (values.site !== undefined && !SITE_ID.test(values.site))
    throw new UsageError(`--site: "${values.site}" is not a site id (2 to 64 of a-z, 0-9, -)`);

  const controller = new AbortController();
  const interrupt = (signal: NodeJS.Signals) => {
    console.error(`consent-ledger: scan: ${signal}: closing the browser, writing what was gathered`);
    controller.abort();
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    const result = await scanSite({
      url,
      configFile: values.config,
      collector,
      site: values.site,
      pages,
      depth,
      timeoutMs,
      signal: controller.signal,
      onProgress: (line) => console.error(line),
      screenshots: values.html !== undefined,
    });
    const { report } = result;
    console.log(summary(report, failOn).join('\n'));
    try {
      await writeOutputs(result, values, lang);
    } catch (error) {
      if (!(error instanceof WriteError)) throw error;
      console.error(`consent-ledger: scan: ${error.message}`);
      return 2;
    }
    if (report.error) {
      console.error(`consent-ledger: scan: ${report.error.message}`);
      return 2;
    }
    return failing(report.findings, failOn).length > 0 ? 1 : 0;
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}
