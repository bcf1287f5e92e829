import { type ConfigAnswer, LANGUAGES, noticeHash, resolveNotice } from '@consent-ledger/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acceptedLanguages } from '../config-answer';
import { Device, testCollector } from '../testing';

type Harness = Awaited<ReturnType<typeof testCollector>>;

describe('GET /v1/sites/:site/config', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await testCollector();
  });
  afterEach(async () => {
    await h.dispose();
  });

  const get = (query = '', headers: Record<string, string> = {}) =>
    h.collector.app.request(`/v1/sites/clikodoc/config${query}`, { headers });

  it('answers the config, its notice in the site first language and the notice textHash', async () => {
    const res = await get();
    expect(res.status).toBe(200);
    const body = (await res.json()) as ConfigAnswer;
    expect(body.language).toBe('fr');
    expect(body.config).toEqual(h.config);
    expect(body.notice).toEqual(resolveNotice(h.config, 'fr'));
    expect(body.textHash).toBe(noticeHash(body.notice));
    // The notice the visitor reads is in the log, so receipts naming it are accepted.
    expect((await h.store.getEntry('clikodoc', body.textHash))?.kind).toBe('notice');
    expect(res.headers.get('cache-control')).toBe('public, no-cache');
  });

  it('negotiates lang first, then Accept-Language, then the site first language', async () => {
    const languageOf = async (query: string, headers: Record<string, string> = {}) =>
      ((await (await get(query, headers)).json()) as ConfigAnswer).language;
    expect(await languageOf('?lang=en')).toBe('en');
    expect(await languageOf('?lang=en', { 'Accept-Language': 'fr' })).toBe('en');
    expect(await languageOf('?lang=de', { 'Accept-Language': 'nl;q=0.9, en-GB;q=0.8' })).toBe('en');
    expect(await languageOf('', { 'Accept-Language': 'de-DE, en;q=0.5' })).toBe('en');
    expect(await languageOf('', { 'Accept-Language': 'de' })).toBe('fr');
    expect(await languageOf('?lang=xx')).toBe('fr');
  });

  it('revalidates with ETag and 304', async () => {
    const first = await get('?lang=en');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    const again = await get('?lang=en', { 'If-None-Match': etag! });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
    const french = await get('?lang=fr', { 'If-None-Match': etag! });
    expect(french.status).toBe(200);
    expect(french.headers.get('etag')).not.toBe(etag);
  });

  it('changes its ETag when the site publishes a new revision', async () => {
    const before = (await get()).headers.get('etag');
    const published = await h.collector.publishSite({ ...(h.config as object), revision: 2 });
    expect(published.ok).toBe(true);
    const res = await get('', { 'If-None-Match': before! });
    expect(res.status).toBe(200);
    expect(((await res.json()) as ConfigAnswer).config.revision).toBe(2);
  });

  it('answers CORS for the site origins only', async () => {
    expect((await get('', { Origin: h.origin })).headers.get('access-control-allow-origin')).toBe(h.origin);
    expect((await get('', { Origin: 'https://evil.example' })).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers 404 unknown-site', async () => {
    const res = await h.collector.app.request('/v1/sites/nowhere/config');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unknown-site');
  });
});

describe('GET /v1/sites/:site/config in each of the 24 languages (fixture europraxis)', () => {
  it('answers the notice of the browser language, whose log entry takes receipts', async () => {
    const h = await testCollector({ site: 'europraxis' });
    try {
      for (const language of LANGUAGES) {
        // A regional tag first, as browsers send it (pt-BR, ga-IE…), then English as a fallback.
        const res = await h.collector.app.request('/v1/sites/europraxis/config', {
          headers: { 'Accept-Language': `${language}-XX, en;q=0.5` },
        });
        expect(res.status).toBe(200);
        const body = (await res.json()) as ConfigAnswer;
        expect(body.language).toBe(language);
        expect(body.notice).toEqual(resolveNotice(h.config, language));
        expect(body.textHash).toBe(noticeHash(body.notice));
        const device = await Device.create(h.config);
        const posted = await h.post([(await device.receipt({ language })).jws]);
        expect(posted.status, `a receipt signed on the ${language} notice`).toBe(201);
      }
    } finally {
      await h.dispose();
    }
  });
});

describe('acceptedLanguages', () => {
  it('orders tags by weight, keeping header order for ties, dropping q=0 and *', () => {
    expect(acceptedLanguages('fr-BE, en;q=0.8, nl;q=0.9, de;q=0, *;q=0.1')).toEqual(['fr-BE', 'nl', 'en']);
    expect(acceptedLanguages(undefined)).toEqual([]);
    expect(acceptedLanguages('en;q=abc, fr')).toEqual(['fr']);
  });
});
