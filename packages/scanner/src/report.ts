// The scan report: what `consent-ledger scan --json` writes (docs/design.md, "Scan report"), and what
// the terminal summary, the HTML report and the cookie declaration are drawn from.

/** The three visits of every page, each in a fresh browser context. */
export const PASSES = ['first-visit', 'after-reject', 'after-accept'] as const;
export type PassName = (typeof PASSES)[number];

/** The finding kinds, in the order reports list them. */
export const FINDING_KINDS = [
  'before-consent',
  'after-reject',
  'undeclared-host',
  'undeclared-cookie',
  'declared-unused',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** What `--fail-on` defaults to: a tracker running without consent. */
export const DEFAULT_FAIL_ON: readonly FindingKind[] = ['before-consent', 'after-reject'];

/** Which service of the site's config (or Consent Ledger itself) something belongs to. */
export interface Attribution {
  service?: string;
  purpose?: string;
}

/** A cookie in the browser context at the end of a pass (set by the page, a script or any frame), or refused. */
export interface SeenCookie extends Attribution {
  name: string;
  domain: string;
  path: string;
  /** ISO 8601 expiry; null for a session cookie. */
  expires: string | null;
  /** First-party when the browser sends it with requests to the page's host (cookies are per host, not per port). */
  party: 'first' | 'third';
  /**
   * False for a cookie a response asked for (`Set-Cookie`) that the browser refused: Chromium blocks
   * unpartitioned third-party cookies, browsers that do not would have kept it.
   */
  stored: boolean;
  httpOnly: boolean;
  secure: boolean;
  sameSite: 'Strict' | 'Lax' | 'None';
}

/** A request to another origin than the page's own (and the site's `origins`), query left out. */
export interface SeenRequest extends Attribution {
  /** `host[:port]` as in the URL: on loopback two ports are two parties. */
  host: string;
  url: string;
  /** Playwright's resource type: document, script, image, fetch, xhr, ping, websocket… */
  type: string;
  count: number;
}

/** A localStorage / sessionStorage key or an IndexedDB database, per frame origin. */
export interface SeenStorage extends Attribution {
  kind: 'localStorage' | 'sessionStorage' | 'indexedDB';
  origin: string;
  name: string;
  party: 'first' | 'third';
}

/** A frame other than the main one (an embed), with the purpose its `data-consent` names, if any. */
export interface SeenFrame extends Attribution {
  url: string;
  party: 'first' | 'third';
  gatedBy?: string;
}

/** How the pass's decision was made: the banner's button, `window.ConsentLedger`, or not at all. */
export type Decision = 'none' | 'banner' | 'api' | 'unavailable';

export interface PassRecord {
  decision: Decision;
  /** The whole cookie jar after the pass: for the decided passes, after the decision and a reload. */
  cookies: SeenCookie[];
  /** For the decided passes, only the requests made from the decision on. */
  requests: SeenRequest[];
  storage: SeenStorage[];
  frames: SeenFrame[];
  durationMs: number;
}

export interface PageRecord {
  url: string;
  depth: number;
  /** HTTP status of the page's document. */
  status: number | null;
  title: string;
  lang: string;
  /** The Consent Ledger site whose tag the page carries, if any. */
  site: string | null;
  /** Why the page was not scanned (another site's tag, not HTML…); its passes are then empty. */
  skipped?: string;
  passes: Partial<Record<PassName, PassRecord>>;
}

export interface Finding extends Attribution {
  kind: FindingKind;
  /** The page's URL; null for site-wide findings (declared-unused). */
  page: string | null;
  phase: PassName;
  host?: string;
  url?: string;
  cookie?: string;
  storage?: string;
}

/** Why a scan stopped before its end (exit code 2): bad input, a page that failed, an interruption. */
export interface ScanFailure {
  code:
    | 'no-browser'
    | 'unreachable'
    | 'tls'
    | 'timeout'
    | 'off-origin'
    | 'not-html'
    | 'no-config'
    | 'unknown-site'
    | 'invalid-config'
    | 'interrupted'
    | 'browser-crashed';
  message: string;
}

export interface ScanReport {
  /** The site id of the config the scan compared against (null when no config could be loaded). */
  site: string | null;
  /** The URL the crawl started from. */
  url: string;
  startedAt: string;
  finishedAt: string;
  /** Where the config came from: `--config` file, or the collector URL it was fetched from. */
  config: { source: string; revision: number } | null;
  /** False when the scan stopped early (see `error`): what is here is what was gathered so far. */
  complete: boolean;
  error?: ScanFailure;
  pages: PageRecord[];
  findings: Finding[];
}
