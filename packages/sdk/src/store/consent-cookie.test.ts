import { parseConsentCookie } from '@consent-ledger/protocol';
import { describe, expect, it, vi } from 'vitest';
import { fixtureDocument } from '../../test/collector-double';
import { freshPage } from '../../test/page';

const DAY_MS = 86_400_000;
const cookie = () => parseConsentCookie(document.cookie);
/** Every cl_consent cookie line the page writes from now on. */
function cookieWrites(): string[] {
  const lines: string[] = [];
  let proto = Object.getPrototypeOf(document);
  while (!Object.getOwnPropertyDescriptor(proto, 'cookie')) proto = Object.getPrototypeOf(proto);
  const descriptor = Object.getOwnPropertyDescriptor(proto, 'cookie')!;
  vi.spyOn(document, 'cookie', 'set').mockImplementation(function (this: Document, line: string) {
    if (line.startsWith('cl_consent=')) lines.push(line);
    descriptor.set!.call(this, line);
  });
  return lines;
}

describe('cl_consent', () => {
  it('is written after a decision: revision, granted purposes, decision time; Path=/, Lax, Secure, expiring with the decision', async () => {
    const { start, collector } = await freshPage();
    const writes = cookieWrites();
    const rt = start({ reloadOnWithdraw: false });
    await rt.ready;
    expect(cookie()).toBeNull();
    await rt.decide({ analytics: 'granted' }, 'save');
    const { revision, expiresAfterDays } = collector.doc.config;
    const decidedAt = rt.get().decidedAt!;
    expect(cookie()).toEqual({ revision, granted: ['analytics'], decidedAt: `${decidedAt.slice(0, 19)}.000Z` });
    const seconds = Math.floor(Date.parse(decidedAt) / 1000);
    const expires = new Date(Date.parse(decidedAt) + expiresAfterDays * DAY_MS).toUTCString();
    expect(writes.at(-1)).toBe(
      `cl_consent=v1.${revision}.analytics.${seconds}; Path=/; Expires=${expires}; SameSite=Lax; Secure`,
    );

    await rt.acceptAll();
    expect(cookie()?.granted).toEqual(['analytics', 'marketing']);
    await rt.withdraw('analytics');
    expect(cookie()?.granted).toEqual(['marketing']);
  });

  it('reject-all writes a decision granting nothing; withdrawing everything removes it, and no later page view brings it back', async () => {
    const { start } = await freshPage();
    const first = start({ reloadOnWithdraw: false });
    await first.ready;
    await first.rejectAll();
    expect(document.cookie).toMatch(/(^|; )cl_consent=v1\.\d+\.\.\d+($|;)/);
    expect(cookie()?.granted).toEqual([]);
    await first.acceptAll();
    await first.withdraw();
    expect(document.cookie).not.toContain('cl_consent');
    first.destroy();
    const next = start({ reloadOnWithdraw: false });
    await next.ready;
    expect(next.get().status).toBe('decided');
    expect(document.cookie).not.toContain('cl_consent');
  });

  it('a returning visitor whose cookie is gone gets it back from the stored decision; a new revision removes it', async () => {
    const { start, collector } = await freshPage();
    const first = start();
    await first.ready;
    await first.acceptAll();
    first.destroy();
    document.cookie = 'cl_consent=; Max-Age=0; Path=/';
    const again = start();
    await again.ready;
    expect(cookie()?.granted).toEqual(['analytics', 'marketing']);
    again.destroy();
    const bumped = {
      ...collector.doc,
      config: { ...collector.doc.config, revision: collector.doc.config.revision + 1 },
    };
    const asked = start({ config: bumped });
    await asked.ready;
    expect(asked.get().reason).toBe('revision');
    expect(cookie()).toBeNull();
  });

  it('data-cookie-domain shares it with subdomains when the page is under that domain, else stays host-only', async () => {
    const { start } = await freshPage('clikodoc', 'http://www.clikodoc.com/praticiens', fixtureDocument('clikodoc'));
    const writes = cookieWrites();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const rt = start({ cookieDomain: '.clikodoc.com' });
    await rt.ready;
    await rt.acceptAll();
    expect(writes.at(-1)).toMatch(/; SameSite=Lax; Domain=clikodoc\.com$/);
    rt.destroy();
    const elsewhere = start({ cookieDomain: 'example.org' });
    await elsewhere.ready;
    await elsewhere.rejectAll();
    expect(writes.at(-1)).toMatch(/; SameSite=Lax$/);
    expect(warn).toHaveBeenCalledWith('consent-ledger:', 'cookie-domain', 'example.org');
  });
});
