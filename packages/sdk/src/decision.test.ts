// The decision part's write-ahead: a choice made when its receipt cannot be signed (the sync chunk does
// not load: collector down, page left) is kept with its receipt owed, and signed once, on a later page.
import { createStore, get } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';
import { freshPage, settled } from '../test/page';
import type { StoredDecision } from './core/state';

const sync = vi.hoisted(() => ({ down: false }));
vi.mock('./load-sync', async (importOriginal) => {
  const real = await importOriginal<typeof import('./load-sync')>();
  return { loadSync: () => (sync.down ? Promise.reject(new Error('chunk unreachable')) : real.loadSync()) };
});

const storedDecision = () => get<StoredDecision>('decision:clickcare', createStore('consent-ledger', 'kv'));

describe('a receipt owed', () => {
  it('a choice made while signing cannot load is stored at once with its receipt owed, signed on the next page', async () => {
    const { start, collector } = await freshPage();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    sync.down = true;
    const first = start();
    await first.ready;
    await first.acceptAll();
    expect(first.get().status).toBe('decided');
    const owing = await storedDecision();
    expect(owing?.owed).toMatchObject({
      method: 'accept-all',
      choices: { analytics: 'granted', marketing: 'granted' },
    });
    expect(await first.history()).toEqual([]);
    first.destroy();

    sync.down = false;
    const next = start();
    await next.ready;
    const [item] = await vi.waitFor(async () => {
      const items = await settled(next);
      expect(items).toHaveLength(1);
      return items;
    });
    expect(item).toMatchObject({ method: 'accept-all', status: 'acknowledged', issuedAt: owing!.owed!.issuedAt });
    expect(collector.logged).toEqual([item.id]);
    await vi.waitFor(async () => expect((await storedDecision())?.owed).toBeUndefined());
    expect(next.get()).toMatchObject({ status: 'decided', choices: { analytics: 'granted' } });
  });

  it('two tabs finding the same receipt owed sign it once', async () => {
    const { start, collector } = await freshPage();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    sync.down = true;
    const left = start();
    await left.ready;
    await left.rejectAll();
    left.destroy();
    sync.down = false;
    const [a, b] = [start(), start()];
    await Promise.all([a.ready, b.ready]);
    await vi.waitFor(async () => expect(collector.logged).toHaveLength(1));
    await settled(a);
    expect((await a.history()).map((i) => i.method)).toEqual(['reject-all']);
    expect(await b.history()).toEqual(await a.history());
  });
});
