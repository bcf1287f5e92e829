import { describe, expect, it } from 'vitest';
import { freshPage, payloadOf, settled } from '../test/page';
import type { AskRequest } from './types';

const page = () => freshPage('clikodoc', 'https://www.clikodoc.com/teleconsultation');
const video = '<iframe data-consent="audiovideo" data-src="https://video.example/room" title="Call"></iframe>';

describe('ask(): one purpose asked when the page needs it', () => {
  it('Allow: the question names the purpose and its services; the purpose is granted, its embed loads, an in-context receipt', async () => {
    const { start } = await page();
    document.body.insertAdjacentHTML('beforeend', video);
    const rt = start();
    await rt.ready;
    await rt.decide({ analytics: 'granted' }, 'save');
    const asked: AskRequest[] = [];
    rt.on('ask', (q) => {
      asked.push(q);
      void q.answer(true);
    });
    expect(await rt.ask('audiovideo', { reason: 'To start your video consultation' })).toBe(true);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ purpose: { id: 'audiovideo' }, reason: 'To start your video consultation' });
    expect(asked[0].purpose.title).toBe(rt.get().document?.notice.purposes.find((p) => p.id === 'audiovideo')?.title);
    expect(asked[0].services.map((s) => s.id)).toEqual(['twilio-video']);
    expect(rt.get().choices).toEqual({
      analytics: 'granted',
      maps: 'denied',
      audiovideo: 'granted',
      support: 'denied',
    });
    expect(document.querySelector('iframe')?.getAttribute('src')).toBe('https://video.example/room');
    const items = await settled(rt);
    expect(items.map((i) => [i.method, i.status])).toEqual([
      ['save', 'acknowledged'],
      ['in-context', 'acknowledged'],
    ]);
    expect(payloadOf(items[1].jws)).toMatchObject({
      method: 'in-context',
      choices: { analytics: 'granted', maps: 'denied', audiovideo: 'granted', support: 'denied' },
    });
    // Granted now: asked again, it answers at once, without a question.
    expect(await rt.ask('audiovideo')).toBe(true);
    expect(asked).toHaveLength(1);
  });

  it('Not now: nothing loads, the refusal is a receipt, and this page view does not ask again', async () => {
    const { start } = await page();
    document.body.insertAdjacentHTML('beforeend', video);
    const rt = start();
    await rt.ready;
    let questions = 0;
    rt.on('ask', (q) => {
      questions++;
      void q.answer(false);
    });
    expect(await rt.ask('audiovideo')).toBe(false);
    expect(await rt.ask('audiovideo')).toBe(false);
    expect(questions).toBe(1);
    expect(document.querySelector('iframe')?.hasAttribute('src')).toBe(false);
    // "Not now" decides nothing else: a first visit's banner still asks.
    expect(rt.get()).toMatchObject({ status: 'needs-decision', choices: { audiovideo: 'denied' } });
    const items = await settled(rt);
    expect(items.map((i) => i.method)).toEqual(['in-context']);
    expect(payloadOf(items[0].jws).choices).toEqual({
      analytics: 'denied',
      maps: 'denied',
      audiovideo: 'denied',
      support: 'denied',
    });
    // Another purpose is still asked.
    expect(await rt.ask('maps')).toBe(false);
    expect(questions).toBe(2);
  });

  it('asks once while the question is on screen; only the first answer counts', async () => {
    const { start } = await page();
    const rt = start();
    await rt.ready;
    const asked: AskRequest[] = [];
    rt.on('ask', (q) => asked.push(q));
    const first = rt.ask('audiovideo');
    const second = rt.ask('audiovideo');
    await expect.poll(() => asked.length).toBe(1);
    await asked[0].answer(true);
    await asked[0].answer(false);
    expect([await first, await second]).toEqual([true, true]);
    expect(asked).toHaveLength(1);
    expect((await settled(rt)).map((i) => i.method)).toEqual(['in-context']);
  });

  it('refuses a purpose the site does not ask, and a question nothing draws', async () => {
    const { start } = await page();
    const rt = start();
    await rt.ready;
    await expect(rt.ask('camera')).rejects.toThrow('does not ask for "camera"');
    await expect(rt.ask('necessary')).resolves.toBe(true);
    await expect(rt.ask('audiovideo')).rejects.toThrow('nothing draws the question');
    expect(await rt.history()).toEqual([]);
  });

  it('rejects when the question cannot be drawn, records nothing, and may ask again later', async () => {
    const { start } = await page();
    const rt = start();
    await rt.ready;
    const asked: AskRequest[] = [];
    const drawn = rt.on('ask', (q) => asked.push(q));
    const first = rt.ask('audiovideo');
    await expect.poll(() => asked.length).toBe(1);
    asked[0].fail(new Error('the prompt did not load'));
    await expect(first).rejects.toThrow('the prompt did not load');
    expect(await rt.history()).toEqual([]);
    // Not a refusal: the next call asks again, and only its answer counts.
    const second = rt.ask('audiovideo');
    await expect.poll(() => asked.length).toBe(2);
    await asked[1].answer(true);
    asked[0].fail(new Error('late'));
    expect(await second).toBe(true);
    drawn();
  });
});
