import { generateDeviceKey } from '@consent-ledger/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/i18n';
import { flush, mount, texts } from '../test-dom';
import { testLog, testNotice, withdrawalStory } from '../test-log';
import { PurposeBars } from './purpose-bars';
import { Timeline } from './timeline';
import { verifySubject } from './verify';

afterEach(() => {
  document.body.innerHTML = '';
});
const en = createI18n('en');

describe('Timeline', () => {
  it('has one row per receipt, oldest first: date, method, choices, language, revision, index', async () => {
    const { history, first, second } = await withdrawalStory();
    const root = await mount(<Timeline history={history} verification={null} siteTitles={{}} />);
    const rows = root.querySelectorAll('li.receipt');
    expect(rows.length).toBe(2);
    expect(rows[0].querySelector('h4 time')!.getAttribute('datetime')).toBe(first.receivedAt);
    expect(rows[1].querySelector('h4 time')!.getAttribute('datetime')).toBe(second.receivedAt);
    expect(rows[1].querySelector('h4 time')!.textContent).toBe(en.dateTime(second.receivedAt));
    expect(texts(root, 'li.receipt .method')).toEqual(['Accept all', 'Withdrawal']);
    expect(texts(rows[0], '.choice')).toEqual(['Analytics: granted', `${en.purpose('maps')}: granted`]);
    expect(rows[1].querySelector('[data-purpose=analytics]')!.getAttribute('data-choice')).toBe('denied');
    const facts = (row: Element) =>
      Object.fromEntries(
        [...row.querySelectorAll('.facts > div')].map((d) => [
          d.querySelector('dt')!.textContent,
          d.querySelector('dd')!.textContent,
        ]),
      );
    expect(facts(rows[1])).toMatchObject({
      Language: 'en',
      Revision: '2',
      'Log index': String(second.index),
      Page: 'https://demo.example/',
    });
  });

  it('shows the ack and, for the second receipt, what changed in the notice since the first', async () => {
    const { history, second } = await withdrawalStory();
    const root = await mount(<Timeline history={history} verification={null} siteTitles={{}} />);
    const [row1, row2] = root.querySelectorAll('li.receipt');
    expect(row1.querySelector('.notice')!.textContent).toContain('The first notice this subject saw.');
    const changes = [...row2.querySelectorAll('.changes li')].map((li) => li.getAttribute('data-field'));
    expect(changes).toEqual(['revision', 'purposes.analytics.description']);
    expect(row2.querySelector('[data-field="purposes.analytics.description"] del')!.textContent).toBe(
      'Visitor statistics.',
    );
    expect(row2.querySelector('[data-field="purposes.analytics.description"] ins')!.textContent).toBe(
      'Anonymous visitor statistics, hosted in the EU.',
    );
    expect(row2.querySelector('.notice summary')!.textContent).toBe('Notice shown (en, revision 2)');
    const ack = row2.querySelector('.ack')!;
    expect(ack.querySelector('time')!.getAttribute('datetime')).toBe(second.receivedAt);
    expect(ack.textContent).toContain('203.0.113.0');
    expect(ack.textContent).toContain(second.leafHash);
  });

  it('marks each check of each receipt once verified, and the failing receipt as such', async () => {
    const { log, history } = await withdrawalStory();
    const [header, , signature] = history.receipts[1].jws!.split('.');
    history.receipts[1].jws = `${header}.${btoa('{"v":1}').replace(/=+$/, '')}.${signature}`;
    const result = await verifySubject(history, { keys: log.keys, checkpoint: log.checkpoint, proof: log.proof });
    const root = await mount(
      <Timeline history={history} verification={new Map(result.receipts.map((r) => [r.index, r]))} siteTitles={{}} />,
    );
    const [row1, row2] = root.querySelectorAll('li.receipt');
    expect(row1.className).toContain('ok');
    expect(row2.className).toContain('bad');
    expect(texts(row1, '.check strong')).toEqual(['Pass', 'Pass', 'Pass', 'Pass', 'Pass']);
    expect(row2.querySelector('[data-check=signature]')!.getAttribute('data-state')).toBe('fail');
    expect(row2.querySelector('[data-check=signature]')!.textContent).toContain('Device signature: Fail');
    expect(row2.querySelector('[aria-label="Verification of receipt 2"]')).not.toBeNull();
  });

  it('tells a placeholder’s “show this time” from its “always allow”, by the button the visitor pressed', async () => {
    const log = await testLog();
    const device = { key: await generateDeviceKey(), prev: null as string | null };
    const notice = await log.appendNotice(testNotice(1), '2026-11-20T09:00:00.000Z');
    const once = await log.appendReceipt(device, {
      method: 'embed-once',
      choices: { analytics: 'denied', maps: 'denied' },
      notice,
      receivedAt: '2026-11-20T10:00:00.000Z',
    });
    await log.appendReceipt(device, {
      method: 'embed',
      choices: { analytics: 'denied', maps: 'granted' },
      notice,
      receivedAt: '2026-11-20T10:05:00.000Z',
    });
    await log.seal();
    const history = await log.history(once.payload!.subject, {}, { analytics: 'denied', maps: 'granted' });
    const root = await mount(<Timeline history={history} verification={null} siteTitles={{}} />, 'fr');
    expect(texts(root, 'li.receipt .method')).toEqual([
      'Contenu intégré, « Afficher cette fois-ci »',
      'Contenu intégré, « Toujours autoriser »',
    ]);
  });

  it('speaks the auditor language: French labels, French dates', async () => {
    const { history, second } = await withdrawalStory();
    const root = await mount(<Timeline history={history} verification={null} siteTitles={{}} />, 'fr');
    expect(texts(root, 'li.receipt .method')).toEqual(['Tout accepter', 'Retrait']);
    expect(root.querySelectorAll('li.receipt h4 time')[1].textContent).toBe(
      createI18n('fr').dateTime(second.receivedAt),
    );
    expect(root.querySelector('h3')!.textContent).toBe('Reçus');
  });

  it('says why a receipt was redacted, in the auditor language', async () => {
    const { history } = await withdrawalStory();
    const at = history.receipts[1].receivedAt;
    history.receipts[0] = {
      ...history.receipts[0],
      jws: null,
      ack: null,
      payload: null,
      redacted: { at, reason: 'erasure' },
    };
    history.receipts[1] = {
      ...history.receipts[1],
      jws: null,
      ack: null,
      payload: null,
      redacted: { at, reason: 'retention' },
    };
    const fr = await mount(<Timeline history={history} verification={null} siteTitles={{}} />, 'fr');
    expect(texts(fr, 'li.receipt .alert-soft')).toEqual([
      `Expurgé le ${createI18n('fr').dateTime(at)} : effacé à la demande du visiteur, signée par son appareil`,
      `Expurgé le ${createI18n('fr').dateTime(at)} : la durée de conservation du site était écoulée`,
    ]);
    document.body.innerHTML = '';
    const de = await mount(<Timeline history={history} verification={null} siteTitles={{}} />, 'de');
    expect(texts(de, 'li.receipt .alert-soft')[1]).toContain('die Aufbewahrungsfrist der Website war abgelaufen');
  });
});

