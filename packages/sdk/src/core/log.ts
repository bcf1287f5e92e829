// Problems the page must never see as exceptions are logged with a short code, not a sentence, to
// keep the bundle small: `store` (IndexedDB refused a write), `no-indexeddb` (choices last for this
// page view only), `config` (no config document could be had), `receipt` (a receipt could not be
// made or stored), `start` (the runtime could not start), `inline-config` (the inline config is not
// JSON), `no-site` (the script tag lacks data-site), `cookie-domain` (data-cookie-domain is not a
// domain of this page: cl_consent is kept to this host).

/** Logs a problem once, with its code and cause, in the console. */
export const logProblem = (code: string, cause?: unknown): void => console.warn('consent-ledger:', code, cause ?? '');
