import { catalogs } from '@consent-ledger/protocol';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from './app';
import { click, flush, until } from './test-dom';
import { withdrawalStory } from './test-log';

type Story = Awaited<ReturnType<typeof withdrawalStory>>;
const TOKEN = 'clt_good';
/** A token of several sites, one of them deleted. */
const MULTI = 'clt_multi';
/** A token whose sites do not exist on the collector (yet): the UI falls back to a typed id. */
const NONE = 'clt_none';
/** A token of a role that reads no audit route (none today: the UI must still say so plainly). */
const NO_AUDIT = 'clt_no_audit';
const DEMO = { site: 'demo-site', name: 'Demo Site', languages: ['en'], deletedAt: null };
const SITES: Record<
  string,
  Array<typeof DEMO | { site: string; name: string; languages: string[]; deletedAt: string }>
> = {
  [TOKEN]: [DEMO],
  [MULTI]: [
    { site: 'closed-site', name: 'Closed', languages: ['fr'], deletedAt: '2026-11-30T00:00:00.000Z' },
    DEMO,
    { site: 'other-site', name: 'Other', languages: ['fr'], deletedAt: null },
  ],
  [NONE]: [],
};
const SIGNED_AT = 'Sat, 21 Nov 2026 10:00:01 GMT';

/** A collector double answering the routes the UI calls, from a real signed test log. */
function fakeCollector(story: Story) {
  const calls: Array<{ url: string; auth: string | null }> = [];
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetcher = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://collector.test');
    const auth = new Headers(init?.headers).get('authorization');
    calls.push({ url: url.pathname + url.search, auth });
    if (url.pathname.startsWith('/v1/audit/')) {
      const token = auth?.replace(/^Bearer /, '') ?? '';
      if (token === NO_AUDIT)
        return json({ error: { code: 'forbidden', message: 'this route needs an auditor or admin token' } }, 403);
      if (!SITES[token]) return json({ error: { code: 'unauthorized', message: 'unknown token' } }, 401);
      if (url.pathname === '/v1/audit/sites') return json({ sites: SITES[token] });
      if (!url.pathname.startsWith('/v1/audit/sites/demo-site/'))
        return json({ error: { code: 'forbidden', message: 'no' } }, 403);
    }
    if (url.pathname === '/v1/audit/sites/demo-site/receipts') {
      const rows = story.history.receipts.map((r) => ({
        ...r.payload!,
        index: r.index,
        receivedAt: r.receivedAt,
        leafHash: r.leafHash,
      }));
      const cursor = url.searchParams.get('cursor');
      const page = cursor ? rows.slice(1) : rows.slice(0, 1);
      return json({ receipts: page, nextCursor: cursor ? null : String(page[0].index) });
    }
    if (url.pathname === `/v1/audit/sites/demo-site/subjects/${story.subject}`) return json(story.history);
    if (url.pathname.startsWith('/v1/audit/sites/demo-site/subjects/'))
      return json({ error: { code: 'not-found', message: 'none' } }, 404);
    if (url.pathname === '/v1/keys') return json(story.log.keys);
    if (url.pathname === '/v1/sites/demo-site/log/checkpoint')
      return new Response(story.log.checkpoint, {
        headers: { 'content-type': 'text/plain; charset=utf-8', 'last-modified': SIGNED_AT },
      });
    if (url.pathname.startsWith('/v1/sites/demo-site/log/proof/'))
      return json(await story.log.proof(url.pathname.split('/').pop()!));
    if (url.pathname === '/v1/sites/demo-site/config')
      return json({ config: {}, language: 'en', notice: Object.values(story.history.notices)[1].notice });
    if (url.pathname === '/v1/audit/sites/demo-site/export') {
      return new Response('{"site":"demo-site"}\n{"index":0}\n{"index":1}\n', {
        headers: { 'x-tree-size': '2', 'content-disposition': 'attachment; filename="demo-site-2.ndjson"' },
      });
    }
    return json({ error: { code: 'not-found', message: url.pathname } }, 404);
  };
  return { calls, fetcher };
}

let story: Story;
let collector: ReturnType<typeof fakeCollector>;
const realFetch = globalThis.fetch;

