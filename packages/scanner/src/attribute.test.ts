import { describe, expect, it } from 'vitest';
import { attributor, CONSENT_LEDGER } from './attribute';
import { testConfig } from './test-data';

const collector = 'https://consent.example.org';
// The pixel's `*.ads.example` is issue 16's syntax, which the validator does not take yet.
const wildcard = testConfig();
wildcard.services.find((s) => s.id === 'pixel')!.hosts = ['*.ads.example'];
const attr = attributor(wildcard, new Set([collector]));
const url = (href: string) => new URL(href);

describe('attributor', () => {
  it('attributes cookies by name pattern, necessary services included', () => {
    expect(attr.cookie('_st_abc', 'www.praticien.example')).toEqual({ service: 'stats', purpose: 'analytics' });
    expect(attr.cookie('SESSID', 'www.praticien.example')).toEqual({ service: 'session', purpose: 'necessary' });
    expect(attr.cookie('_unknown', 'www.praticien.example')).toEqual({});
  });

  it("attributes the SDK's own cl_consent cookie to Consent Ledger, necessary", () => {
    expect(attr.cookie('cl_consent', 'www.praticien.example')).toEqual({
      service: 'consent-ledger',
      purpose: 'necessary',
    });
    expect(attributor(null, new Set()).cookie('cl_consent', 'example.org').purpose).toBe('necessary');
  });

  it('gives a cookie several services declare to the one whose hosts cover its domain', () => {
    const config = testConfig();
    config.services.find((s) => s.id === 'maps')!.cookies = ['_st'];
    const both = attributor(config, new Set());
    expect(both.cookie('_st', 'www.praticien.example').service).toBe('stats');
    expect(both.cookie('_st', '.maps.example').service).toBe('maps');
  });

  it("keeps Consent Ledger's own storage and collector routes necessary, not the collector's other pages", () => {
    expect(attr.storage('consent-ledger:decision:praticien')).toEqual({
      service: CONSENT_LEDGER,
      purpose: 'necessary',
    });
    expect(attr.storage('consent-ledger')).toEqual({ service: CONSENT_LEDGER, purpose: 'necessary' });
    expect(attr.storage('consent-ledgerx')).toEqual({});
    expect(attr.request(url(`${collector}/v1/sites/praticien/consent.js?lang=fr`)).service).toBe(CONSENT_LEDGER);
    expect(attr.request(url(`${collector}/consent.0123456789ab.js`)).service).toBe(CONSENT_LEDGER);
    expect(attr.request(url(`${collector}/consent-views.0123456789ab.js`)).service).toBe(CONSENT_LEDGER);
    expect(attr.request(url(`${collector}/consent.css`)).service).toBe(CONSENT_LEDGER);
    expect(attr.request(url(`${collector}/vendor/maps.html`))).toEqual({});
  });

  it('attributes requests by declared host: subdomains, *. wildcards, never the apex of a wildcard', () => {
    expect(attr.request(url('https://stats.example/collect'))).toEqual({ service: 'stats', purpose: 'analytics' });
    expect(attr.request(url('https://eu.stats.example/collect')).service).toBe('stats');
    expect(attr.request(url('https://px.ads.example/p.gif')).service).toBe('pixel');
    expect(attr.request(url('https://ads.example/p.gif'))).toEqual({});
    expect(attr.request(url('https://evilstats.example/x'))).toEqual({});
  });

  it('prefers the most specific declared host, and an embed hint among equals', () => {
    const config = testConfig();
    config.services.find((s) => s.id === 'maps')!.hosts = ['example', 'cdn.shared.example'];
    config.services.find((s) => s.id === 'stats')!.hosts = ['cdn.shared.example'];
    const a = attributor(config, new Set());
    expect(a.request(url('https://stats.example/')).service).toBe('maps'); // only "example" covers it
    expect(a.request(url('https://cdn.shared.example/x')).service).toBe('stats'); // config order among equals
    expect(a.request(url('https://cdn.shared.example/x'), 'maps').service).toBe('maps');
  });

  it('attributes nothing but Consent Ledger without a config', () => {
    const none = attributor(null, new Set([collector]));
    expect(none.cookie('_st', 'x')).toEqual({});
    expect(none.request(url(`${collector}/v1/receipts`)).service).toBe(CONSENT_LEDGER);
  });
});
