// The console (admin tokens only) as one lazily loaded chunk: the Sites list, the site view with its
// form, review and live preview. Auditors never download it; load-console.ts fetches it on opening.
import { useMemo } from 'preact/hooks';
import { type Caller, createAdminApi } from '../api';
import { SiteView } from './site-view';
import { SitesView } from './sites-view';

export interface ConsoleProps {
  caller: Caller;
  /** The site open in the site view; null for the list. */
  site: string | null;
  onSite(site: string): void;
  onBack(): void;
}

/** The Sites list, or the site `site` when one is open. */
export function Console({ caller, site, onSite, onBack }: ConsoleProps) {
  const api = useMemo(() => (site ? createAdminApi(caller, site) : null), [caller, site]);
  return api ? <SiteView api={api} onBack={onBack} /> : <SitesView caller={caller} onSite={onSite} />;
}