beforeEach(async () => {
  story = await withdrawalStory();
  collector = fakeCollector(story);
  globalThis.fetch = collector.fetcher as typeof fetch;
  sessionStorage.clear();
  localStorage.clear();
  localStorage.setItem('cl-auditor:lang', JSON.stringify('en'));
  location.hash = '';
  document.body.innerHTML = '<div id="app"></div>';
});
afterEach(() => {
  render(null, document.getElementById('app')!);
  globalThis.fetch = realFetch;
  vi.restoreAllMocks();
});

async function start() {
  render(<App />, document.getElementById('app')!);
  await flush();
  return document.getElementById('app')!;
}

/** Types into a field and lets the state update land before anything reads it. */
async function type(input: Element, value: string) {
  (input as HTMLInputElement).value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await flush();
}

const submit = async (form: Element) => {
  form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  await flush();
};

/** Signs in with a token of one site: no site to pick, the site opens at once. */
async function signIn(root: HTMLElement, token = TOKEN) {
  await type(root.querySelector('#token')!, token);
  await submit(root.querySelector('form')!);
}

/** Picks a site in a `<select>` as a user would (change event). */
async function pick(select: Element, value: string) {
  (select as HTMLSelectElement).value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await flush();
}

describe('the auditor app', () => {
  it('signs in with a token it keeps in sessionStorage only and sends as a header, never in a URL', async () => {
    const root = await start();
    await signIn(root);
    await until(() => root.querySelector('nav.tabs'));
    expect(sessionStorage.getItem('cl-auditor:session')).toContain(TOKEN);
    expect(JSON.stringify(localStorage)).not.toContain(TOKEN);
    expect(location.href).not.toContain(TOKEN);
    expect(collector.calls.some((c) => c.url.includes(TOKEN))).toBe(false);
    expect(
      collector.calls.filter((c) => c.url.startsWith('/v1/audit/')).every((c) => c.auth === `Bearer ${TOKEN}`),
    ).toBe(true);
    // Public routes get no token.
    expect(collector.calls.filter((c) => !c.url.startsWith('/v1/audit/')).every((c) => c.auth === null)).toBe(true);
    expect(JSON.parse(localStorage.getItem('cl-auditor:sites')!)).toEqual(['demo-site']);
    // One site: nothing to pick, the header names it.
    expect(root.querySelector('#site')).toBeNull();
    expect((await until(() => root.querySelector('header .site-name'))).textContent).toBe('Demo Site (demo-site)');
    // The language menu is the header's only select.
    expect(root.querySelectorAll('header select').length).toBe(1);
  });

  it.each([
    ['clt_wrong', 'This token is unknown, mistyped or revoked.'],
    [NO_AUDIT, 'This token gives no access to audit data (that needs the auditor or admin role).'],
  ])('refuses %s with a plain message', async (token, message) => {
    const root = await start();
    await signIn(root, token);
    const alert = await until(() => root.querySelector('[role=alert]'));
    expect(alert.textContent).toBe(message);
    expect(sessionStorage.getItem('cl-auditor:session')).toBeNull();
    expect(root.querySelector('#site')).toBeNull();
  });

  it('offers the token’s sites in a select, the last one used first, and switches between them in the header', async () => {
    localStorage.setItem('cl-auditor:sites', JSON.stringify(['gone-site', 'demo-site']));
    const root = await start();
    await signIn(root, MULTI);
    const select = await until(() => root.querySelector<HTMLSelectElement>('select#site'));
    expect(root.querySelector('h2')!.textContent).toBe('Choose a site');
    expect(root.querySelector('label[for=site]')!.textContent).toBe('Site');
    // The step moved focus to the picker, so a keyboard user goes on from there.
    await until(() => document.activeElement === select);
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ['closed-site', 'Closed (closed-site), deleted'],
      ['demo-site', 'Demo Site (demo-site)'],
      ['other-site', 'Other (other-site)'],
    ]);
    expect(select.value).toBe('demo-site');
    await submit(root.querySelector('form')!);
    await until(() => root.querySelector('nav.tabs'));
    expect(JSON.parse(sessionStorage.getItem('cl-auditor:session')!)).toEqual({ token: MULTI, site: 'demo-site' });
    // A listed site is opened without probing it first.
    expect(
      collector.calls.some(
        (c) => c.url.startsWith('/v1/audit/sites/demo-site/receipts?') && c.url.includes('limit=1&'),
      ),
    ).toBe(false);

    const header = await until(() => root.querySelector<HTMLSelectElement>('header select#site-switch'));
    expect(header.value).toBe('demo-site');
    expect(header.options.length).toBe(3);
    await pick(header, 'other-site');
    await submit(root.querySelector('form.site-switch')!);
    expect(JSON.parse(sessionStorage.getItem('cl-auditor:session')!).site).toBe('other-site');
    expect(JSON.parse(localStorage.getItem('cl-auditor:sites')!)).toEqual(['other-site', 'demo-site', 'gone-site']);
  });

  it('goes back to the token step, focus on the token field', async () => {
    const root = await start();
    await signIn(root, MULTI);
    await until(() => root.querySelector('select#site'));
    await click([...root.querySelectorAll('button')].find((b) => b.textContent === 'Use another token')!);
    expect(root.querySelector('select#site')).toBeNull();
    await until(() => document.activeElement?.id === 'token');
  });

  it('falls back to a typed site id, checked first, when the token lists no site', async () => {
    const root = await start();
    await signIn(root, NONE);
    const input = await until(() => root.querySelector<HTMLInputElement>('input#site'));
    expect(root.querySelector('#site-hint')!.textContent).toContain('lists no site');
    expect(input.getAttribute('aria-describedby')).toBe('site-hint');
    await type(input, 'other-site');
    await submit(root.querySelector('form')!);
    const alert = await until(() => root.querySelector('[role=alert]'));
    expect(alert.textContent).toBe('This token does not give access to site “other-site”.');
    await type(input, 'demo-site');
    await submit(root.querySelector('form')!);
    await until(() => root.querySelector('nav.tabs'));
    expect(JSON.parse(sessionStorage.getItem('cl-auditor:session')!)).toEqual({ token: NONE, site: 'demo-site' });
    // The header keeps a typed switch for such a token.
    expect(await until(() => root.querySelector('form.site-switch input'))).toBeTruthy();
  });

  it('finds a subject, verifies it in the browser, and every check passes', async () => {
    const root = await start();
    await signIn(root);
    const input = await until(() => root.querySelector('#subject-id'));
    await type(input, 'not-an-id');
    root.querySelector('form.find')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await flush();
    expect(root.querySelector('#subject-error')!.textContent).toContain('43 characters');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    await type(input, story.subject);
    root.querySelector('form.find')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await until(() => root.querySelector('.history'));
    expect(location.hash).toBe(`#/subject/${story.subject}`);
    expect(root.querySelectorAll('li.receipt').length).toBe(2);
    await click([...root.querySelectorAll('button')].find((b) => b.textContent === 'Verify')!);
    const verdict = await until(() => root.querySelector('[data-verified]'));
    expect(verdict.getAttribute('data-verified')).toBe('pass');
    expect(verdict.textContent).toContain('Every check passed: 2 receipts, checkpoint of 5 entries.');
    expect(root.querySelectorAll('li.check[data-state=pass]').length).toBe(10);
  });

  it('names the visitor’s proof button exactly as the banner does, in every language', async () => {
    for (const [lang, button] of [
      ['en', catalogs.en.texts['history.download']],
      ['fr', catalogs.fr.texts['history.download']],
    ] as const) {
      localStorage.setItem('cl-auditor:lang', JSON.stringify(lang));
      render(null, document.getElementById('app')!);
      sessionStorage.clear();
      const root = await start();
      await signIn(root);
      const hint = await until(() => root.querySelector('#subject-hint'));
      expect(hint.textContent).toContain(button);
    }
  });

  it('offers both placeholder buttons and the in-context prompt in the search’s method filter', async () => {
    const root = await start();
    await signIn(root);
    await until(() => root.querySelector('nav.tabs'));
    await click([...root.querySelectorAll('nav a')].find((a) => a.textContent === 'Search')!);
    await until(() => root.querySelector('form.filters'));
    const method = [...root.querySelectorAll('form.filters label')]
      .find((l) => l.textContent!.startsWith('Method'))!
      .querySelector('select')!;
    const options = [...method.options].map((o) => [o.value, o.textContent]);
    expect(options).toContainEqual(['embed', 'Embed, “Always allow”']);
    expect(options).toContainEqual(['embed-once', 'Embed, “Show just this once”']);
    expect(options).toContainEqual(['in-context', 'In-context prompt (asked when needed)']);
  });

  it('searches page by page and opens a row’s subject', async () => {
    const root = await start();
    await signIn(root);
    await until(() => root.querySelector('nav.tabs'));
    await click([...root.querySelectorAll('nav a')].find((a) => a.textContent === 'Search')!);
    expect(document.activeElement?.id).toBe('view-title');
    await until(() => root.querySelector('table.results'));
    expect(root.querySelectorAll('table.results tbody tr').length).toBe(1);
    const [previous, next] = root.querySelectorAll('.pager button') as NodeListOf<HTMLButtonElement>;
    expect(previous.disabled).toBe(true);
    await click(next);
    await until(() => root.querySelector('table.results tbody tr[data-index="4"]'));
    expect(
      collector.calls
        .filter((c) => c.url.startsWith('/v1/audit/sites/demo-site/receipts'))
        .map((c) => new URL(c.url, 'http://x').searchParams.get('cursor')),
    ).toContain('1');
    await click(root.querySelector('table.results a.subject-link')!);
    await until(() => root.querySelector('.history'));
    expect(root.querySelector('.subject-id')!.textContent).toBe(story.subject);
  });

  it('downloads an export while counting its lines', async () => {
    // The download link is clicked for real in a browser; here, only record what it would save.
    const saved: string[] = [];
    const follow = HTMLAnchorElement.prototype.click;
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      if (this.download) saved.push(this.download);
      else follow.call(this);
    });
    const root = await start();
    await signIn(root);
    await until(() => root.querySelector('nav.tabs'));
    await click([...root.querySelectorAll('nav a')].find((a) => a.textContent === 'Export')!);
    root.querySelector('form.export')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    const done = await until(() => root.querySelector('.export-status [data-lines]'));
    expect(saved).toEqual(['demo-site-2.ndjson']);
    expect(done.getAttribute('data-lines')).toBe('3');
    expect(done.textContent).toBe('Saved demo-site-2.ndjson: 3 lines, 45 B.');
    expect(root.querySelector('.howto pre')!.textContent).toContain(
      'consent-ledger verify demo-site.ndjson --keys keys.json',
    );
  });

  it('remembers the checkpoint, then warns on every view when the log no longer extends it', async () => {
    const root = await start();
    await signIn(root);
    await until(() => root.querySelector('nav.tabs'));
    const key = await until(() => Object.keys(localStorage).find((k) => k.startsWith('cl-auditor:checkpoint:')));
    expect(JSON.parse(localStorage.getItem(key)!).size).toBe(5);
    expect(root.querySelector('[data-rewritten]')).toBeNull();
    await click([...root.querySelectorAll('nav a')].find((a) => a.textContent === 'Log health')!);
    // When the checkpoint was signed: the collector's Last-Modified.
    const signed = await until(() => root.querySelector('[data-signed-at]'));
    expect(signed.getAttribute('data-signed-at')).toBe('2026-11-21T10:00:01.000Z');
    expect(signed.closest('div')!.querySelector('dt')!.textContent).toBe('Signed at');
    localStorage.setItem(key, JSON.stringify({ ...JSON.parse(localStorage.getItem(key)!), rootHash: 'A'.repeat(43) }));
    await click([...root.querySelectorAll('nav a')].find((a) => a.textContent === 'Log health')!);
    await click([...root.querySelectorAll('button')].find((b) => b.textContent === 'Check again')!);
    const warning = await until(() => root.querySelector('[data-rewritten]'));
    expect(warning.textContent).toContain('Warning: the log was rewritten.');
    expect(root.querySelector('[data-consistency]')!.getAttribute('data-consistency')).toBe('rewritten');
  });
});
