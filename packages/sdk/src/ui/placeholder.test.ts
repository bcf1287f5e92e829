import { afterEach, describe, expect, it } from 'vitest';
import type { BlockedEmbed } from '../types';
import { embedBox, isTiny } from './embed-box';
import { fakeRuntime, testDocument } from './fake-runtime';
import { click, control, flush, mounted, resetPage } from './test-dom';

afterEach(resetPage);

function page(html: string) {
  document.body.innerHTML = html;
  return [...document.querySelectorAll<HTMLElement>('[data-consent]')];
}

async function withPlaceholders(embeds: (els: HTMLElement[]) => BlockedEmbed[], html: string) {
  const els = page(html);
  const rt = fakeRuntime();
  rt.setEmbeds(embeds(els));
  const m = await mounted(rt);
  const hosts = () => [...document.querySelectorAll<HTMLElement>('[data-consent-placeholder]')];
  return { ...m, rt, els, hosts };
}

const mapsService = () => testDocument().notice.services.find((s) => s.id === 'maps')!;

describe('embed box', () => {
  it('takes width and height attributes as pixels, and keeps percentages', () => {
    const [a, b] = page(
      '<iframe data-consent="maps" width="600" height="450"></iframe><iframe data-consent="maps" width="100%" height="300"></iframe>',
    );
    expect(embedBox(a)).toMatchObject({ width: '600px', height: '450px' });
    expect(embedBox(b)).toMatchObject({ width: '100%', height: '300px' });
  });

  it('reads no computed size when the attributes give it (that lays out the half-parsed page)', () => {
    const [frame] = page('<iframe data-consent="maps" width="100%" height="300"></iframe>');
    const read: string[] = [];
    const original = window.getComputedStyle;
    window.getComputedStyle = ((element: Element) =>
      new Proxy(original(element), {
        get: (style, name) => {
          read.push(String(name));
          return Reflect.get(style, name);
        },
      })) as typeof getComputedStyle;
    try {
      expect(embedBox(frame)).toMatchObject({ width: '100%', height: '300px' });
    } finally {
      window.getComputedStyle = original;
    }
    expect(read).not.toContain('width');
    expect(read).not.toContain('height');
  });

  it('prefers the inline style, then the computed size', () => {
    const [a] = page(
      '<style>.v{width:320px;height:180px;display:block}</style><video data-consent="audiovideo" style="width:50%" height="200"></video><video data-consent="audiovideo" class="v"></video>',
    );
    const b = document.querySelector<HTMLElement>('.v')!;
    expect(embedBox(a)).toMatchObject({ width: '50%', height: '200px' });
    expect(embedBox(b)).toMatchObject({ width: '320px', height: '180px', display: 'block' });
  });

  it('gives an inline embed an inline-block box, and tells a tracking pixel from an embed', () => {
    const [img, frame] = page(
      '<img data-consent="marketing" width="1" height="1"><iframe data-consent="maps" width="400" height="300"></iframe>',
    );
    expect(embedBox(frame).display).toBe('inline-block');
    expect(isTiny(embedBox(img))).toBe(true);
    expect(isTiny(embedBox(frame))).toBe(false);
  });
});

