// What the reliability suites read back from a stopped collector's data folder: the site log's
// entries, straight from the SQLite file, not through the API under test.
import { join } from 'node:path';
import { type EntryRecord, openSqliteStore } from '@consent-ledger/collector';

/** Every entry of `site`'s log in the ledger of data folder `data` (the server must be stopped), by index. */
export async function logEntries(data: string, site: string): Promise<EntryRecord[]> {
  const store = openSqliteStore(join(data, 'ledger.db'));
  try {
    const entries: EntryRecord[] = [];
    for (;;) {
      const page = await store.readEntries(site, entries.length, 1000);
      entries.push(...page);
      if (page.length < 1000) return entries;
    }
  } finally {
    await store.close();
  }
}
