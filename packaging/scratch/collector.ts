// A Node server's collector built on the installed packages (type-checked with Node's own ESM
// resolution, bundled for Node with the packages left external, then run): publishes a site on a
// SQLite file, with the SQLite writer on its worker thread, and answers the site's config route.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Collector,
  createCollector,
  createCollectorKeyJwk,
  loadCollectorKey,
  openSqliteStore,
} from '@consent-ledger/collector';
import { type ConfigAnswer, validateSiteConfig } from '@consent-ledger/protocol';

const dir = mkdtempSync(join(tmpdir(), 'consent-ledger-scratch-'));
const writerWorker = new URL(import.meta.resolve('@consent-ledger/collector/sqlite-writer-worker'));
const store = openSqliteStore(join(dir, 'ledger.db'), { writerWorker });
const collector: Collector = createCollector({
  store,
  key: await loadCollectorKey(await createCollectorKeyJwk(), 'consent.cabinet.example'),
});
try {
  const config = validateSiteConfig({
    site: 'cabinet',
    name: 'Cabinet',
    origins: ['https://cabinet.example'],
    revision: 1,
    policyUrl: 'https://cabinet.example/confidentialite',
    languages: ['fr'],
    purposes: { analytics: {} },
    services: [{ id: 'stats', name: 'Stats', provider: 'Stats SAS', purpose: 'analytics', transfer: 'EU' }],
  });
  if (!config.ok) throw new Error(config.error.message);
  const published = await collector.publishSite(config.value);
  if (!published.ok) throw new Error(published.error.message);
  const answer = await collector.app.request('/v1/sites/cabinet/config?lang=fr');
  const body = (await answer.json()) as ConfigAnswer;
  console.log(JSON.stringify({ status: answer.status, site: body.config.site, revision: body.config.revision }));
} finally {
  await collector.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