describe('placeholders', () => {
  it('stand in the exact box of each blocked embed, which is hidden meanwhile', async () => {
    const { hosts, els } = await withPlaceholders(
      (els) => [
        { element: els[0], purpose: 'maps', service: mapsService() },
        { element: els[1], purpose: 'audiovideo', service: null },
      ],
      '<iframe data-consent="maps" width="600" height="450" title="Cabinet"></iframe><p>between</p><video data-consent="audiovideo" style="width:100%;height:240px" data-src="https://player.example.net/v.mp4"></video>',
    );
    const [maps, video] = hosts();
    expect(maps.nextElementSibling).toBe(els[0]);
    expect([maps.style.width, maps.style.minHeight, maps.style.maxWidth]).toEqual(['600px', '450px', '100%']);
    expect([video.style.width, video.style.minHeight]).toEqual(['100%', '240px']);
    // It may grow past that height when its text needs more (a narrow phone), never cut an answer off.
    expect([maps.style.height, maps.style.display, video.style.display]).toEqual(['', 'inline-flex', 'inline-flex']);
    expect(maps.dataset.consentPlaceholder).toBe('maps');
    expect(els[0].style.display).toBe('none');
    expect(maps.shadowRoot!.mode).toBe('open');
    expect(maps.shadowRoot!.adoptedStyleSheets).toHaveLength(1);
  });

  it("stand in a template's embed with that embed's box, before the template", async () => {
    const { hosts, els } = await withPlaceholders(
      (els) => [{ element: els[0], purpose: 'maps', service: mapsService() }],
      '<template data-consent="maps"><iframe src="https://www.google.com/maps/embed?pb=1" width="100%" height="300"></iframe></template>',
    );
    const [maps] = hosts();
    expect(maps.nextElementSibling).toBe(els[0]);
    expect([maps.style.width, maps.style.minHeight, maps.style.display]).toEqual(['100%', '300px', 'inline-flex']);
  });

  it('say who provides the embed, for which purpose, and offer both ways to load it', async () => {
    const { hosts } = await withPlaceholders(
      (els) => [
        { element: els[0], purpose: 'maps', service: mapsService() },
        { element: els[1], purpose: 'audiovideo', service: null },
      ],
      '<iframe data-consent="maps" width="600" height="450"></iframe><iframe data-consent="audiovideo" width="600" height="400" data-src="https://video.example.net/room/1"></iframe>',
    );
    const [maps, video] = hosts().map((h) => h.shadowRoot!);
    const group = maps.querySelector('[role=group]')!;
    expect(group.getAttribute('aria-label')).toBe('Google Maps');
    expect(group.textContent).toContain('placeholder.text Google Google Maps title:maps');
    expect(control(maps, 'placeholder.loadOnce').className).toBe('b q');
    expect(control(maps, 'placeholder.alwaysAllow title:maps').className).toBe('b q');
    // Without a known service, the provider is the embed's host.
    expect(video.querySelector('p')!.textContent).toBe(
      'placeholder.text video.example.net video.example.net title:audiovideo',
    );
  });

  it('"Load this time" loads that embed only, and its placeholder goes', async () => {
    const { hosts, rt, els } = await withPlaceholders(
      (els) => els.map((element) => ({ element, purpose: 'maps', service: mapsService() })),
      '<iframe data-consent="maps" width="600" height="450"></iframe><iframe data-consent="maps" width="300" height="200"></iframe>',
    );
    await click(control(hosts()[0].shadowRoot!, 'placeholder.loadOnce'));
    await flush();
    expect(rt.calls).toEqual([['loadEmbedOnce', els[0]]]);
    expect(hosts()).toHaveLength(1);
    expect(hosts()[0].nextElementSibling).toBe(els[1]);
    expect(els[0].style.display).toBe('');
    expect(document.activeElement).toBe(els[0]);
  });

  it('"Always allow" grants the purpose with method embed, removing every placeholder of it', async () => {
    const { hosts, rt, els } = await withPlaceholders(
      (els) => [
        { element: els[0], purpose: 'maps', service: mapsService() },
        { element: els[1], purpose: 'maps', service: mapsService() },
        { element: els[2], purpose: 'audiovideo', service: null },
      ],
      '<iframe data-consent="maps" width="600" height="450"></iframe><iframe data-consent="maps" width="300" height="200"></iframe><iframe data-consent="audiovideo" width="300" height="200" style="display:block"></iframe>',
    );
    await click(control(hosts()[1].shadowRoot!, 'placeholder.alwaysAllow title:maps'));
    await flush();
    expect(rt.calls).toEqual([['decide', { maps: 'granted' }, 'embed']]);
    expect(hosts().map((h) => h.dataset.consentPlaceholder)).toEqual(['audiovideo']);
    expect(els[2].style.display).toBe('none');
  });

  it('draw nothing for a tracking pixel, nor before the notice is known', async () => {
    const { hosts } = await withPlaceholders(
      (els) => [{ element: els[0], purpose: 'marketing', service: null }],
      '<img data-consent="marketing" width="1" height="1">',
    );
    expect(hosts()).toHaveLength(0);
    resetPage();
    const [frame] = page('<iframe data-consent="maps" width="600" height="450"></iframe>');
    const rt = fakeRuntime(null);
    rt.setEmbeds([{ element: frame, purpose: 'maps', service: null }]);
    await mounted(rt);
    expect(document.querySelector('[data-consent-placeholder]')).toBeNull();
  });

  it('follow embeds added later, and go away when the UI is removed', async () => {
    const { hosts, rt, els, unmount } = await withPlaceholders(
      () => [],
      '<iframe data-consent="maps" width="600" height="450"></iframe>',
    );
    expect(hosts()).toHaveLength(0);
    rt.setEmbeds([{ element: els[0], purpose: 'maps', service: mapsService() }]);
    await flush();
    expect(hosts()).toHaveLength(1);
    unmount();
    expect(hosts()).toHaveLength(0);
    expect(els[0].style.display).toBe('');
  });
});
