import type { BuiltinPurpose } from './ids';

// The keys of every text the banner, the dialog, placeholders and the history view display.
// Placeholders in braces: {site} is replaced by the site's name when the notice is resolved (the name
// is part of what the visitor read, so it belongs in the hashed notice); {provider}, {service},
// {purpose} and {country} are filled in by the UI, which knows which service or purpose it shows.
// A new key is written in all 24 catalogs (catalogs/*.ts, each in its own register: see its header
// comment), or catalogs.test.ts fails; then re-pin the europraxis hashes in notice.test.ts.
export const TEXT_KEYS = [
  'banner.label', // accessible name of the banner region
  'banner.title',
  'banner.text', // mentions {site}
  'banner.policy', // link text to the privacy policy
  'banner.acceptAll',
  'banner.rejectAll',
  'banner.customize',
  'banner.close', // accessible name of the close button: continue without accepting
  'dialog.title',
  'dialog.intro',
  'dialog.save',
  'dialog.acceptAll',
  'dialog.rejectAll',
  'dialog.close',
  'dialog.alwaysOn', // label of the necessary purpose's fixed switch
  'dialog.services', // heading of a purpose's service list
  'dialog.gpc', // explains that the browser's Global Privacy Control signal turned marketing off
  'dialog.history', // button opening the history view
  'service.provider',
  'service.transfer', // label
  'service.transferEu', // value when the data stays in the EU
  'service.transferOutside', // value when it leaves the EU: {country}
  'service.cookies',
  'service.noCookies',
  'service.retention',
  'service.privacy', // link text to the service's privacy policy
  'service.hosts', // label of the list of hosts the service loads from
  'placeholder.text', // {service} {provider} {purpose} (the purpose's title)
  'placeholder.loadOnce',
  'placeholder.alwaysAllow', // {purpose} (its title)
  'history.title',
  'history.empty',
  'history.date',
  'history.method',
  'history.choices',
  'history.status',
  'history.acknowledged',
  'history.pending',
  'history.refused',
  'history.download',
  'history.subject', // label of the visitor's pseudonymous id
  'history.back', // leaves the history view for the preferences
  'method.accept-all',
  'method.reject-all',
  'method.save',
  'method.embed', // a purpose always allowed from a placeholder
  'method.embed-once', // one embed shown this time from its placeholder
  'method.withdraw',
  'method.gpc',
  'method.in-context', // answered in the in-context prompt a page opened with ask(purpose)
  'state.granted',
  'state.denied',
  'withdraw.button', // "Withdraw my consent" (all purposes)
  'withdraw.confirm', // announced after a withdrawal: {purpose} (its title)
  'erase.button', // "Erase my data": the history view's erasure of this device's receipts, and its confirmation
  'erase.confirm', // the question asked before erasing (what stays, that the visitor is asked again)
  'erase.cancel',
  'erase.failed', // said when the collector could not erase
  'history.erased', // a receipt's status once erased (redacted in the log, its hash kept)
  'ask.text', // the in-context prompt (ask()): below the purpose's title and the page's reason, above its services
  'ask.allow', // its two answers, of equal weight
  'ask.decline', // "Not now": nothing loads, and this page view does not ask again
  'reopen.label', // the re-open button's accessible name
  'announce.saved', // announced to screen readers after a decision
] as const;
export type TextKey = (typeof TEXT_KEYS)[number];

/** One language's default texts: every key, plus each built-in purpose's title and description. */
export interface Catalog {
  texts: Record<TextKey, string>;
  purposes: Record<BuiltinPurpose, { title: string; description: string }>;
}
