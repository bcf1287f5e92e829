// What the hot paths need to know about sites (config, the notices in their logs, the origins
// they list), cached for a short time. Several collectors may share a store, so a cache entry is
// never trusted for long; a receipt naming a notice, or a request from an origin, that the cache
// does not know refreshes it first (at most once per MISS_REFRESH_MS).
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
/** A miss (an origin, or a site's revision or notice, the cache does not hold) reloads it if it is older than this (ms), and no more often. */
export const MISS_REFRESH_MS = 250;

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

  /**
   * True when some live site lists `origin`. A miss reloads the list once if it is older than
   * `MISS_REFRESH_MS` (another collector on the store may just have published the site), so a
   * flood of unknown origins costs the store at most one read per interval.
   */
  async anyListsOrigin(origin: string): Promise<boolean> {
    const cached = this.originList(this.options.ttlMs);
    if ((await cached.value).has(origin)) return true;
    const fresh = this.originList(MISS_REFRESH_MS);
    return fresh !== cached && (await fresh.value).has(origin);
  }

  /** Forgets cached state (after a publish in this process). */
  invalidate(site?: string): void {
    if (site === undefined) this.sites.clear();
    else this.sites.delete(site);
    this.origins = null;
  }

  /** The origins of every live site, reloaded when the cached list is older than `maxAgeMs`; concurrent callers share one load. */
  private originList(maxAgeMs: number): Cached<Set<string>> {
    const now = this.options.clock();
    if (this.origins && now - this.origins.at <= maxAgeMs) return this.origins;
    const entry = {
      at: now,
      value: this.options.store.listSites().then((sites) => new Set(sites.flatMap((s) => s.config.origins))),
    };
    this.origins = entry;
    entry.value.catch(() => {
      if (this.origins === entry) this.origins = null;
    });
    return entry;
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
