import { describe, expect, it } from 'vitest';
import { declaration } from './declaration';
import { declarationHtml, declarationMarkdown } from './declaration-render';
import type { ScanReport } from './report';
import { emptyPass, HOME, page, seenCookie, testConfig } from './test-data';

const startedAt = '2026-03-01T10:00:00.000Z';
const inDays = (days: number) => new Date(Date.parse(startedAt) + days * 86_400_000).toISOString();

function report(): ScanReport {
  const accept = emptyPass('banner');
  accept.cookies = [
    seenCookie('_st', { expires: inDays(395), service: 'stats', purpose: 'analytics' }),
    seenCookie('SESSID', { httpOnly: true, service: 'session', purpose: 'necessary' }),
    seenCookie('<b>|x', { domain: '.tracker.example', expires: inDays(30), party: 'third', sameSite: 'None' }),
  ];
  accept.storage = [
    {
      kind: 'indexedDB',
      origin: 'https://www.praticien.example',
      name: 'consent-ledger',
      party: 'first',
      service: 'consent-ledger',
      purpose: 'necessary',
    },
  ];
  accept.requests = [
    {
      host: 'stats.example',
      url: 'https://stats.example/collect',
      type: 'ping',
      count: 2,
      service: 'stats',
      purpose: 'analytics',
    },
    { host: 'cdn.unknown.example', url: 'https://cdn.unknown.example/a.js', type: 'script', count: 1 },
  ];
  // The same cookie seen on another page with a shorter life: the longest one is declared.
  const other = emptyPass('banner');
  other.cookies = [{ ...accept.cookies[0], expires: inDays(10) }];
  return {
    site: 'praticien',
    url: HOME,
    startedAt,
    finishedAt: startedAt,
    config: { source: 'config.json', revision: 2 },
    complete: true,
    pages: [page(HOME, { 'after-accept': accept }), page(`${HOME}b`, { 'after-accept': other })],
    findings: [],
  };
}

describe('cookie declaration', () => {
  it('lists every purpose and service, the cookies seen with their longest duration, and what nobody declares', () => {
    const d = declaration(report(), testConfig(), 'fr');
    expect(d.purposes.map((p) => p.id)).toEqual(['necessary', 'analytics', 'marketing', 'maps']);
    const [necessary, analytics] = d.purposes;
    expect(necessary.services.map((s) => s.id)).toEqual(['consent-ledger', 'session']);
    expect(necessary.services[0].items).toEqual([
      {
        name: 'consent-ledger',
        kind: 'IndexedDB',
        where: 'https://www.praticien.example',
        party: 'first',
        duration: null,
      },
    ]);
    expect(necessary.services[1].items[0]).toMatchObject({ name: 'SESSID', duration: 'fin de session' });
    const stats = analytics.services[0];
    expect(stats).toMatchObject({
      name: 'Stats',
      provider: 'Stats SAS',
      transfer: 'Union européenne',
      retention: '13 mois',
      hosts: ['stats.example'],
      unseen: ['_st_*'],
    });
    expect(stats.items).toEqual([
      { name: '_st', kind: 'cookie', where: 'www.praticien.example', party: 'first', duration: '13\u00a0mois' },
    ]);
    expect(d.purposes[2].services[0]).toMatchObject({
      id: 'pixel',
      transfer: 'États-Unis (hors Union européenne)',
      items: [],
    });
    expect(d.undeclared.items.map((i) => i.name)).toEqual(['<b>|x']);
    expect(d.undeclared.hosts).toEqual(['cdn.unknown.example']);
  });

  it('writes HTML with every name escaped, and Markdown tables a pipe cannot break', () => {
    const d = declaration(report(), testConfig(), 'en');
    const page = declarationHtml(d);
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<h1>Cookies and trackers used by Cabinet &#60;Test&#62;</h1>');
    expect(page).toContain('<code>&#60;b&#62;|x</code>');
    expect(page).not.toContain('<b>');
    expect(page).not.toMatch(/<script|src=|<link/);
    expect(page).toContain('<a href="https://ads.example/privacy">Privacy policy</a>');
    const md = declarationMarkdown(d);
    expect(md).toContain('# Cookies and trackers used by Cabinet \\<Test\\>');
    expect(md).toContain('| \\<b\\>\\|x | cookie | .tracker.example (third party) | 30 days |');
    expect(md).toContain('| \\_st | cookie | www.praticien.example (first party) | 13 months |');
    expect(md).toContain('[Privacy policy](https://ads.example/privacy)');
    for (const line of md.split('\n').filter((l) => l.startsWith('|'))) expect(line.split(/(?<!\\)\|/)).toHaveLength(6);
  });
});
