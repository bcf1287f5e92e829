// The auditor UI (/audit/) in Chromium against the real collector, on a seeded log: sign in, find
// the subject who withdrew analytics, see the withdrawal at the time the collector acknowledged it,
// verify every receipt in the browser, then tamper with the stored entry and see Verify fail on it;
// keyboard-only use, axe-core on every view, laptop and tablet screenshots (to e2e/screenshots only:
// `pnpm screenshots` refreshes the README's copies deliberately). The whole suite runs twice, each
// round on its own collector and browser, and waits on states, never on time, so a race that a
// loaded machine exposes once is caught.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  base64urlDecode,
  base64urlEncode,
  type Choice,
  createReceipt,
  fromUtf8,
  generateDeviceKey,
  type KeyPair,
  type Method,
  utf8,
  type VerifiedReceipt,
} from '@consent-ledger/protocol';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { fr } from '../apps/auditor/src/i18n/fr';
import { DATE_TIME } from '../apps/auditor/src/i18n/i18n';
import { eventually, screenshot } from './harness/browser';
import { expectNoAxeViolations } from './harness/console';
import { payloadOf } from './harness/ledger';
import { type Collector, ROOT } from './harness/server';
import { useSuite } from './harness/suite';

const SITE = 'clikodoc';
const LAPTOP = { width: 1280, height: 900 };
const TABLET = { width: 768, height: 1024 };

/** A visitor's device: its key and the leaf hash of its last receipt (the next one's `prev`). */
interface Device {
  key: KeyPair;
  prev: string | null;
  subject?: string;
}

interface Sent {
  receipt: VerifiedReceipt;
  receivedAt: string;
}

async function notice(collector: Collector, lang: string) {
  const res = await collector.fetch(`/v1/sites/${SITE}/config?lang=${lang}`);
  return (await res.json()) as {
    config: { revision: number; purposes: Record<string, unknown> } & Record<string, unknown>;
    textHash: string;
  };
}

/** Signs a receipt on `device` for the site's current notice in `lang` and sends it as the SDK would. */
async function send(
  collector: Collector,
  device: Device,
  method: Method,
  choices: Record<string, Choice>,
  lang = 'fr',
): Promise<Sent> {
  const { config, textHash } = await notice(collector, lang);
  const receipt = await createReceipt(
    {
      site: SITE,
      method,
      choices,
      revision: config.revision,
      language: lang,
      textHash,
      page: `${collector.origin}/`,
      prev: device.prev,
    },
    device.key,
  );
  const res = await collector.fetch('/v1/receipts', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: collector.origin },
    body: JSON.stringify({ receipts: [receipt.jws] }),
  });
  if (res.status !== 201) throw new Error(`receipt refused: ${res.status} ${await res.text()}`);
  const { acks } = (await res.json()) as { acks: string[] };
  device.prev = receipt.leafHash;
  device.subject = receipt.payload.subject;
  return { receipt, receivedAt: (payloadOf(acks[0]) as unknown as { receivedAt: string }).receivedAt };
}

const all = (state: Choice) => ({ analytics: state, maps: state, audiovideo: state, support: state });

