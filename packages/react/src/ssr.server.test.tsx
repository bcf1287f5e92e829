/** @jsxImportSource react */
// Server rendering in plain Node (no window, document or IndexedDB): importing the package touches
// none of them, and the page renders what the request's cl_consent cookie grants.
import { parseConsentCookie } from '@consent-ledger/protocol';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ConsentBanner, ConsentGate, ConsentProvider, useConsent } from './index';

function Page() {
  const { state } = useConsent();
  return (
    <main data-status={state.status}>
      <ConsentBanner />
      <ConsentGate purpose="maps">
        <iframe title="map" src="https://www.google.com/maps/embed?pb=1" />
      </ConsentGate>
    </main>
  );
}

const html = (cookie: string | undefined) =>
  renderToString(
    <ConsentProvider
      site="clikodoc"
      collector="https://consent.example.org"
      initialConsent={parseConsentCookie(cookie)}
    >
      <Page />
    </ConsentProvider>,
  );

describe('server rendering', () => {
  it('runs where there is no window', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof indexedDB).toBe('undefined');
  });

  it('renders granted content for a request whose cl_consent grants its purpose', () => {
    const out = html('theme=dark; cl_consent=v1.3.analytics+maps.1764950400');
    expect(out).toContain('data-status="decided"');
    expect(out).toContain('<iframe title="map" src="https://www.google.com/maps/embed?pb=1">');
  });

  it('renders the empty placeholder instead without a cookie, or when it does not grant the purpose', () => {
    for (const cookie of [undefined, 'cl_consent=v1.3.analytics.1764950400', 'cl_consent=v9.hand-edited']) {
      const out = html(cookie);
      expect(out, cookie).not.toContain('<iframe');
      expect(out, cookie).toContain('<div class="cl-placeholder" data-consent-placeholder="maps"');
    }
  });
});
