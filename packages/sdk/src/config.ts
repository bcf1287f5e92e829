// The config part of the runtime: which config document a page starts from, and how it is kept fresh.
// A returning visitor never waits for the network: the document known at once (inline, embedded by the
// per-site script, or cached in IndexedDB) applies first and the collector's is asked for behind it.
import { logProblem } from './core/log';
import { type Kv, keyOf } from './store/idb';
import type { ConfigDocument, ConsentOptions } from './types';

/** A config document with the collector's ETag for it, as cached in IndexedDB. */
export interface CachedConfig {
  doc: ConfigDocument;
  etag: string | null;
}

/** Where the runtime finds the config: the site, its collector, and what the page brought with it. */
type Source = Pick<ConsentOptions, 'site' | 'collector' | 'lang' | 'config' | 'configEtag'>;

/**
 * Keeps the page's config fresh. An inline document is the page's own and used as is; an embedded
 * one (with its ETag) or a cached one is revalidated in the background; with none known, the page
 * waits for the collector's. The collector gets the visitor's first language (then tries the
 * browser's Accept-Language); a changed document is cached and handed to `apply`.
 */
export async function followConfig(
  { site, collector, lang, config, configEtag }: Source,
  kv: Kv,
  cached: CachedConfig | undefined,
  apply: (doc: ConfigDocument) => void,
): Promise<void> {
  if (config && !configEtag) return;
  const known = config ? { doc: config, etag: configEtag! } : cached;
  const fresh = fetch(
    `${collector}/v1/sites/${site}/config?lang=${encodeURIComponent(lang?.[0] ?? navigator.language)}`,
    {
      headers: known?.etag ? { 'if-none-match': known.etag } : {},
    },
  )
    .then(async (res) => {
      if (res.status === 304) return;
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const next: CachedConfig = { doc: await res.json(), etag: res.headers.get('etag') };
      await kv.set(keyOf.config(site), next);
      apply(next.doc);
    })
    .catch((error) => logProblem('config', error));
  if (!known) await fresh;
}
