// The site config a scan compares against: a `--config` file, or the collector's config answer
// (`GET <collector>/v1/sites/<site>/config`), validated by protocol's validator either way.
import { readFile } from 'node:fs/promises';
import { type ConfigAnswer, type ErrorBody, type SiteConfig, validateSiteConfig } from '@consent-ledger/protocol';
import { ScanError } from './errors';

/** A validated config and where it came from (a file path or the URL it was fetched from). */
export interface LoadedConfig {
  config: SiteConfig;
  source: string;
}

function validated(value: unknown, source: string): LoadedConfig {
  const result = validateSiteConfig(value);
  if (!result.ok) throw new ScanError('invalid-config', `${source}: ${result.error.message}`);
  return { config: result.value, source };
}

/** Reads and validates a config file. */
export async function readConfigFile(path: string): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ScanError('invalid-config', `--config ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`);
  }
  try {
    return validated(JSON.parse(text), path);
  } catch (error) {
    if (error instanceof ScanError) throw error;
    throw new ScanError('invalid-config', `${path}: not JSON (${(error as Error).message})`);
  }
}

/** Fetches `site`'s config from the collector at `collector` (a base URL) and validates it. */
export async function fetchConfig(collector: string, site: string, timeoutMs: number): Promise<LoadedConfig> {
  const url = `${collector.replace(/\/+$/, '')}/v1/sites/${encodeURIComponent(site)}/config`;
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
  } catch (error) {
    const cause = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : causeOf(error);
    throw new ScanError('unreachable', `collector ${url}: ${cause}`);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const error = (body as Partial<ErrorBody> | undefined)?.error;
    if (error?.code === 'unknown-site')
      throw new ScanError('unknown-site', `the collector at ${collector} does not know site "${site}" (${url}: 404)`);
    const said = error?.code ? ` ${error.code}: ${error.message}` : '';
    const hint = response.status === 404 && !error?.code ? ': is this a Consent Ledger collector?' : '';
    throw new ScanError('unreachable', `collector ${url}: HTTP ${response.status}${said}${hint}`);
  }
  if (body === undefined) throw new ScanError('invalid-config', `collector ${url}: the answer is not JSON`);
  // Only the config is needed; the validator, not the answer's shape, decides whether it is one.
  const config = typeof body === 'object' && body !== null ? (body as Partial<ConfigAnswer>).config : undefined;
  return validated(config, url);
}

/** The innermost cause of a fetch failure (ECONNREFUSED, ENOTFOUND, a TLS error…). */
function causeOf(error: unknown): string {
  let e = error as { cause?: unknown; code?: string; message?: string };
  while (e.cause) e = e.cause as typeof e;
  return e.code ?? e.message ?? String(error);
}
