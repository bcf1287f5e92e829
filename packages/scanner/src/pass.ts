// One pass over one page, in a fresh browser context (no cookies, no storage, no cache): every request
// the context sees, from the page, its frames, workers and popups, belongs to this page and this pass.
// The decided passes load the page, make the choice, then reload it (a returning visitor's view):
// the requests counted are those from the choice on; the cookie jar is read at the end, whoever set it.
import type { BrowserContext, Cookie, Page, Response } from 'playwright-core';
import type { ContextSource } from './contexts';
import { type Choice, decide } from './decide';
import { navigationError } from './errors';
import type { Decision, PassName } from './report';
import { type OfferedCookie, parseSetCookie } from './set-cookie';
import { type PageFacts, type RawFrame, type RawStorage, readFacts, readFrames, readStorage } from './snapshot';

export interface RawRequest {
  url: string;
  type: string;
}

/** What one pass saw, before it is attributed to the site's services. */
export interface RawPass {
  decision: Decision;
  cookies: Cookie[];
  /** Cookies other hosts' responses asked for (`Set-Cookie`), stored or not. */
  offeredCookies: OfferedCookie[];
  requests: RawRequest[];
  storage: RawStorage[];
  frames: RawFrame[];
  /** JPEG of the viewport at the end of the pass (the banner on a first visit); empty when not asked for. */
  screenshot: Buffer;
  durationMs: number;
  /** The document's answer: status, final URL (after redirects), content type. */
  status: number | null;
  finalUrl: string;
  contentType: string;
  /** Title, language, links and tag, read on the first visit. */
  facts?: PageFacts;
}

export interface PassOptions {
  contexts: ContextSource;
  url: string;
  timeoutMs: number;
  /** Take a JPEG of the viewport at the end (for the HTML report). */
  screenshot: boolean;
}

/** No request started or ended for this long: the page has settled. */
const QUIET_MS = 500;
/** A request open longer than this (a long poll, an event stream) no longer holds the page unsettled. */
const LONG_REQUEST_MS = 3_000;
/** The longest a page may keep the network busy before its pass moves on regardless. */
const SETTLE_CAP_MS = 10_000;

/** Records the context's requests and other hosts' `Set-Cookie` headers, and knows when its network has gone quiet. */
function trackNetwork(context: BrowserContext, page: Page, pageHost: string) {
  const requests: RawRequest[] = [];
  const offered: Array<Promise<OfferedCookie[]>> = [];
  context.on('response', (response) => {
    const url = response.url();
    if (new URL(url).host === pageHost) return;
    offered.push(
      response.headersArray().then(
        (headers) =>
          headers
            .filter((h) => h.name.toLowerCase() === 'set-cookie')
            .flatMap((h) => h.value.split('\n'))
            .map((value) => parseSetCookie(value, url))
            .filter((cookie) => cookie !== null),
        () => [],
      ),
    );
  });
  const open = new Map<object, number>();
  let lastChange = Date.now();
  context.on('request', (request) => {
    open.set(request, Date.now());
    lastChange = Date.now();
    requests.push({ url: request.url(), type: request.resourceType() });
  });
  const done = (request: object) => {
    open.delete(request);
    lastChange = Date.now();
  };
  context.on('requestfinished', done);
  context.on('requestfailed', done);
  page.on('websocket', (socket) => {
    requests.push({ url: socket.url(), type: 'websocket' });
  });
  return {
    requests,
    offered: async () => (await Promise.all(offered)).flat(),
    /** Forgets the requests so far: from the decision on, only what follows it counts. */
    restart: () => {
      requests.length = 0;
    },
    async quiet(deadline: number): Promise<void> {
      while (Date.now() < deadline) {
        const now = Date.now();
        const busy = [...open.values()].some((started) => now - started < LONG_REQUEST_MS);
        if (!busy && now - lastChange >= QUIET_MS) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

/** Scrolls down a viewport at a time (lazy images and iframes load), then back to the top. */
async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    for (let y = 0, steps = 0; y < document.documentElement.scrollHeight && steps < 30; y += innerHeight, steps++) {
      scrollTo(0, y);
      await frame();
    }
    scrollTo(0, 0);
    await frame();
  });
}

/** Loads `url` (or reloads) within the timeout; a navigation error becomes a ScanError naming the page. */
async function load(page: Page, url: string, timeoutMs: number, reload: boolean): Promise<Response | null> {
  try {
    return reload
      ? await page.reload({ waitUntil: 'load', timeout: timeoutMs })
      : await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
  } catch (error) {
    throw navigationError(error, url, timeoutMs / 1000);
  }
}

/** Runs `pass` on `url` in a fresh context, closed before this resolves (or throws). */
export async function runPass(pass: PassName, options: PassOptions): Promise<RawPass> {
  const { url, timeoutMs } = options;
  const started = Date.now();
  const { context, page } = await options.contexts.take();
  try {
    page.setDefaultTimeout(timeoutMs);
    const network = trackNetwork(context, page, new URL(url).host);
    const settle = async () => {
      await scrollThrough(page).catch(() => undefined);
      await network.quiet(Date.now() + Math.min(timeoutMs, SETTLE_CAP_MS));
    };
    let response = await load(page, url, timeoutMs, false);
    const contentType = (await response?.headerValue('content-type').catch(() => null)) ?? '';
    const landed = { status: response?.status() ?? null, finalUrl: page.url(), contentType };
    // Not a page (a PDF, an image) or another origin: the caller decides; nothing more to do here.
    if (!/html/i.test(contentType) || new URL(page.url()).origin !== new URL(url).origin)
      return { ...landed, ...empty('none'), durationMs: Date.now() - started };
    let decision: Decision = 'none';
    let facts: PageFacts | undefined;
    // Embeds the choice started on the page itself: a reload may show fewer (it should not, but if the
    // site's returning-visitor path is broken, what the choice made load still happened).
    let framesOnDecision: RawFrame[] = [];
    if (pass === 'first-visit') {
      await settle();
      facts = await readFacts(page);
    } else {
      // What loads before the choice is the first visit's business: choose as soon as the page lets us.
      const choice: Choice = pass === 'after-accept' ? 'accept' : 'reject';
      decision = await decide(page, choice, timeoutMs, network.restart);
      await settle();
      if (decision !== 'unavailable') {
        framesOnDecision = await readFrames(page);
        response = await load(page, url, timeoutMs, true);
        await settle();
      }
    }
    const [cookies, offeredCookies, storage, framesNow, screenshot] = await Promise.all([
      context.cookies(),
      network.offered(),
      readStorage(page),
      readFrames(page),
      options.screenshot ? page.screenshot({ type: 'jpeg', quality: 60, animations: 'disabled' }) : Buffer.alloc(0),
    ]);
    const frames = [...new Map([...framesOnDecision, ...framesNow].map((f) => [`${f.gatedBy} ${f.url}`, f])).values()];
    return {
      ...landed,
      status: response?.status() ?? landed.status,
      decision,
      cookies,
      offeredCookies,
      requests: network.requests,
      storage,
      frames,
      screenshot,
      facts,
      durationMs: Date.now() - started,
    };
  } finally {
    await context.close().catch(() => undefined);
  }
}

function empty(decision: Decision) {
  return {
    decision,
    cookies: [],
    offeredCookies: [],
    requests: [],
    storage: [],
    frames: [],
    screenshot: Buffer.alloc(0),
  };
}
