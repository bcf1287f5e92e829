// `serve --demo`: the demo pages' script asks for the site "demo", and without it their banner would
// answer 404 unknown-site. When the ledger has no such site, serve publishes the demo package's own
// config (apps/demo/site.json, which fixtures/sites/demo.json repeats for the tests and benches),
// made to record from where this server serves the pages: whatever the port or public URL, the
// pages' receipts come from one of its origins.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Collector } from '@consent-ledger/collector';
import { CommandError } from './args';
import { packageDir } from './assets';

/** The demo package's site config file. */
export function demoSiteFile(): string {
  return join(packageDir('@consent-ledger/demo'), 'site.json');
}

/**
 * The demo config served from `visitorUrls` (where visitors reach this server): its origins are
 * theirs, and its privacy policy is the demo's own page under the first one.
 */
export function demoSiteConfig(file: string, visitorUrls: string[]): Record<string, unknown> {
  const config = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const base = visitorUrls[0].endsWith('/') ? visitorUrls[0] : `${visitorUrls[0]}/`;
  const policyPath = new URL(String(config.policyUrl)).pathname.slice(1);
  return {
    ...config,
    origins: [...new Set(visitorUrls.map((url) => new URL(url).origin))],
    policyUrl: new URL(policyPath, base).href,
  };
}

/**
 * Publishes the demo site when the ledger has none (a site "demo" published otherwise stays), and
 * says what the operator must know: that it did, or that the one kept records from other origins.
 */
export async function publishDemoSite(
  collector: Collector,
  visitorUrls: string[],
  source?: string,
): Promise<{ log: string } | { warn: string } | null> {
  const origins = visitorUrls.map((url) => new URL(url).origin);
  const kept = await collector.context.store.getSite('demo');
  // Kept as it is: a site published for another port (or by the console) is the operator's.
  if (kept)
    return kept.config.origins.some((origin) => origins.includes(origin))
      ? null
      : {
          warn: `demo: the site "demo" of this ledger records from ${kept.config.origins.join(', ')}, not from here: the demo pages served here cannot record choices (serve on that address, use another --data, or publish "demo" with these origins)`,
        };
  // Found only when needed: a server given its own demo site (a bench, a test) need not have the package.
  const file = source ?? demoSiteFile();
  const published = await collector.publishSite(demoSiteConfig(file, visitorUrls));
  if (!published.ok) throw new CommandError(`${file}: ${published.error.message}`);
  return { log: `demo: published the demo pages' site "demo" (origins ${origins.join(', ')})` };
}
