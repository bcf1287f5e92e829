// Test helpers shared by the collector's and the server's tests: temp SQLite stores, collector
// keys, fixture configs, and devices that sign receipt chains the way the SDK does.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createReceipt,
  generateDeviceKey,
  type KeyPair,
  type Language,
  noticeHash,
  type ReceiptInput,
  resolveNotice,
  type SiteConfig,
  type VerifiedReceipt,
  validateSiteConfig,
} from '@consent-ledger/protocol';
import { type CollectorKey, createCollectorKeyJwk, loadCollectorKey } from './keys';
import { openSqliteStore } from './store/sqlite';
import type { LedgerStore } from './store/types';

export { findPgBin, type PgCluster, type PgClusterOptions, startPgCluster } from './testing/pg-cluster';

/**
 * fixtures/sites/ of the workspace, found upwards from this file: it also runs bundled (bench/.tmp).
 * Plain paths, not URLs: under happy-dom the global URL is the page's, which node:fs does not take.
 */
const FIXTURES = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('testing: no workspace root above this file');
    dir = up;
  }
  return join(dir, 'fixtures', 'sites');
})();

/** A fixture site config (fixtures/sites/<name>.json), validated, with defaults applied. */
export function fixtureConfig(name = 'clikodoc'): SiteConfig {
  const valid = validateSiteConfig(JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')));
  if (!valid.ok) throw new Error(valid.error.message);
  return valid.value;
}

/** The raw JSON of a fixture config, as a site owner writes it. */
export function fixtureJson(name = 'clikodoc'): unknown {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8'));
}

/** A SQLite store in a fresh temp folder, removed by `dispose`. */
export function tempStore(): {
  store: LedgerStore;
  dir: string;
  file: string;
  reopen(): LedgerStore;
  dispose(): Promise<void>;
} {
  const dir = mkdtempSync(join(tmpdir(), 'collector-'));
  const file = join(dir, 'ledger.db');
  const opened: LedgerStore[] = [openSqliteStore(file)];
  return {
    store: opened[0],
    dir,
    file,
    reopen() {
      const store = openSqliteStore(file);
      opened.push(store);
      return store;
    },
    async dispose() {
      await Promise.all(opened.map((s) => s.close().catch(() => undefined)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh collector key named `name`. */
export async function testCollectorKey(name = 'collector.test'): Promise<CollectorKey> {
  return loadCollectorKey(await createCollectorKeyJwk(), name);
}

/** The textHash of a config's notice in one language. */
export function textHashOf(config: SiteConfig, language: Language = config.languages[0]): string {
  return noticeHash(resolveNotice(config, language));
}

/** A visitor's device: one key pair, and the chain of its receipts for one site. */
export class Device {
  /** Leaf hash of the last receipt made (the next one's `prev`). */
  last: string | null = null;

  private constructor(
    readonly keys: KeyPair,
    readonly config: SiteConfig,
  ) {}

  /** A device with a new P-256 key, for `config`'s site. */
  static async create(config: SiteConfig): Promise<Device> {
    return new Device(await generateDeviceKey(), config);
  }

  /** Signs the next receipt of the chain (all asked purposes, default: everything denied); advances `last`. */
  async receipt(overrides: Partial<ReceiptInput> = {}): Promise<VerifiedReceipt> {
    const language = (overrides.language ?? this.config.languages[0]) as Language;
    const choices = Object.fromEntries(Object.keys(this.config.purposes).map((p) => [p, 'denied' as const]));
    const receipt = await createReceipt(
      {
        site: this.config.site,
        method: 'reject-all',
        choices,
        revision: this.config.revision,
        language,
        textHash: textHashOf(this.config, language),
        page: `${this.config.origins[0]}/`,
        prev: this.last,
        ...overrides,
      },
      this.keys,
    );
    this.last = receipt.leafHash;
    return receipt;
  }
}

/** A collector on a temp store with a fixture site published, and a helper to post receipts. */
export async function testCollector(
  options: {
    site?: string;
    limits?: Partial<import('./context').Limits>;
    clock?: () => number;
    publicUrl?: string | string[];
    embed?: { dir: string };
  } = {},
) {
  const { createCollector } = await import('./app');
  const temp = tempStore();
  const key = await testCollectorKey();
  const collector = createCollector({
    store: temp.store,
    key,
    clock: options.clock,
    publicUrl: options.publicUrl,
    embed: options.embed,
    limits: { ratePerMinute: 0, ...options.limits },
    clientIp: (c) => c.req.header('x-test-ip') ?? '203.0.113.77',
    log: () => undefined,
  });
  const published = await collector.publishSite(fixtureJson(options.site ?? 'clikodoc'));
  if (!published.ok) throw new Error(published.error.message);
  const config = published.value.site.config;
  const origin = config.origins[0];
  /** POSTs `{ receipts }` (or a raw body) to /v1/receipts from the site's first origin. */
  const post = (receipts: unknown, headers: Record<string, string> = {}) =>
    collector.app.request('/v1/receipts', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin, ...headers },
      body: typeof receipts === 'string' ? receipts : JSON.stringify({ receipts }),
    });
  return {
    collector,
    store: temp.store,
    key,
    config,
    origin,
    post,
    temp,
    async dispose() {
      await collector.close();
      await temp.dispose();
    },
  };
}
