import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearCookies, cookieDomains, cookiePaths } from './cookies';

type HappyWindow = { happyDOM: { setURL(url: string): void } };

describe('cookie clean-up', () => {
  beforeEach(() => (window as unknown as HappyWindow).happyDOM.setURL('https://www.clickcare.be/fr/praticiens/agenda'));
  afterEach(() => {
    for (const c of document.cookie.split(';')) if (c.trim()) clearCookies([c.split('=')[0].trim()]);
  });

  it('lists the host and every parent domain, and every path prefix', () => {
    expect(cookieDomains('www.clickcare.be')).toEqual(['', '; domain=.www.clickcare.be', '; domain=.clickcare.be']);
    expect(cookieDomains('localhost')).toEqual(['']);
    expect(cookiePaths('/fr/praticiens')).toEqual(['/', '/fr', '/fr/', '/fr/praticiens', '/fr/praticiens/']);
  });

  it('deletes matching cookies on every domain and path, and keeps the others', () => {
    document.cookie = '_ga=GA1.1; path=/';
    document.cookie = '_ga_ABC123=GS1.1; path=/; domain=.clickcare.be';
    document.cookie = '_ga_XYZ=GS1.2; path=/fr/praticiens';
    document.cookie = 'cc_session=keep; path=/';
    expect(document.cookie).toContain('_ga_XYZ');
    const deleted = clearCookies(['_ga', '_ga_*']);
    expect(deleted.sort()).toEqual(['_ga', '_ga_ABC123', '_ga_XYZ']);
    expect(document.cookie).toBe('cc_session=keep');
  });
});
