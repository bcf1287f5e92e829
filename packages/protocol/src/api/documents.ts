// The documents the API carries whole, described for /openapi.json: a site config, a notice, a
// receipt and an ack payload, the collector's keys. Each keeps its hand-written validator (path-listed
// messages, signature checks, and the browser's few bytes); these schemas only describe it, and the
// compiler checks that each describes exactly its type (`sameShape` below), so neither can drift.
import * as v from 'valibot';
import type { AckPayload } from '../ack';
import { BANNER_TEXT_KEYS, type BannerTextKey, CONFIG_DEFAULTS, type SiteConfig } from '../config';
import { SITE_ID } from '../ids';
import type { Jwks, OkpPublicJwk } from '../jwk';
import { LANGUAGES, type Language } from '../languages';
import type { Notice } from '../notice';
import { METHODS, type ReceiptPayload } from '../receipt';
import { TEXT_KEYS, type TextKey } from '../texts';

/** A hash or signature in base64url without padding. */
export const B64U = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]*$/), v.description('base64url, no padding'));
/** An ISO 8601 UTC timestamp with milliseconds, as the collector writes them. */
export const TIMESTAMP = v.pipe(v.string(), v.description('ISO 8601 UTC date-time'));
/** A site id. */
export const SITE = v.pipe(v.string(), v.regex(SITE_ID), v.description('Site id'));
/** A subject: the RFC 7638 thumbprint of a device key. */
export const SUBJECT = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9_-]{43}$/),
  v.description('Subject id: the RFC 7638 thumbprint of the device key'),
);
/** A non-negative integer (indexes, sizes, counts). */
export const COUNT = v.pipe(v.number(), v.integer(), v.minValue(0));

const LANGUAGE = v.picklist(LANGUAGES);
const CHOICE = v.picklist(['granted', 'denied']);
/** Per purpose id, granted or denied. */
export const CHOICES = v.record(v.string(), CHOICE);
/** A text given per language (any subset of the languages). */
const PER_LANGUAGE = v.object(
  Object.fromEntries(LANGUAGES.map((language) => [language, v.optional(v.string())])) as {
    [L in Language]: v.OptionalSchema<v.StringSchema<undefined>, undefined>;
  },
);

const ServiceConfigSchema = v.object({
  id: v.string(),
  name: v.string(),
  provider: v.string(),
  purpose: v.string(),
  transfer: v.pipe(v.string(), v.description('ISO 3166 alpha-2 country code, or "EU"')),
  hosts: v.optional(v.array(v.string())),
  cookies: v.optional(v.pipe(v.array(v.string()), v.description('Cookie names, or patterns with `*`'))),
  retention: v.optional(v.union([v.string(), PER_LANGUAGE])),
  safeguard: v.optional(
    v.pipe(
      v.union([v.string(), PER_LANGUAGE]),
      v.description('What protects a transfer outside the EU (standard contractual clauses, adequacy decision...)'),
    ),
  ),
  privacyUrl: v.optional(v.string()),
});

/** A site config as its owner writes it (`PUT /v1/admin/sites/:site`) and the collector stores it, defaults applied. */
export const SiteConfigSchema = v.pipe(
  v.object({
    site: SITE,
    name: v.string(),
    origins: v.pipe(v.array(v.string()), v.description('Receipts are accepted only from these origins')),
    revision: v.pipe(v.number(), v.integer(), v.minValue(1), v.description('Bump to ask every visitor again')),
    policyUrl: v.string(),
    languages: v.pipe(v.array(LANGUAGE), v.minLength(1), v.description('The first is the default')),
    expiresAfterDays: v.optional(v.pipe(v.number(), v.integer()), CONFIG_DEFAULTS.expiresAfterDays),
    purposes: v.pipe(
      v.record(v.string(), v.object({ title: v.optional(PER_LANGUAGE), description: v.optional(PER_LANGUAGE) })),
      v.description('Purposes asked (never `necessary`), with optional text overrides; custom ids allowed'),
    ),
    services: v.array(ServiceConfigSchema),
    consentMode: v.optional(v.boolean(), CONFIG_DEFAULTS.consentMode),
    honorGpc: v.optional(v.boolean(), CONFIG_DEFAULTS.honorGpc),
    retentionDays: v.optional(v.pipe(v.number(), v.integer()), CONFIG_DEFAULTS.retentionDays),
    ip: v.optional(v.picklist(['truncate', 'none', 'full']), CONFIG_DEFAULTS.ip),
    theme: v.optional(
      v.object({
        accent: v.optional(v.string()),
        background: v.optional(v.string()),
        text: v.optional(v.string()),
        radius: v.optional(v.string()),
        font: v.optional(v.string()),
        position: v.optional(v.picklist(['bottom', 'top', 'center'])),
        reopen: v.optional(v.picklist(['left', 'right'])),
      }),
    ),
    texts: v.optional(
      v.pipe(
        v.object(
          Object.fromEntries(BANNER_TEXT_KEYS.map((key) => [key, v.optional(PER_LANGUAGE)])) as {
            [K in BannerTextKey]: v.OptionalSchema<typeof PER_LANGUAGE, undefined>;
          },
        ),
        v.description("The site's own wording of the banner's title, body and three answers, per language"),
      ),
    ),
  }),
  v.description('A site configuration (docs/design.md, Site config); unknown fields are refused with their path'),
);

