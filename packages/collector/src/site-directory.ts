// What the hot paths need to know about sites (config, the notices in their logs, the origins
// they list), cached for a short time. Several collectors may share a store, so a cache entry is
// never trusted for long; a receipt naming a notice the cache does not know refreshes it first.
import { decodeJws, fromUtf8, type SiteConfig } from '@consent-ledger/protocol';
import type { LedgerStore } from './store/types';

/** A notice of a site's log, as ingest checks receipts against it. */
export interface KnownNotice {
  revision: number;
  language: string;
  /** Purposes the notice asks about (`necessary` excluded); null when the notice was redacted. */
  asked: string[] | null;
}

/** A live site as the collector sees it. */
export interface SiteView {
  config: SiteConfig;
  notices: Map<string, KnownNotice>;
  revisions: Set<number>;
  /** Filled by the config route: its answers by language. */
  answers: Map<string, { body: string; etag: string }>;
}

export interface SiteDirectoryOptions {
  store: LedgerStore;
  clock: () => number;
  /** How long a cached site stays valid (ms). */
  ttlMs: number;
}

interface Cached<T> {
  at: number;
  value: Promise<T>;
}

const MAX_CACHED = 10_000;

function asked(jws: string | null): string[] | null {
  if (jws === null) return null;
  const decoded = decodeJws(jws);
  if (!decoded.ok) return null;
  const notice = JSON.parse(fromUtf8(decoded.value.payload)) as { purposes: Array<{ id: string }> };
  return notice.purposes.map((p) => p.id).filter((id) => id !== 'necessary');
}

/** Short-lived cache of live sites and of the origins they list. */
export class SiteDirectory {
  private readonly sites = new Map<string, Cached<SiteView | null>>();
  private origins: Cached<Set<string>> | null = null;

  constructor(private readonly options: SiteDirectoryOptions) {}

  /** A live site (null when unknown or deleted); `maxAgeMs` asks for a fresher view than the TTL. */
  site(site: string, maxAgeMs = this.options.ttlMs): Promise<SiteView | null> {
    const now = this.options.clock();
    const cached = this.sites.get(site);
    if (cached && now - cached.at <= maxAgeMs) return cached.value;
    if (this.sites.size >= MAX_CACHED) this.sites.clear();
    const value = this.load(site);
    this.sites.set(site, { at: now, value });
    value.catch(() => this.sites.delete(site));
    return value;
  }

  /** True when some live site lists `origin`. */
  async anyListsOrigin(origin: string): Promise<boolean> {
    const now = this.options.clock();
    if (!this.origins || now - this.origins.at > this.options.ttlMs) {
      const value = this.options.store.listSites().then((sites) => new Set(sites.flatMap((s) => s.config.origins)));
      this.origins = { at: now, value };
      value.catch(() => (this.origins = null));
    }
    return (await this.origins.value).has(origin);
  }

  /** Forgets cached state (after a publish in this process). */
  invalidate(site?: string): void {
    if (site === undefined) this.sites.clear();
    else this.sites.delete(site);
    this.origins = null;
  }

  private async load(site: string): Promise<SiteView | null> {
    const record = await this.options.store.getSite(site);
    if (!record || record.deletedAt !== null) return null;
    const notices = new Map<string, KnownNotice>();
    const revisions = new Set<number>();
    for (const n of await this.options.store.listNotices(site)) {
      notices.set(n.textHash, { revision: n.revision, language: n.language, asked: asked(n.jws) });
      revisions.add(n.revision);
    }
    return { config: record.config, notices, revisions, answers: new Map() };
  }
}
