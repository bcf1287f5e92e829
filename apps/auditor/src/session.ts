// What the UI remembers. The token lives in sessionStorage only (gone with the tab, never in a URL);
// the sites used and the checkpoint last seen per log live in localStorage (not secrets: the
// checkpoint is public, and keeping it is what lets the next visit detect a rewritten log).
import { isUiLanguage, type UiLanguage } from './i18n/i18n';
import type { PinnedWitnesses } from './log/witnesses';

export interface Session {
  token: string;
  site: string;
}

const SESSION = 'cl-auditor:session';
const SITES = 'cl-auditor:sites';
const LANG = 'cl-auditor:lang';
const SEEN = 'cl-auditor:checkpoint:';
const WITNESSES = 'cl-auditor:witnesses:';

function read<T>(storage: Storage, key: string): T | null {
  try {
    const text = storage.getItem(key);
    return text === null ? null : (JSON.parse(text) as T);
  } catch {
    return null;
  }
}

/** The signed-in session of this tab, if any. */
export function loadSession(): Session | null {
  const s = read<Session>(sessionStorage, SESSION);
  return s && typeof s.token === 'string' && typeof s.site === 'string' ? s : null;
}

/** Keeps the session for this tab and adds the site to the recently used ones. */
export function saveSession(session: Session): void {
  sessionStorage.setItem(SESSION, JSON.stringify(session));
  const sites = [session.site, ...recentSites().filter((s) => s !== session.site)].slice(0, 20);
  localStorage.setItem(SITES, JSON.stringify(sites));
}

/** Forgets the token. */
export function clearSession(): void {
  sessionStorage.removeItem(SESSION);
}

/** Sites signed in to before from this browser, most recent first. */
export function recentSites(): string[] {
  const sites = read<unknown>(localStorage, SITES);
  return Array.isArray(sites) ? sites.filter((s): s is string => typeof s === 'string') : [];
}

/** The language the auditor picked, if any. */
export function savedLanguage(): UiLanguage | null {
  const lang = read<unknown>(localStorage, LANG);
  return isUiLanguage(lang) ? lang : null;
}

export function saveLanguage(lang: UiLanguage): void {
  localStorage.setItem(LANG, JSON.stringify(lang));
}

/** A checkpoint this browser verified, kept to check the next one against. */
export interface SeenCheckpoint {
  origin: string;
  size: number;
  /** base64url */
  rootHash: string;
  note: string;
  seenAt: string;
}

/** Per collector and site log. */
const seenKey = (collector: string, site: string) => `${SEEN}${collector}|${site}`;

export function loadSeenCheckpoint(collector: string, site: string): SeenCheckpoint | null {
  return read<SeenCheckpoint>(localStorage, seenKey(collector, site));
}

export function saveSeenCheckpoint(collector: string, site: string, seen: SeenCheckpoint): void {
  localStorage.setItem(seenKey(collector, site), JSON.stringify(seen));
}

/** The witness keys the auditor pinned for a collector (none yet: an empty list). */
export function loadPinnedWitnesses(collector: string): PinnedWitnesses {
  const pinned = read<PinnedWitnesses>(localStorage, `${WITNESSES}${collector}`);
  const vkeys = Array.isArray(pinned?.vkeys) ? pinned.vkeys.filter((k): k is string => typeof k === 'string') : [];
  const quorum = Number.isSafeInteger(pinned?.quorum) ? (pinned as PinnedWitnesses).quorum : vkeys.length;
  return { vkeys, quorum: Math.min(Math.max(1, quorum), Math.max(1, vkeys.length)) };
}

export function savePinnedWitnesses(collector: string, pinned: PinnedWitnesses): void {
  localStorage.setItem(`${WITNESSES}${collector}`, JSON.stringify(pinned));
}