/** What a visitor reads: a config resolved for one language; its `textHash` is SHA-256 of its JCS. */
export const NoticeSchema = v.object({
  v: v.literal(1),
  site: v.string(),
  revision: v.number(),
  language: LANGUAGE,
  policyUrl: v.string(),
  texts: v.object(
    Object.fromEntries(TEXT_KEYS.map((key) => [key, v.string()])) as { [K in TextKey]: v.StringSchema<undefined> },
  ),
  purposes: v.array(v.object({ id: v.string(), title: v.string(), description: v.string() })),
  services: v.array(
    v.object({
      id: v.string(),
      name: v.string(),
      provider: v.string(),
      purpose: v.string(),
      transfer: v.string(),
      hosts: v.optional(v.array(v.string())),
      cookies: v.array(v.string()),
      retention: v.optional(v.string()),
      safeguard: v.optional(v.string()),
      privacyUrl: v.optional(v.string()),
    }),
  ),
});

/** The payload a visitor's device signs (ES256) for each choice and withdrawal. */
export const ReceiptPayloadSchema = v.object({
  v: v.literal(1),
  id: v.pipe(v.string(), v.description('UUIDv7')),
  site: SITE,
  subject: SUBJECT,
  issuedAt: TIMESTAMP,
  method: v.picklist(METHODS),
  choices: CHOICES,
  revision: v.number(),
  language: v.string(),
  textHash: B64U,
  page: v.string(),
  prev: v.pipe(v.nullable(B64U), v.description("The leaf hash of the subject's previous receipt")),
});

/** The payload the collector signs (EdDSA) once a receipt is committed. */
export const AckPayloadSchema = v.object({
  v: v.literal(1),
  id: v.string(),
  site: v.string(),
  subject: v.string(),
  index: COUNT,
  leafHash: B64U,
  receivedAt: TIMESTAMP,
  ip: v.nullable(v.string()),
  userAgent: v.nullable(v.string()),
});

/** A collector public key as `/v1/keys` lists it. */
export const OkpPublicJwkSchema = v.object({
  kty: v.literal('OKP'),
  crv: v.literal('Ed25519'),
  x: B64U,
  kid: v.optional(v.pipe(v.string(), v.description('RFC 7638 thumbprint'))),
  name: v.optional(v.pipe(v.string(), v.description('The signed-note key name: the collector name'))),
  vkey: v.optional(
    v.pipe(v.string(), v.description('The same key as a signed-note verifier key: name+keyid+base64(0x01 || key)')),
  ),
  alg: v.optional(v.literal('EdDSA')),
  use: v.optional(v.literal('sig')),
});

/** `GET /v1/keys`: the current signing key first, then retired ones. */
export const JwksSchema = v.object({ keys: v.array(OkpPublicJwkSchema) });

// The compiler's check that each schema describes exactly the type its validator produces.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type DocumentSchemasMatch = [
  Holds<Same<v.InferOutput<typeof SiteConfigSchema>, SiteConfig>>,
  Holds<Same<v.InferOutput<typeof NoticeSchema>, Notice>>,
  Holds<Same<v.InferOutput<typeof ReceiptPayloadSchema>, ReceiptPayload>>,
  Holds<Same<v.InferOutput<typeof AckPayloadSchema>, AckPayload>>,
  Holds<Same<v.InferOutput<typeof OkpPublicJwkSchema>, OkpPublicJwk>>,
  Holds<Same<v.InferOutput<typeof JwksSchema>, Jwks>>,
];
