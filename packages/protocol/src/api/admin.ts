// The admin routes' shapes (`/v1/admin/...`, admin token): list, publish, read and delete site
// configs and see their published revisions; issue, list and revoke API tokens.
import * as v from 'valibot';
import { SITE_ID } from '../ids';
import { HistoryNoticeSchema } from './audit';
import { ALL_SITES, MAX_TOKEN_SITES, TOKEN_ROLES } from './constants';
import { B64U, COUNT, SITE, SiteConfigSchema, TIMESTAMP } from './documents';

/** A stored site config; a deleted site keeps its log readable but refuses new receipts. */
export const SiteRecordSchema = v.object({
  site: SITE,
  config: SiteConfigSchema,
  createdAt: TIMESTAMP,
  updatedAt: TIMESTAMP,
  deletedAt: v.nullable(TIMESTAMP),
});

/** A notice a publication appended to the site's log (one per language whose text is new). */
export const AppendedNoticeSchema = v.object({
  index: COUNT,
  textHash: B64U,
  revision: v.number(),
  language: v.string(),
});

/** `PUT /v1/admin/sites/:site`: 201 for a new site, 200 for an update. */
export const PublishAnswerSchema = v.object({ site: SiteRecordSchema, appended: v.array(AppendedNoticeSchema) });

/** `GET /v1/admin/sites/:site`. */
export const SiteAnswerSchema = v.object({ site: SiteRecordSchema });

/** `DELETE /v1/admin/sites/:site`. */
export const SiteDeletedAnswerSchema = v.object({ site: SITE, deletedAt: TIMESTAMP });

/** A site as the console lists it: what it asks and how much it is used. */
export const AdminSiteSchema = v.object({
  site: SITE,
  name: v.string(),
  revision: v.number(),
  languages: v.array(v.string()),
  purposes: v.pipe(v.array(v.string()), v.description('Asked purpose ids, in config order')),
  purposeTitles: v.pipe(
    v.record(v.string(), v.string()),
    v.description("Each custom purpose's title in the site's first language (built-in ones are the catalogs')"),
  ),
  services: v.pipe(v.array(v.string()), v.description('Service names, in config order')),
  publishedAt: v.pipe(TIMESTAMP, v.description('When the config was last published')),
  deletedAt: v.nullable(TIMESTAMP),
  receipts30Days: v.pipe(COUNT, v.description('Receipts received in the last 30 days (unredacted)')),
});

/** `GET /v1/admin/sites`: the sites the admin token covers, in id order, deleted ones included. */
export const AdminSitesAnswerSchema = v.object({ sites: v.array(AdminSiteSchema) });

/** One published revision: the notices it appended to the log, per language, as they were logged. */
export const SiteRevisionSchema = v.object({
  revision: v.number(),
  /** When its first notice was logged. */
  publishedAt: TIMESTAMP,
  notices: v.array(HistoryNoticeSchema),
});

/** `GET /v1/admin/sites/:site/revisions`: newest first. */
export const SiteRevisionsAnswerSchema = v.object({ site: SITE, revisions: v.array(SiteRevisionSchema) });

/** `POST /v1/admin/tokens`: every site must be covered by the admin's own token. */
export const TokenRequestSchema = v.strictObject({
  role: v.picklist(TOKEN_ROLES),
  sites: v.pipe(
    v.array(v.union([v.literal(ALL_SITES), v.pipe(v.string(), v.regex(SITE_ID))])),
    v.minLength(1),
    v.maxLength(MAX_TOKEN_SITES),
    v.description('Site ids, or "*" for every site'),
  ),
  expiresAt: v.optional(
    v.pipe(
      v.string(),
      v.isoTimestamp(),
      v.description(
        'When the token stops working (after now, and not after the admin token’s own expiry); default: the admin token’s expiry, or never',
      ),
    ),
  ),
});

/** A token as listed: never its secret nor its hash. */
export const TokenSummarySchema = v.object({
  id: v.string(),
  role: v.picklist(TOKEN_ROLES),
  sites: v.array(v.string()),
  createdAt: TIMESTAMP,
  revokedAt: v.nullable(TIMESTAMP),
  /** Null: never expires. */
  expiresAt: v.nullable(TIMESTAMP),
});

/** 201 of `POST /v1/admin/tokens`: the secret, shown this once (only its SHA-256 is kept). */
export const TokenIssuedSchema = v.object({
  ...TokenSummarySchema.entries,
  token: v.pipe(v.string(), v.description('clt_ + 32 random bytes, base64url')),
});

/** `GET /v1/admin/tokens`: the tokens within the admin token's sites. */
export const TokenListAnswerSchema = v.object({ tokens: v.array(TokenSummarySchema) });

/** `DELETE /v1/admin/tokens/:id`. */
export const TokenRevokedAnswerSchema = v.object({ id: v.string(), revoked: v.literal(true) });

export type SiteRecord = v.InferOutput<typeof SiteRecordSchema>;
export type AdminSite = v.InferOutput<typeof AdminSiteSchema>;
export type AdminSitesAnswer = v.InferOutput<typeof AdminSitesAnswerSchema>;
export type SiteRevision = v.InferOutput<typeof SiteRevisionSchema>;
export type SiteRevisionsAnswer = v.InferOutput<typeof SiteRevisionsAnswerSchema>;
export type AppendedNotice = v.InferOutput<typeof AppendedNoticeSchema>;
export type PublishAnswer = v.InferOutput<typeof PublishAnswerSchema>;
export type SiteAnswer = v.InferOutput<typeof SiteAnswerSchema>;
export type SiteDeletedAnswer = v.InferOutput<typeof SiteDeletedAnswerSchema>;
export type TokenRequest = v.InferInput<typeof TokenRequestSchema>;
export type TokenSummary = v.InferOutput<typeof TokenSummarySchema>;
export type TokenIssued = v.InferOutput<typeof TokenIssuedSchema>;
export type TokenListAnswer = v.InferOutput<typeof TokenListAnswerSchema>;
export type TokenRevokedAnswer = v.InferOutput<typeof TokenRevokedAnswerSchema>;
