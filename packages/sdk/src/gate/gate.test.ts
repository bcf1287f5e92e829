import { afterEach, expect, it, vi } from 'vitest';
import { createGate } from './gate';

const granted = new Set<string>();
const gate = () =>
  createGate({ root: document, allowed: (p) => granted.has(p), services: () => [], onEmbeds: () => undefined });

afterEach(() => {
  granted.clear();
  Reflect.deleteProperty(document, 'readyState');
});

it('starts granted scripts while the page is parsed, but loads its granted frames once it is parsed', async () => {
  Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
  document.body.innerHTML = `<iframe data-consent="maps" data-src="https://maps.example/embed"></iframe>
    <script type="text/plain" data-consent="analytics">window.ran = true</script>`;
  granted.add('maps').add('analytics');
  const g = gate();
  await g.apply();
  expect(document.querySelector('script[data-consent]')!.getAttribute('type')).toBeNull();
  expect(document.querySelector('iframe')!.hasAttribute('src')).toBe(false);
  // Not blocked meanwhile: no placeholder is drawn over a frame about to load.
  expect(g.blocked()).toEqual([]);
  Reflect.deleteProperty(document, 'readyState');
  document.dispatchEvent(new Event('DOMContentLoaded'));
  await new Promise((resolve) => setTimeout(resolve));
  expect(document.querySelector('iframe')!.getAttribute('src')).toBe('https://maps.example/embed');
  g.stop();
});

it('puts a template back at a withdrawal, whatever element it held', async () => {
  document.body.innerHTML = `<template data-consent="maps"><div class="widget">map</div></template>`;
  granted.add('maps');
  const g = gate();
  await g.apply();
  expect(document.querySelector('.widget')!.getAttribute('data-consent')).toBe('maps');
  g.revoke(['maps']);
  expect(document.querySelector('.widget')).toBeNull();
  expect(document.querySelector('template[data-consent="maps"]')).not.toBeNull();
  g.stop();
});

it('does not let a tag that never loads hold the granted frames more than a second', async () => {
  document.body.innerHTML = `<script type="text/plain" data-consent="analytics" src="https://slow.example/tag.js"></script>
    <iframe data-consent="maps" data-src="https://maps.example/embed"></iframe>`;
  granted.add('maps').add('analytics');
  // As if it hung: nothing hears its load or error.
  const listen = vi.spyOn(HTMLScriptElement.prototype, 'addEventListener').mockImplementation(() => undefined);
  const g = gate();
  void g.apply();
  const live = document.querySelector('script[src="https://slow.example/tag.js"]')!;
  // The tag has started (never loaded nor failed here), and the frame waits for it...
  expect(live.getAttribute('type')).toBeNull();
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(document.querySelector('iframe')!.hasAttribute('src')).toBe(false);
  // ...for a second at most.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(document.querySelector('iframe')!.getAttribute('src')).toBe('https://maps.example/embed');
  listen.mockRestore();
  g.stop();
});
