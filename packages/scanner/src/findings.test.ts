import { describe, expect, it } from 'vitest';
import { failing, findings } from './findings';
import type { SeenRequest } from './report';
import { emptyPass, HOME, page, seenCookie, testConfig } from './test-data';

const config = testConfig();
const cookie = seenCookie;
const request = (host: string, more: Partial<SeenRequest> = {}): SeenRequest => ({
  host,
  url: `https://${host}/x.js`,
  type: 'script',
  count: 1,
  ...more,
});
const stats = { service: 'stats', purpose: 'analytics' };

describe('findings', () => {
  it('finds what is not necessary before consent and after a refusal, and nothing necessary', () => {
    const first = emptyPass();
    first.cookies = [cookie('SESSID', { service: 'session', purpose: 'necessary' }), cookie('_st', stats)];
    first.requests = [request('stats.example', stats)];
    first.storage = [
      {
        kind: 'localStorage',
        origin: HOME.slice(0, -1),
        name: 'consent-ledger:decision:praticien',
        party: 'first',
        service: 'consent-ledger',
        purpose: 'necessary',
      },
    ];
    const reject = emptyPass('banner');
    reject.cookies = [cookie('_st', stats)];
    const all = findings([page(HOME, { 'first-visit': first, 'after-reject': reject })], config);
    expect(all.filter((f) => f.kind !== 'declared-unused')).toEqual([
      { kind: 'before-consent', page: HOME, phase: 'first-visit', cookie: '_st', ...stats },
      {
        kind: 'before-consent',
        page: HOME,
        phase: 'first-visit',
        host: 'stats.example',
        url: 'https://stats.example/x.js',
        ...stats,
      },
      { kind: 'after-reject', page: HOME, phase: 'after-reject', cookie: '_st', ...stats },
    ]);
  });

  it('counts what no service declares as not necessary, and reports it undeclared once per page', () => {
    const first = emptyPass();
    first.cookies = [cookie('_mystery')];
    first.requests = [
      request('cdn.unknown.example'),
      request('cdn.unknown.example', { url: 'https://cdn.unknown.example/y.js' }),
    ];
    const accept = emptyPass('banner');
    accept.cookies = [cookie('_mystery')];
    accept.requests = [request('cdn.unknown.example')];
    const all = findings([page(HOME, { 'first-visit': first, 'after-accept': accept })], config);
    expect(all.filter((f) => f.kind !== 'declared-unused')).toEqual([
      { kind: 'before-consent', page: HOME, phase: 'first-visit', cookie: '_mystery' },
      {
        kind: 'before-consent',
        page: HOME,
        phase: 'first-visit',
        host: 'cdn.unknown.example',
        url: 'https://cdn.unknown.example/x.js',
      },
      {
        kind: 'undeclared-host',
        page: HOME,
        phase: 'first-visit',
        host: 'cdn.unknown.example',
        url: 'https://cdn.unknown.example/x.js',
      },
      { kind: 'undeclared-cookie', page: HOME, phase: 'first-visit', cookie: '_mystery' },
    ]);
  });

  it('lists declared services seen nowhere after accept-all, only for a complete scan', () => {
    const accept = emptyPass('banner');
    accept.cookies = [cookie('_st_x', stats), cookie('SESSID', { service: 'session', purpose: 'necessary' })];
    accept.frames = [
      { url: 'https://maps.example/embed', party: 'third', gatedBy: 'maps', service: 'maps', purpose: 'maps' },
    ];
    const pages = [page(HOME, { 'after-accept': accept })];
    expect(findings(pages, config)).toEqual([
      { kind: 'declared-unused', page: null, phase: 'after-accept', service: 'pixel', purpose: 'marketing' },
    ]);
    expect(findings(pages, config, false)).toEqual([]);
  });

  it('draws no consent finding from a pass whose choice could not be made', () => {
    const reject = emptyPass('unavailable');
    reject.cookies = [cookie('_st', stats)];
    const all = findings([page(HOME, { 'after-reject': reject })], config, false);
    expect(all).toEqual([]);
  });

  it('sorts by kind, page in crawl order, phase, subject; fails only on the kinds asked', () => {
    const second = 'https://www.praticien.example/b';
    const withCookies = (...names: string[]) => {
      const pass = emptyPass();
      pass.cookies = names.map((n) => cookie(n, stats));
      return pass;
    };
    const all = findings(
      [
        page(second, { 'first-visit': withCookies('_st_b', '_st_a') }),
        page(HOME, { 'after-reject': withCookies('_st') }),
      ],
      config,
      false,
    );
    expect(all.map((f) => `${f.kind} ${f.page} ${f.cookie}`)).toEqual([
      `before-consent ${second} _st_a`,
      `before-consent ${second} _st_b`,
      `after-reject ${HOME} _st`,
    ]);
    expect(failing(all, ['after-reject'])).toHaveLength(1);
    expect(failing(all, [])).toHaveLength(0);
  });
});
