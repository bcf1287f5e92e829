// Identifiers every part checks, kept apart from config.ts (the site config's validator, which needs
// the 24 catalogs): a bundle that checks a site id or names a built-in purpose (the auditor UI's first
// load, receipts) then carries neither the validator nor the catalogs.

/** The purposes every site has, whose texts the catalogs give; `necessary` is always granted. */
export const BUILTIN_PURPOSES = ['necessary', 'analytics', 'marketing', 'maps', 'audiovideo'] as const;
export type BuiltinPurpose = (typeof BUILTIN_PURPOSES)[number];

/** A site's id: in its script tag, its log's origin and every receipt. */
export const SITE_ID = /^[a-z0-9-]{2,64}$/;
