// The shipped file, not the sources: dist/consent.js (minified, rebuilt here) runs in the page with
// the real runtime, against the collector double, as a site's <script> tag would start it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixtureDocument } from '../../test/collector-double';
import { freshPage, settled } from '../../test/page';
import type { ConsentRuntime } from '../types';
import { click, control, flush, key } from './test-dom';

const sdk = join(dirname(fileURLToPath(import.meta.url)), '../..');
let bundle = '';
/** Runs code as a classic <script> does: in the page's global scope (an indirect eval), not this module's. */
// biome-ignore lint/security/noGlobalEval: the test must run the built bundle itself as the page's script
const runAsScript: (code: string) => unknown = eval;

/** The chunks consent.js loaded, by URL. */
const chunksLoaded: string[] = [];

beforeAll(() => {
  const built = spawnSync(process.execPath, [join(sdk, 'build.mjs')], { encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
  bundle = readFileSync(join(sdk, 'dist/consent.js'), 'utf8');
  // happy-dom runs no script file: run consent.js's chunks (dist/consent-*.<hash>.js) as the browser
  // would when the bundle adds their <script>, with that element as document.currentScript.
  new MutationObserver((records) => {
    for (const node of records.flatMap((r) => [...r.addedNodes]))
      if (node instanceof HTMLScriptElement && /\/consent-\w+\.[0-9a-f]{12}\.js$/.test(node.src)) {
        chunksLoaded.push(node.src);
        const currentScript = vi.spyOn(document, 'currentScript', 'get').mockReturnValue(node);
        try {
          runAsScript(readFileSync(join(sdk, 'dist', basename(new URL(node.src).pathname)), 'utf8'));
        } finally {
          currentScript.mockRestore();
        }
      }
  }).observe(document.head, { childList: true });
});

type W = Window & { ConsentLedger?: ConsentRuntime; dataLayer?: unknown[] };

afterEach(() => {
  (window as W).ConsentLedger?.destroy();
  delete (window as W).ConsentLedger;
  document.documentElement.removeAttribute('lang');
  document.head.innerHTML = '';
});

/** Runs consent.js as the page's <script> with these data- attributes; returns the runtime it exposes. */
async function scriptTag(attributes: Record<string, string>, src = 'http://localhost:8080/consent.js') {
  const script = document.createElement('script');
  script.src = src;
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(`data-${name}`, value);
  const currentScript = vi.spyOn(document, 'currentScript', 'get').mockReturnValue(script);
  runAsScript(bundle);
  currentScript.mockRestore();
  const rt = (window as W).ConsentLedger!;
  await rt.ready;
  await flush();
  return { rt, root: document.getElementById('consent-ledger')!.shadowRoot! };
}

// The map stays blocked in these tests (happy-dom would fetch it); the video is the one loaded.
const page =
  '<main><h1>Dr Martin</h1><iframe data-consent="maps" data-src="https://www.google.com/maps/embed?pb=1" width="600" height="450" title="Plan"></iframe>' +
  '<video data-consent="audiovideo" data-src="https://video.twilio.com/room.mp4" width="640" height="360"></video></main>' +
  '<script type="text/plain" data-consent="analytics" id="ga">1</script>';
const analyticsRan = () => document.getElementById('ga')!.getAttribute('type') !== 'text/plain';

/** The visitor's receipts once there are `count` and all are answered. */
async function receipts(rt: ConsentRuntime, count: number) {
  await vi.waitFor(async () => expect(await rt.history()).toHaveLength(count));
  return settled(rt);
}

describe('consent.js (minified) in a page', () => {
  it('is one strict IIFE that adds nothing to the page but window.ConsentLedger', async () => {
    expect(bundle).toMatch(/^"use strict";\(\(\)=>\{/);
    expect(bundle).not.toMatch(/\bimport\(|\bexport\b/);
    await freshPage('clikodoc', 'http://localhost:8080/');
    const before = new Set(Object.keys(window));
    await scriptTag({ site: 'clikodoc' });
    expect(Object.keys(window).filter((k) => !before.has(k))).toEqual(['ConsentLedger']);
  });

  it('fetches the config in the page language from its own origin, then shows the French banner', async () => {
    const { collector } = await freshPage('clikodoc', 'http://localhost:8080/praticiens');
    document.documentElement.lang = 'fr-FR';
    document.body.innerHTML = page;
    const { root } = await scriptTag({ site: 'clikodoc' });
    const url = String(vi.mocked(fetch).mock.calls[0][0]);
    expect(url.startsWith('http://localhost:8080/v1/sites/clikodoc/config?lang=fr-fr')).toBe(true);
    const region = root.querySelector('section[aria-label]')!;
    expect(region.getAttribute('aria-label')).toBe(collector.doc.notice.texts['banner.label']);
    expect([...region.querySelectorAll('.acts button')].map((b) => b.textContent)).toEqual([
      'Tout accepter',
      'Tout refuser',
      'Personnaliser',
    ]);
    expect(region.textContent).toContain('clikOdoc');
    expect(document.body.firstElementChild!.id).toBe('consent-ledger');
    // The map waits behind its placeholder; the analytics script has not run.
    const placeholder = document.querySelector<HTMLElement>('[data-consent-placeholder=maps]')!;
    expect([placeholder.style.width, placeholder.style.minHeight]).toEqual(['600px', '450px']);
    expect(placeholder.shadowRoot!.textContent).toContain('Google Maps');
    expect(analyticsRan()).toBe(false);
  });

  it('data-collector, data-lang and an inline config document: no config request at all', async () => {
    const doc = fixtureDocument('clikodoc', {}, 'en');
    await freshPage('clikodoc', 'http://localhost:8080/en', doc);
    document.body.innerHTML = `<script type="application/json" id="consent-ledger-config">${JSON.stringify(doc)}</script>${page}`;
    const { root, rt } = await scriptTag(
      { site: 'clikodoc', collector: 'https://consent.example.org', lang: 'en' },
      'https://cdn.example.net/consent.js',
    );
    expect(vi.mocked(fetch).mock.calls.some(([u]) => String(u).includes('/config'))).toBe(false);
    expect(control(root, 'Accept all')).toBeTruthy();
    await click(control(root, 'Reject all'));
    await receipts(rt, 1);
    expect(vi.mocked(fetch).mock.calls.map(([u]) => new URL(String(u)).origin)).toContain(
      'https://consent.example.org',
    );
  });

  it("data-consent-mode pushes Consent Mode's default synchronously, before the config is fetched", async () => {
    await freshPage('clikodoc', 'http://localhost:8080/');
    const script = document.createElement('script');
    script.src = 'http://localhost:8080/consent.js';
    script.dataset.site = 'clikodoc';
    script.setAttribute('data-consent-mode', '');
    const currentScript = vi.spyOn(document, 'currentScript', 'get').mockReturnValue(script);
    runAsScript(bundle);
    currentScript.mockRestore();
    const layer = (window as W).dataLayer!;
    expect(layer.map((a) => [...(a as IArguments)].slice(0, 2).join(' '))).toEqual(['consent default']);
    expect(vi.mocked(fetch).mock.calls.some(([u]) => String(u).includes('/config'))).toBe(false);
    await (window as W).ConsentLedger!.ready;
  });

  it('Reject all records a signed receipt the collector acknowledges, and the re-open button appears', async () => {
    const { collector } = await freshPage('clikodoc', 'http://localhost:8080/praticiens');
    document.documentElement.lang = 'fr';
    document.body.innerHTML = page;
    const { root, rt } = await scriptTag({ site: 'clikodoc' });
    await click(control(root, 'Tout refuser'));
    const [item] = await receipts(rt, 1);
    expect(item).toMatchObject({
      method: 'reject-all',
      status: 'acknowledged',
      choices: { analytics: 'denied', maps: 'denied', audiovideo: 'denied', support: 'denied' },
    });
    expect(collector.logged).toEqual([item.id]);
    await flush();
    expect(root.querySelector('section[aria-label]')).toBeNull();
    expect(root.activeElement).toBe(control(root, 'Gérer mes cookies'));
  });

  it("keeps the site's theme fields whole: position top, re-open button on the right", async () => {
    // The bundle shortens internal property names: none may be a config field's.
    const doc = fixtureDocument('clikodoc', { theme: { position: 'top', reopen: 'right' } }, 'en');
    await freshPage('clikodoc', 'http://localhost:8080/en', doc);
    document.body.innerHTML = `<script type="application/json" id="consent-ledger-config">${JSON.stringify(doc)}</script>`;
    const { root, rt } = await scriptTag({ site: 'clikodoc' });
    expect(root.querySelector('section[aria-label]')!.className).toBe('bn top');
    await click(control(root, 'Reject all'));
    await receipts(rt, 1);
    await flush();
    expect(control(root, 'Cookie settings').className).toBe('ro right');
  });

  it('a placeholder loads its embed once (method embed-once); the dialog saves one purpose; history shows both', async () => {
    await freshPage('clikodoc', 'http://localhost:8080/praticiens');
    document.documentElement.lang = 'fr';
    document.body.innerHTML = page;
    const { root, rt } = await scriptTag({ site: 'clikodoc' });
    const video = document.querySelector('video')!;
    const placeholders = () =>
      [...document.querySelectorAll<HTMLElement>('[data-consent-placeholder]')].map(
        (p) => p.dataset.consentPlaceholder,
      );
    expect(placeholders()).toEqual(['maps', 'audiovideo']);
    await click(
      control(document.querySelector('[data-consent-placeholder=audiovideo]')!.shadowRoot!, 'Afficher cette fois-ci'),
    );
    await vi.waitFor(() => expect(video.getAttribute('src')).toBe('https://video.twilio.com/room.mp4'));
    expect(placeholders()).toEqual(['maps']);

    const customize = control(root, 'Personnaliser');
    customize.focus();
    await click(customize);
    const dialog = root.querySelector<HTMLElement>('[role=dialog]')!;
    expect(root.activeElement).toBe(dialog);
    const analytics = [...dialog.querySelectorAll<HTMLElement>('[role=switch]')].find(
      (s) => root.getElementById(s.getAttribute('aria-labelledby')!)!.textContent === 'Mesure d’audience',
    )!;
    expect(await key(dialog, 'Tab', true)).toBe(true);
    await click(analytics);
    await click(control(dialog, 'Enregistrer mes choix'));
    await vi.waitFor(() => expect(analyticsRan()).toBe(true));
    const items = await receipts(rt, 2);
    expect(items.map((i) => [i.method, i.choices.analytics])).toEqual([
      ['embed-once', 'denied'],
      ['save', 'granted'],
    ]);

    rt.show('history');
    await vi.waitFor(() => expect(root.querySelectorAll('[role=dialog] li.svc')).toHaveLength(2));
    const history = root.querySelector<HTMLElement>('[role=dialog]')!;
    expect(history.querySelector('h2')!.textContent).toBe(rt.get().document!.notice.texts['history.title']);
    const acknowledged = rt.get().document!.notice.texts['history.acknowledged'];
    expect([...history.querySelectorAll('li.svc dd:last-child')].map((d) => d.textContent)).toEqual([
      acknowledged,
      acknowledged,
    ]);
    await key(history, 'Escape');
    expect(root.querySelector('[role=dialog]')).toBeNull();
  });

  it('ask(): the in-context prompt from the views chunk; Not now loads nothing and is not asked again, Allow loads the video', async () => {
    await freshPage('clikodoc', 'http://localhost:8080/teleconsultation');
    document.documentElement.lang = 'fr';
    document.body.innerHTML = `${page}<button type="button" id="call">Démarrer l’appel</button>`;
    const { root, rt } = await scriptTag({ site: 'clikodoc' });
    await click(control(root, 'Tout refuser'));
    // Once the banner's answer is recorded, focus went to the re-open button: the visitor moves on to the call.
    await receipts(rt, 1);
    await flush();
    const call = document.getElementById('call')!;
    call.focus();
    const first = rt.ask('audiovideo', { reason: 'Pour démarrer votre téléconsultation' });
    await vi.waitFor(() => expect(root.querySelector('[role=dialog]')).not.toBeNull());
    const prompt = root.querySelector<HTMLElement>('[role=dialog]')!;
    expect(root.activeElement).toBe(prompt);
    expect(prompt.querySelector('h2')!.textContent).toBe('Audio et vidéo');
    expect(prompt.textContent).toContain('Pour démarrer votre téléconsultation');
    expect(prompt.textContent).toContain('Twilio Video');
    await click(control(prompt, 'Pas maintenant'));
    expect(await first).toBe(false);
    expect(await rt.ask('audiovideo')).toBe(false);
    expect(root.querySelector('[role=dialog]')).toBeNull();
    expect(document.activeElement).toBe(call);
    expect(document.querySelector('video')!.hasAttribute('src')).toBe(false);

    await rt.decide({ audiovideo: 'denied' }, 'save');
    (window as W).ConsentLedger!.destroy();
    delete (window as W).ConsentLedger;
    // The next page view asks again: Allow.
    const next = await scriptTag({ site: 'clikodoc' });
    const second = next.rt.ask('audiovideo');
    await vi.waitFor(() => expect(next.root.querySelector('[role=dialog]')).not.toBeNull());
    await click(control(next.root.querySelector('[role=dialog]')!, 'Autoriser'));
    expect(await second).toBe(true);
    await vi.waitFor(() =>
      expect(document.querySelector('video')!.getAttribute('src')).toBe('https://video.twilio.com/room.mp4'),
    );
    const items = await receipts(next.rt, 4);
    expect(items.map((i) => [i.method, i.choices.audiovideo])).toEqual([
      ['reject-all', 'denied'],
      ['in-context', 'denied'],
      ['save', 'denied'],
      ['in-context', 'granted'],
    ]);
  });
});
