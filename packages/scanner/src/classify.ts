// Turns what a pass saw (raw browser data) into the report's records: first or third party, and which
// declared service each thing belongs to. Only third-party requests are kept: the page's own requests
// say nothing a cookie or a storage key would not.

import type { Cookie } from 'playwright-core';
import type { Attributor } from './attribute';
import { cookieParty, hostParty } from './party';
import type { RawPass } from './pass';
import type { PassRecord, SeenCookie, SeenRequest } from './report';
import type { OfferedCookie } from './set-cookie';
import { withoutQuery } from './snapshot';

const SAME_SITE = new Set(['Strict', 'Lax', 'None']);

/** The pass as the report shows it. `own` holds the site's `host[:port]`s (see party.ts). */
export function classifyPass(raw: RawPass, pageUrl: string, own: ReadonlySet<string>, attr: Attributor): PassRecord {
  const pageHostname = new URL(pageUrl).hostname;
  const seen = (c: Cookie | OfferedCookie, stored: boolean): SeenCookie => ({
    name: c.name,
    domain: c.domain,
    path: c.path,
    expires: c.expires > 0 ? new Date(c.expires * 1000).toISOString() : null,
    party: cookieParty(c.domain, pageHostname),
    stored,
    httpOnly: c.httpOnly,
    secure: c.secure,
    sameSite: SAME_SITE.has(c.sameSite) ? c.sameSite : 'Lax',
    ...attr.cookie(c.name, c.domain),
  });
  const bare = (domain: string) => domain.replace(/^\./, '');
  const jar = new Set(raw.cookies.map((c) => `${c.name} ${bare(c.domain)}`));
  const refused = new Map<string, SeenCookie>();
  for (const c of raw.offeredCookies)
    if (!jar.has(`${c.name} ${bare(c.domain)}`)) refused.set(`${c.name} ${bare(c.domain)}`, seen(c, false));
  const cookies = [...raw.cookies.map((c) => seen(c, true)), ...refused.values()];
  const requests = new Map<string, SeenRequest>();
  for (const { url, type } of raw.requests) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      continue;
    }
    if (!/^(https?|wss?):$/.test(parsed.protocol) || hostParty(parsed.host, own) === 'first') continue;
    const key = `${type} ${withoutQuery(url)}`;
    const known = requests.get(key);
    if (known) known.count++;
    else
      requests.set(key, {
        host: parsed.host,
        url: withoutQuery(url),
        type,
        count: 1,
        ...attr.request(parsed),
      });
  }
  const storage = raw.storage.map((s) => ({
    ...s,
    party: hostParty(new URL(s.origin).host, own),
    ...attr.storage(s.name),
  }));
  const frames = raw.frames.map((f) => {
    const url = new URL(f.url);
    return {
      url: f.url,
      party: hostParty(url.host, own),
      ...(f.gatedBy ? { gatedBy: f.gatedBy } : {}),
      ...attr.request(url, f.gatedBy ?? undefined),
    };
  });
  return {
    decision: raw.decision,
    cookies,
    requests: [...requests.values()],
    storage,
    frames,
    durationMs: raw.durationMs,
  };
}
