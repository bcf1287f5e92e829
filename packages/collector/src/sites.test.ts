import {
  base64urlEncode,
  leafHash,
  NOTICE_TYP,
  noticeBytes,
  noticeHash,
  resolveNotice,
  signJws,
} from '@consent-ledger/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCollector } from './app';
import type { CollectorKey } from './keys';
import type { NoticeInput } from './store/types';
import { Device, fixtureConfig, tempStore, testCollectorKey, textHashOf } from './testing';

// A site published by an earlier version, whose catalog worded the French banner differently.
async function olderNotice(key: CollectorKey): Promise<NoticeInput> {
  const current = resolveNotice(fixtureConfig(), 'fr');
  const notice = { ...current, texts: { ...current.texts, 'banner.acceptAll': 'Accepter' } };
  const jws = await signJws({ alg: 'EdDSA', typ: NOTICE_TYP, kid: key.kid }, noticeBytes(notice), key.privateKey);
  return {
    textHash: noticeHash(notice),
    revision: notice.revision,
    language: 'fr',
    jws,
    leafHash: base64urlEncode(leafHash(jws)),
  };
}

describe('logCurrentNotices', () => {
  let temp: ReturnType<typeof tempStore>;
  let key: CollectorKey;
  beforeEach(async () => {
    temp = tempStore();
    key = await testCollectorKey();
  });
  afterEach(async () => {
    await temp.dispose();
  });

  function collector() {
    return createCollector({ store: temp.store, key, limits: { ratePerMinute: 0 }, log: () => undefined });
  }

  async function postAs(c: ReturnType<typeof collector>, device: Device) {
    const receipt = await device.receipt({ language: 'fr' });
    return c.app.request('/v1/receipts', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: device.config.origins[0] },
      body: JSON.stringify({ receipts: [receipt.jws] }),
    });
  }

  it('logs the notice this version shows when an upgrade changed its text, so its receipts are taken', async () => {
    const config = fixtureConfig();
    const older = await olderNotice(key);
    await temp.store.putSite(config, [older], '2026-11-01T00:00:00.000Z');
    const c = collector();

    const before = await postAs(c, await Device.create(config));
    expect(before.status).toBe(422);
    expect(((await before.json()) as { error: { code: string } }).error.code).toBe('unknown-notice');

    const appended = await c.logCurrentNotices();
    expect(appended.map((n) => [n.language, n.textHash])).toEqual(
      config.languages.map((language) => [language, textHashOf(config, language)]),
    );
    // The older text stays in the log: receipts made on it keep their proof.
    const logged = (await temp.store.listNotices(config.site)).map((n) => n.textHash);
    expect(logged[0]).toBe(older.textHash);
    expect(logged).toHaveLength(1 + config.languages.length);

    const after = await postAs(c, await Device.create(config));
    expect(after.status).toBe(201);
    await c.close();
  });

  it('appends nothing when the log has every notice, nor for a deleted site', async () => {
    const c = collector();
    const published = await c.publishSite(fixtureConfig());
    expect(published.ok).toBe(true);
    expect(await c.logCurrentNotices()).toEqual([]);

    const other = { ...fixtureConfig('clickcare'), revision: 1 };
    await temp.store.putSite(other, [], '2026-11-01T00:00:00.000Z');
    await temp.store.deleteSite(other.site, '2026-11-02T00:00:00.000Z');
    expect(await c.logCurrentNotices()).toEqual([]);
    expect(await temp.store.listNotices(other.site)).toEqual([]);
    await c.close();
  });
});
