// Publishing a site config: validate it, sign one notice per language (the exact text a visitor
// reads) and store config and new notices together.
import {
  base64urlEncode,
  leafHash,
  NOTICE_TYP,
  noticeBytes,
  noticeHash,
  type Result,
  resolveNotice,
  signJws,
  validateSiteConfig,
} from '@consent-ledger/protocol';
import type { CollectorKey } from './keys';
import type { LedgerStore, NoticeInput, NoticeRecord, SiteRecord } from './store/types';

/** What publishing stored: the site and the notices newly appended to its log. */
export interface Published {
  site: SiteRecord;
  appended: NoticeRecord[];
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

/** Validates and stores a site config, appending its notices unless identical ones are in the log; `invalid-config` with every issue otherwise. */
export async function publishSite(
  store: LedgerStore,
  key: CollectorKey,
  input: unknown,
  at: string,
): Promise<Result<Published, 'invalid-config'>> {
  const valid = validateSiteConfig(input);
  if (!valid.ok) return { ok: false, error: { ...valid.error, code: 'invalid-config' } };
  const notices = await signNotices(valid.value, key);
  return { ok: true, value: await store.putSite(valid.value, notices, at) };
}