/** The seeded log: five visitors; between their receipts the site publishes revision 2 (a new analytics text). */
async function seed(collector: Collector) {
  const devices = await Promise.all(
    [0, 1, 2, 3, 4].map(async () => ({ key: await generateDeviceKey(), prev: null }) as Device),
  );
  const [alice, bob, carol, dan, eve] = devices;
  const first = await send(collector, alice, 'accept-all', all('granted'));
  await send(collector, bob, 'reject-all', all('denied'));
  await send(collector, carol, 'save', { ...all('denied'), maps: 'granted' });
  await send(collector, dan, 'gpc', all('denied'));
  await send(collector, eve, 'embed', { ...all('denied'), maps: 'granted' }, 'en');

  const admin = await collector.token('admin', [SITE]);
  const { config } = await notice(collector, 'fr');
  const next = {
    ...config,
    revision: config.revision + 1,
    purposes: {
      ...config.purposes,
      analytics: {
        description: {
          fr: 'Mesure d’audience anonyme, hébergée dans l’UE.',
          en: 'Anonymous audience measurement, hosted in the EU.',
        },
      },
    },
  };
  const put = await collector.fetch(`/v1/admin/sites/${SITE}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify(next),
  });
  if (!put.ok) throw new Error(`PUT config: ${put.status} ${await put.text()}`);

  const withdrawal = await send(collector, alice, 'withdraw', { ...all('granted'), analytics: 'denied' });
  const last = await send(collector, carol, 'withdraw', all('denied'));
  // Verify checks against the current checkpoint: wait until the integrator integrated everything.
  await eventually(
    'the seeded entries in a checkpoint',
    async () => (await collector.fetch(`/v1/sites/${SITE}/log/proof/${last.receipt.payload.id}`)).status === 200,
    15_000,
  );
  return { alice: alice.subject!, first, withdrawal };
}

/** Rewrites a stored receipt's payload in place (analytics granted again), keeping its signature: what a forger with database access would do. */
function tamper(collector: Collector, id: string): void {
  const require = createRequire(join(ROOT, 'apps/server/package.json'));
  const Database = require('better-sqlite3') as new (
    file: string,
  ) => {
    prepare(sql: string): {
      get(...a: unknown[]): { jws: string } | undefined;
      run(...a: unknown[]): { changes: number };
    };
    pragma(text: string): unknown;
    close(): void;
  };
  const db = new Database(join(collector.data, 'ledger.db'));
  try {
    db.pragma('busy_timeout = 5000');
    const row = db.prepare('SELECT jws FROM entries WHERE site = ? AND id = ?').get(SITE, id)!;
    const [header, payload, signature] = row.jws.split('.');
    const forged = { ...JSON.parse(fromUtf8(base64urlDecode(payload))) };
    forged.choices = { ...forged.choices, analytics: 'granted' };
    const jws = `${header}.${base64urlEncode(utf8(JSON.stringify(forged)))}.${signature}`;
    expect(
      db
        .prepare('UPDATE entries SET jws = ?, choices = ? WHERE site = ? AND id = ?')
        .run(jws, JSON.stringify(forged.choices), SITE, id).changes,
    ).toBe(1);
  } finally {
    db.close();
  }
}

/** Saves `e2e/screenshots/auditor-<name>.png` (ignored by git). */
async function shoot(target: Page | Locator, name: string) {
  await screenshot(target, `auditor-${name}`);
}

/** Signs in with a token of several sites: the token, then the site picked from the token's list. */
async function signIn(page: Page, collector: Collector, token: string) {
  await page.goto(`${collector.origin}/audit/`);
  await page.getByLabel(fr['signin.token']).fill(token);
  await page.getByRole('button', { name: fr['signin.submit'] }).click();
  await page.getByLabel(fr['signin.pick'], { exact: true }).selectOption(SITE);
  await page.getByRole('button', { name: fr['header.open'] }).click();
  await page.getByRole('navigation', { name: fr['nav.label'] }).waitFor();
}

/** Opens a subject's history: waits for the field to hold the id, then for the history or an error (which fails at once, saying which). */
async function openSubject(page: Page, subject: string) {
  const field = page.getByLabel(fr['subject.label'], { exact: true });
  await field.fill(subject);
  await expect.poll(() => field.inputValue()).toBe(subject);
  await page.getByRole('button', { name: fr['subject.show'] }).click();
  await viewShows(page, '.history');
}

/** Waits for `selector`, or fails as soon as the view shows an alert instead, with its text. */
async function viewShows(page: Page, selector: string) {
  const found = page.locator(`${selector}, main [role=alert]`).first();
  await found.waitFor();
  const alert = await page.locator('main [role=alert]').allTextContents();
  expect(alert, `an alert instead of ${selector}`).toEqual([]);
  await page.locator(selector).first().waitFor();
}

/** The elements whose box reaches past the viewport's right edge (outermost first, as `tag.class right`), in a page that should reflow. */
async function beyondRightEdge(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 1) continue;
      // Inside a region that scrolls on its own (a wide table), overflow is that region's business.
      if (el.parentElement?.closest('.table-scroll')) continue;
      if (found.length < 5) found.push(`${el.tagName.toLowerCase()}.${el.classList.value} ${Math.round(box.right)}`);
    }
    return found;
  });
}

/** Presses Tab (or Shift+Tab) until the focused element has this id or exactly this text, at most 60 times; fails otherwise. */
async function tabTo(page: Page, target: { id: string } | { text: string }, key: 'Tab' | 'Shift+Tab' = 'Tab') {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press(key);
    const reached = await page.evaluate((t) => {
      const el = document.activeElement;
      return 'id' in t ? el?.id === t.id : el?.textContent?.trim() === t.text;
    }, target);
    if (reached) return;
  }
  throw new Error(`${key} never reached ${JSON.stringify(target)}`);
}

for (const round of [1, 2]) {
  describe(`the auditor UI, round ${round} of 2`, () => {
    const suite = useSuite();
    let seeded: Awaited<ReturnType<typeof seed>>;
    let token: string;

    test('shows the withdrawal at the acknowledged time and verifies every receipt in the browser, then flags a tampered entry', async () => {
      const { collector } = suite;
      seeded = await seed(collector);
      // A token of every fixture site: the UI lists them to pick from.
      token = await collector.token('auditor');
      const { page } = await suite.scenario({ context: { viewport: LAPTOP, timezoneId: 'Europe/Paris' } });
      await page.goto(`${collector.origin}/audit/`);
      await page.getByRole('heading', { name: fr['signin.title'] }).waitFor();
      await expectNoAxeViolations(page, 'sign-in');
      await shoot(page, 'sign-in');
      await page.getByLabel(fr['signin.token']).fill(token);
      await page.getByRole('button', { name: fr['signin.submit'] }).click();
      const picker = page.getByLabel(fr['signin.pick'], { exact: true });
      await picker.waitFor();
      // The sites the token reads, by name and id, in id order.
      expect(
        await picker.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value)),
      ).toEqual(['cabinet-praticien', 'clickcare', 'clikodoc', 'demo', 'europraxis']);
      expect(await picker.locator(`option[value=${SITE}]`).textContent()).toBe('clikOdoc (clikodoc)');
      await expectNoAxeViolations(page, 'sign-in, site');
      await shoot(page, 'sign-in-site');
      await signIn(page, collector, token);
      // The token is in this tab's sessionStorage and nowhere in the address.
      expect(page.url()).not.toContain(token);
      expect(await page.evaluate(() => JSON.stringify(sessionStorage))).toContain(token);
      expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(token);

      await openSubject(page, seeded.alice);
      expect(page.url()).toContain(`#/subject/${seeded.alice}`);
      const receipts = page.locator('li.receipt');
      await expect.poll(() => receipts.count()).toBe(2);
      // The second receipt is the withdrawal, dated by the collector's acknowledgement.
      const withdrawal = receipts.nth(1);
      expect(await withdrawal.locator('h4 time').getAttribute('datetime')).toBe(seeded.withdrawal.receivedAt);
      expect(await withdrawal.locator('.method').textContent()).toBe(fr['method.withdraw']);
      expect(await withdrawal.locator('[data-purpose=analytics]').getAttribute('data-choice')).toBe('denied');
      expect(await receipts.nth(0).locator('[data-purpose=analytics]').getAttribute('data-choice')).toBe('granted');
      // The analytics bar: granted at the first receipt, withdrawn at the second; maps still granted.
      const analytics = page.locator('.bar-row[data-purpose=analytics]');
      expect(await analytics.locator('.granted-word time').getAttribute('datetime')).toBe(seeded.first.receivedAt);
      expect(await analytics.locator('.withdrawn-word time').getAttribute('datetime')).toBe(
        seeded.withdrawal.receivedAt,
      );
      const shown = await page.evaluate(
        ([iso, options]) => new Intl.DateTimeFormat('fr', options).format(new Date(iso)),
        [seeded.withdrawal.receivedAt, DATE_TIME] as const,
      );
      expect(await analytics.locator('.withdrawn-word time').textContent()).toBe(shown);
      expect(await page.locator('.bar-row[data-purpose=maps] .withdrawn-word').count()).toBe(0);
      expect(await page.locator('.current [data-purpose=analytics]').textContent()).toContain(fr['state.denied']);

      // The notice of the withdrawal is revision 2: the new analytics text is shown as the change.
      await withdrawal.locator('details.more > summary').click();
      await withdrawal.locator('details.notice > summary').click();
      const change = withdrawal.locator('.changes [data-field="purposes.analytics.description"]');
      expect(await change.locator('ins').textContent()).toBe('Mesure d’audience anonyme, hébergée dans l’UE.');
      expect(await withdrawal.locator('.changes [data-field=revision] ins').textContent()).toBe('2');

      await page.getByRole('button', { name: fr['verify.button'], exact: true }).click();
      await page.locator('[data-verified]').waitFor();
      expect(await page.locator('[data-verified]').getAttribute('data-verified')).toBe('pass');
      const states = await page
        .locator('li.check')
        .evaluateAll((els) => els.map((el) => `${el.getAttribute('data-check')}=${el.getAttribute('data-state')}`));
      expect(states).toEqual(
        ['signature', 'prev', 'ack', 'notice', 'inclusion', 'signature', 'prev', 'ack', 'notice', 'inclusion'].map(
          (c) => `${c}=pass`,
        ),
      );
      await expectNoAxeViolations(page, 'subject, verified');
      await withdrawal.scrollIntoViewIfNeeded();
      await shoot(withdrawal, 'receipt-notice');
      await page.evaluate(() => window.scrollTo(0, 0));
      await shoot(page, 'subject-verified');

      tamper(collector, seeded.withdrawal.receipt.payload.id);
      await page.reload();
      await viewShows(page, '.history');
      await page.getByRole('button', { name: fr['verify.button'], exact: true }).click();
      await page.locator('[data-verified]').waitFor();
      expect(await page.locator('[data-verified]').getAttribute('data-verified')).toBe('fail');
      const first = page.locator('li.receipt').nth(0);
      const forged = page.locator('li.receipt').nth(1);
      expect(await first.getAttribute('class')).toContain('ok');
      expect(await forged.getAttribute('class')).toContain('bad');
      expect(await forged.locator('[data-check=signature]').getAttribute('data-state')).toBe('fail');
      expect(await forged.locator('[data-check=inclusion]').getAttribute('data-state')).toBe('fail');
      expect(await forged.locator('[data-check=ack]').getAttribute('data-state')).toBe('fail');
      await expectNoAxeViolations(page, 'subject, tampered');
      await shoot(forged, 'subject-tampered');
    });

    test('search filters by purpose and state, newest first, and opens the subject', async () => {
      const { collector } = suite;
      const { page } = await suite.scenario({ context: { viewport: LAPTOP } });
      await signIn(page, collector, token);
      await page.getByRole('link', { name: fr['nav.search'] }).click();
      await page.getByLabel(fr['search.purpose']).selectOption('maps');
      await page.getByLabel(fr['search.state']).selectOption('granted');
      await page.getByRole('button', { name: fr['search.submit'] }).click();
      const rows = page.locator('table.results tbody tr');
      // Newest first: alice's withdrawal (maps stayed granted), eve's embed, carol's save, alice's accept-all.
      await expect.poll(() => rows.count()).toBe(4);
      const subjects = await page.locator('table.results .subject-link').allTextContents();
      expect(subjects[0]).toBe(seeded.alice);
      expect(subjects[3]).toBe(seeded.alice);
      await expectNoAxeViolations(page, 'search');
      await shoot(page, 'search');
      // The method filter tells a placeholder's "always allow" (eve) from "show just this once" (nobody).
      await page.getByLabel(fr['search.purpose']).selectOption('');
      await page.getByLabel(fr['search.method']).selectOption('embed');
      await page.getByRole('button', { name: fr['search.submit'] }).click();
      await expect.poll(() => rows.count()).toBe(1);
      expect(await rows.locator('td').nth(2).textContent()).toBe(fr['method.embed']);
      await page.getByLabel(fr['search.method']).selectOption('embed-once');
      await page.getByRole('button', { name: fr['search.submit'] }).click();
      await page.getByText(fr['search.none']).waitFor();
      expect(await rows.count()).toBe(0);
      await page.getByLabel(fr['search.method']).selectOption('');
      await page.getByLabel(fr['search.purpose']).selectOption('maps');
      await page.getByLabel(fr['search.state']).selectOption('granted');
      await page.getByRole('button', { name: fr['search.submit'] }).click();
      await expect.poll(() => rows.count()).toBe(4);
      await page.getByRole('link', { name: seeded.alice }).first().click();
      await viewShows(page, '.history');
      expect(await page.locator('.history .subject-id').textContent()).toBe(seeded.alice);
    });

    test('stats on a laptop: every table whole beside or below its chart; a one-day range draws bars', async () => {
      const { collector } = suite;
      const { page } = await suite.scenario({ context: { viewport: LAPTOP } });
      await signIn(page, collector, token);
      await page.getByRole('link', { name: fr['nav.stats'] }).click();
      await page.locator('.chart-section').first().waitFor();
      const cut = () =>
        page
          .locator('.chart-section .table-scroll')
          .evaluateAll((boxes) =>
            boxes.filter((b) => b.scrollWidth > b.clientWidth + 1).map((b) => b.getAttribute('aria-label')),
          );
      expect(await cut()).toEqual([]);
      await shoot(page, 'stats-laptop');
      const today = new Date().toISOString().slice(0, 10);
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      await page.getByLabel(fr['stats.from'], { exact: true }).fill(today);
      await page.getByLabel(fr['stats.to'], { exact: true }).fill(tomorrow);
      await page.getByRole('button', { name: fr['stats.update'] }).click();
      const rate = page.locator('.chart-section').first();
      await rate.locator('.one-period rect').first().waitFor();
      expect(await rate.locator('circle, polyline').count()).toBe(0);
      expect(await rate.locator('.one-period .value').count()).toBeGreaterThan(0);
      expect(await rate.locator('tbody tr').count()).toBe(1);
      expect(await cut()).toEqual([]);
      await expectNoAxeViolations(page, 'stats, one day');
      await shoot(rate, 'stats-one-day');
    });

    test('stats, export and log health, with keyboard only, on a tablet', async () => {
      const { collector } = suite;
      const { page } = await suite.scenario({ context: { viewport: TABLET, acceptDownloads: true } });
      await page.goto(`${collector.origin}/audit/`);
      // Keyboard only from here: the skip link first, then the form.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(fr['app.skip']);
      await tabTo(page, { id: 'token' });
      expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
      await page.keyboard.type(token);
      await page.keyboard.press('Enter');
      // The site step takes the focus to its picker; the arrow keys choose, Tab and Enter open.
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('site');
      for (let i = 0; i < 5 && (await page.locator('#site').inputValue()) !== SITE; i++)
        await page.keyboard.press('ArrowDown');
      expect(await page.locator('#site').inputValue()).toBe(SITE);
      await tabTo(page, { text: fr['header.open'] });
      await page.keyboard.press('Enter');
      await page.getByRole('navigation', { name: fr['nav.label'] }).waitFor();
      await tabTo(page, { id: 'subject-id' });
      await page.keyboard.type(seeded.alice);
      await expect.poll(() => page.locator('#subject-id').inputValue()).toBe(seeded.alice);
      await page.keyboard.press('Enter');
      await viewShows(page, '.history');
      await tabTo(page, { text: fr['verify.button'] });
      await page.keyboard.press('Enter');
      await page.locator('[data-verified]').waitFor();
      await shoot(page, 'tablet-subject');

      await tabTo(page, { text: fr['nav.stats'] }, 'Shift+Tab');
      await page.keyboard.press('Enter');
      await page.locator('.chart-section').first().waitFor();
      // Focus moves to the new view's heading after its first paint.
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('view-title');
      const methods = page.locator('.chart-section').nth(2);
      // accept-all, reject-all, save, embed, withdraw, gpc
      expect(await methods.locator('tfoot td').allTextContents()).toEqual(['1', '1', '1', '1', '2', '1']);
      await expectNoAxeViolations(page, 'stats');
      await shoot(page, 'stats');
      // With a mouse, a point's numbers appear on hover, the same as in the table.
      const rateChart = page.locator('.chart-section').first();
      // The seeded receipts are all of today: one period, drawn as a bar per purpose.
      await rateChart.locator('[data-readout]').last().hover();
      await expect.poll(() => rateChart.locator('.readout text').textContent()).toMatch(/^.+, .+ : \d+(,\d)?\s%$/);

      await tabTo(page, { text: fr['nav.export'] }, 'Shift+Tab');
      await page.keyboard.press('Enter');
      await tabTo(page, { text: fr['export.download'] });
      const download = page.waitForEvent('download');
      await page.keyboard.press('Enter');
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^clikodoc-\d+\.ndjson$/);
      await page.locator('.export-status [data-lines]').waitFor();
      const lines = Number(await page.locator('.export-status [data-lines]').getAttribute('data-lines'));
      const size = Number(file.suggestedFilename().match(/-(\d+)\./)![1]);
      expect(lines).toBe(size + 1);
      await expectNoAxeViolations(page, 'export');
      await shoot(page, 'export');

      await tabTo(page, { text: fr['nav.log'] }, 'Shift+Tab');
      await page.keyboard.press('Enter');
      const consistency = page.locator('[data-consistency]');
      await consistency.waitFor();
      // Checked on sign-in: the first checkpoint this browser sees becomes its reference.
      expect(await consistency.getAttribute('data-consistency')).toBe('first');
      // When it was signed, from the collector's Last-Modified (to the second): before it was checked.
      const signedAt = await page.locator('[data-signed-at]').getAttribute('data-signed-at');
      expect(signedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
      expect(Date.parse(signedAt!)).toBeLessThanOrEqual(Date.now());
      const refresh = page.getByRole('button', { name: fr['log.refresh'] });
      await refresh.click();
      await expect.poll(() => consistency.getAttribute('data-consistency')).toBe('unchanged');
      // The log grows: the new checkpoint must extend the remembered one, which a consistency proof shows.
      const before = Number(await page.locator('[data-size]').getAttribute('data-size'));
      const late = await send(collector, { key: await generateDeviceKey(), prev: null }, 'accept-all', all('granted'));
      await eventually(
        'the new receipt in a checkpoint',
        async () => (await collector.fetch(`/v1/sites/${SITE}/log/proof/${late.receipt.payload.id}`)).status === 200,
      );
      await refresh.click();
      await expect.poll(() => consistency.getAttribute('data-consistency')).toBe('consistent');
      expect(Number(await page.locator('[data-size]').getAttribute('data-size'))).toBe(before + 1);
      await expectNoAxeViolations(page, 'log health');
      await shoot(page, 'log');

      // A checkpoint remembered from "last time" that the current log does not extend: the log was rewritten.
      await page.evaluate(() => {
        for (const key of Object.keys(localStorage).filter((k) => k.startsWith('cl-auditor:checkpoint:'))) {
          const seen = JSON.parse(localStorage.getItem(key)!);
          localStorage.setItem(key, JSON.stringify({ ...seen, rootHash: `${'A'.repeat(42)}A`, note: '' }));
        }
      });
      await refresh.click();
      await expect.poll(() => consistency.getAttribute('data-consistency')).toBe('rewritten');
      expect(await page.locator('[data-rewritten]').first().textContent()).toContain(
        'Attention : le journal a été réécrit.',
      );
      await expectNoAxeViolations(page, 'log rewritten');
      await shoot(page, 'log-rewritten');

      // Reflow (WCAG 1.4.10): at 320 CSS pixels wide (a laptop at 400 % zoom) nothing scrolls sideways.
      await page.setViewportSize({ width: 320, height: 800 });
      for (const view of ['subject', 'search', 'stats', 'export', 'log']) {
        await page.evaluate(
          (hash) => (location.hash = hash),
          view === 'subject' ? `#/subject/${seeded.alice}` : `#/${view}`,
        );
        await page
          .locator(view === 'subject' ? '.history' : view === 'stats' ? '.chart-section' : '#view-title')
          .first()
          .waitFor();
        // Loaded: no "Chargement…" left, so a table that arrives late is measured too.
        await expect.poll(() => page.getByText(fr['app.loading']).count()).toBe(0);
        expect(await beyondRightEdge(page), view).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), view).toBeLessThanOrEqual(320);
      }
    });
  });
}