describe('PurposeBars', () => {
  it('draws each purpose granted from its grant to its withdrawal, and says so in words', async () => {
    const { history, first, second } = await withdrawalStory();
    // The axis runs from the first receipt to "now": here, 2 days after the withdrawal.
    const now = Date.parse('2026-11-26T10:00:00.000Z');
    const root = await mount(<PurposeBars history={history} now={now} siteTitles={{}} />);
    await flush();
    const analytics = root.querySelector('[data-purpose=analytics]')!;
    const granted = analytics.querySelector('rect.granted')!;
    // 4 of the 6 days from first receipt to now, on a 600-wide track.
    expect(Number(granted.getAttribute('x'))).toBe(0);
    expect(Number(granted.getAttribute('width'))).toBeCloseTo(400, 5);
    expect(Number(analytics.querySelector('rect.withdrawn')!.getAttribute('x'))).toBeCloseTo(400, 5);
    expect(analytics.querySelector('.granted-word time')!.getAttribute('datetime')).toBe(first.receivedAt);
    expect(analytics.querySelector('.withdrawn-word time')!.getAttribute('datetime')).toBe(second.receivedAt);
    expect(analytics.querySelector('svg')!.getAttribute('aria-label')).toBe(
      `Analytics: granted ${en.dateTime(first.receivedAt)} (Accept all), withdrawn ${en.dateTime(second.receivedAt)} (Withdrawal)`,
    );
    const maps = root.querySelector('[data-purpose=maps]')!;
    expect(Number(maps.querySelector('rect.granted')!.getAttribute('width'))).toBeCloseTo(600, 5);
    expect(maps.querySelector('rect.withdrawn')).toBeNull();
    expect(maps.querySelector('.bar-words')!.textContent).toContain('still granted');
  });

  it('says "never granted" for a purpose only ever denied', async () => {
    const { history } = await withdrawalStory();
    history.timeline.support = [];
    const root = await mount(
      <PurposeBars
        history={history}
        now={Date.parse(history.receipts[1].receivedAt)}
        siteTitles={{ support: 'Live support' }}
      />,
    );
    const support = root.querySelector('[data-purpose=support]')!;
    expect(support.querySelector('.bar-name')!.textContent).toBe('Live support');
    expect(support.querySelector('rect.granted')).toBeNull();
    expect(support.textContent).toContain('never granted');
  });
});
