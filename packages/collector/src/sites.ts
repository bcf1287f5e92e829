// Publishing a site config: validate it, check its revision against the published one (a changed
// text needs a higher revision, a lower one is never taken), sign one notice per language (the
// exact text a visitor reads) and store config and new notices together.
import {
  base64urlEncode,
  checkRevision,
  type Failure,
  leafHash,
  NOTICE_TYP,
  noticeBytes,
  noticeHash,
  type RevisionCheck,
  resolveNotice,
  revisionProblem,
  signJws,
  validateSiteConfig,
} from '@consent-ledger/protocol';
import type { CollectorKey } from './keys';
import type { LedgerStore, NoticeInput, NoticeRecord, SiteRecord } from './store/types';

/** What publishing stored: the site, the notices newly appended to its log, and what it means for returning visitors. */
export interface Published {
  site: SiteRecord;
  appended: NoticeRecord[];
  check: RevisionCheck;
}

/** Why a config was not published: invalid (with every issue), or a revision that breaks the rules (with the check). */
export type PublishFailure = Failure<'invalid-config'> | (Failure<'revision-conflict'> & { check: RevisionCheck });

/** The outcome of `publishSite`. */
export type PublishResult = { ok: true; value: Published } | { ok: false; error: PublishFailure };

export interface PublishOptions {
  /** Raise the revision to the lowest one the rules accept instead of refusing (`sites put --bump`). */
  bump?: boolean;
}

/** Signs the notices of every language of a (validated) config. */
export async function signNotices(
  config: Parameters<typeof resolveNotice>[0],
  key: CollectorKey,
): Promise<NoticeInput[]> {
  return Promise.all(
    config.languages.map(async (language) => {
      const notice = resolveNotice(config, language);
      const jws = await signJws({ alg: 'EdDSA', typ: NOTICE_TYP, kid: key.kid }, noticeBytes(notice), key.privateKey);
      return {
        textHash: noticeHash(notice),
        revision: config.revision,
        language,
        jws,
        leafHash: base64urlEncode(leafHash(jws)),
      };
    }),
  );
}

// Publications of one store in this process run one at a time, so two of them cannot both pass the
// revision check against the same published config.
const queues = new WeakMap<LedgerStore, Promise<unknown>>();

/** Validates a site config, checks its revision against the published one and stores it with its new notices; `invalid-config` or `revision-conflict` otherwise. */
export function publishSite(
  store: LedgerStore,
  key: CollectorKey,
  input: unknown,
  at: string,
  options: PublishOptions = {},
): Promise<PublishResult> {
  return serialized(store, () => publish(store, key, input, at, options));
}

function serialized<T>(store: LedgerStore, work: () => Promise<T>): Promise<T> {
  const run = (queues.get(store) ?? Promise.resolve()).then(work);
  queues.set(
    store,
    run.catch(() => {}),
  );
  return run;
}

async function publish(
  store: LedgerStore,
  key: CollectorKey,
  input: unknown,
  at: string,
  options: PublishOptions,
): Promise<PublishResult> {
  const valid = validateSiteConfig(input);
  if (!valid.ok) return { ok: false, error: { ...valid.error, code: 'invalid-config' } };
  let config = valid.value;
  const current = await store.getSite(config.site);
  let check = checkRevision(current?.config ?? null, config);
  if (options.bump && check.revision < check.lowest) {
    config = { ...config, revision: check.lowest };
    check = checkRevision(current?.config ?? null, config);
  }
  const problem = revisionProblem(check);
  if (problem) return { ok: false, error: { code: 'revision-conflict', message: problem, check } };
  const notices = await signNotices(config, key);
  return { ok: true, value: { ...(await store.putSite(config, notices, at)), check } };
}

/**
 * Appends, for every live site, the notices of its published config as this version's catalogs
 * word them, when the log lacks them; returns what was appended.
 */
export function logCurrentNotices(store: LedgerStore, key: CollectorKey, at: string): Promise<NoticeRecord[]> {
  return serialized(store, () => appendMissingNotices(store, key, at));
}

async function appendMissingNotices(store: LedgerStore, key: CollectorKey, at: string): Promise<NoticeRecord[]> {
  // An upgrade that changes a catalog text changes the notice a visitor is shown, hence its
  // textHash: unless that exact text is in the log, every receipt naming it would be refused.
  const appended: NoticeRecord[] = [];
  for (const { config } of await store.listSites()) {
    const notices = await signNotices(config, key);
    const logged = new Set((await store.listNotices(config.site)).map((n) => n.textHash));
    if (notices.every((n) => logged.has(n.textHash))) continue;
    appended.push(...(await store.putSite(config, notices, at)).appended);
  }
  return appended;
}
