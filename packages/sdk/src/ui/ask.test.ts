import { afterEach, describe, expect, it } from 'vitest';
import { fakeRuntime, testDocument } from './fake-runtime';
import { click, control, flush, key, mounted, resetPage } from './test-dom';

afterEach(resetPage);

const doc = () => {
  const base = testDocument();
  return testDocument({
    services: [
      ...base.config.services,
      {
        id: 'video',
        name: 'Visio Santé',
        provider: 'Visio SAS',
        purpose: 'audiovideo',
        transfer: 'FR',
        cookies: [],
        privacyUrl: 'https://visio.example/privacy',
      },
    ],
  });
};

/** A returning visitor (analytics granted) on a page whose "Start the call" button calls ask('audiovideo'). */
async function asking(reason?: string) {
  const rt = fakeRuntime(doc(), {
    status: 'decided',
    reason: null,
    choices: { analytics: 'granted', marketing: 'denied', maps: 'denied', audiovideo: 'denied' },
  });
  const m = await mounted(rt);
  document.body.insertAdjacentHTML('beforeend', '<button type="button" id="call">Start the call</button>');
  const call = document.getElementById('call')!;
  call.focus();
  const answer = rt.ask('audiovideo', { reason });
  await flush();
  const prompt = m.root.querySelector<HTMLElement>('[role=dialog]')!;
  return { ...m, rt, call, answer, prompt };
}

describe('the in-context prompt of ask()', () => {
  it('is a labelled modal dialog that takes focus, naming the purpose, the page’s reason and the purpose’s services', async () => {
    const { root, prompt } = await asking('To start your video consultation');
    expect(prompt.getAttribute('aria-modal')).toBe('true');
    expect(root.getElementById(prompt.getAttribute('aria-labelledby')!)!.textContent).toBe('title:audiovideo');
    expect(root.getElementById(prompt.getAttribute('aria-describedby')!)!.textContent).toBe(
      'To start your video consultationask.text',
    );
    expect(root.activeElement).toBe(prompt);
    const services = [...prompt.querySelectorAll('.svc b')].map((b) => b.textContent);
    expect(services).toEqual(['Visio Santé']);
    expect(prompt.textContent).toContain('Visio SAS');
    expect(prompt.textContent).not.toContain('Google');
  });

  it('offers Allow and Not now with equal weight, in one row of the same buttons', async () => {
    const { prompt } = await asking();
    const answers = [...prompt.querySelectorAll<HTMLElement>('.acts button')];
    expect(answers.map((b) => [b.textContent, b.className])).toEqual([
      ['ask.allow', 'b'],
      ['ask.decline', 'b'],
    ]);
  });

  it('Allow: resolves true, records an in-context receipt granting the purpose, and gives focus back to the page’s button', async () => {
    const { root, rt, call, answer, prompt } = await asking();
    await click(control(prompt, 'ask.allow'));
    expect(await answer).toBe(true);
    expect(root.querySelector('[role=dialog]')).toBeNull();
    expect(document.activeElement).toBe(call);
    expect(rt.items.map((i) => [i.method, i.choices.audiovideo, i.choices.analytics])).toEqual([
      ['in-context', 'granted', 'granted'],
    ]);
  });

  it('Escape is Not now: resolves false, records the refusal, closes, and gives focus back', async () => {
    const { root, rt, call, answer, prompt } = await asking();
    expect(await key(prompt, 'Escape')).toBe(true);
    expect(await answer).toBe(false);
    expect(root.querySelector('[role=dialog]')).toBeNull();
    expect(document.activeElement).toBe(call);
    expect(rt.items.map((i) => [i.method, i.choices.audiovideo])).toEqual([['in-context', 'denied']]);
  });

  it('keeps Tab and Shift+Tab inside the prompt', async () => {
    const { root, prompt } = await asking();
    const controls = [...prompt.querySelectorAll<HTMLElement>('button,a[href]')];
    expect(controls.map((c) => c.textContent)).toEqual(['service.privacy', 'ask.allow', 'ask.decline']);
    controls.at(-1)!.focus();
    expect(await key(controls.at(-1)!, 'Tab')).toBe(true);
    expect(root.activeElement).toBe(controls[0]);
    expect(await key(controls[0], 'Tab', true)).toBe(true);
    expect(root.activeElement).toBe(controls.at(-1));
  });

  it('draws questions for two purposes one after the other', async () => {
    const { root, rt, prompt } = await asking();
    const maps = rt.ask('maps');
    await flush();
    expect(root.querySelectorAll('[role=dialog]')).toHaveLength(1);
    await click(control(prompt, 'ask.decline'));
    const next = root.querySelector<HTMLElement>('[role=dialog]')!;
    expect(root.getElementById(next.getAttribute('aria-labelledby')!)!.textContent).toBe('title:maps');
    expect(root.activeElement).toBe(next);
    await click(control(next, 'ask.allow'));
    expect(await maps).toBe(true);
    expect(root.querySelector('[role=dialog]')).toBeNull();
  });
});
