import { beforeEach, describe, expect, it } from 'vitest';
import { fixtureDocument } from '../../test/collector-double';
import {
  blockedEmbeds,
  EMBED_SELECTOR,
  embedHost,
  embedOf,
  isBlocked,
  loadEmbed,
  serviceOf,
  standing,
  unloadEmbed,
} from './embeds';

const { services } = fixtureDocument('clikodoc').notice;
const $ = <E extends HTMLElement>(s: string) => document.querySelector<E>(s)!;

beforeEach(() => {
  document.body.innerHTML = `
    <iframe id="map" data-consent="maps" data-src="https://www.google.com/maps/embed?pb=1" title="Cabinet"></iframe>
    <img id="pixel" data-consent="analytics" data-src="/p.gif" data-srcset="/p.gif 1x, /p2.gif 2x" alt="">
    <video id="video" data-consent="audiovideo"><source data-src="https://video.twilio.com/v.mp4" type="video/mp4"></video>`;
});

it('reports every gated embed as blocked with its service, <source> drawn by its media element', () => {
  const list = blockedEmbeds([...document.querySelectorAll<HTMLElement>(EMBED_SELECTOR)], services);
  expect(list.map((e) => [e.element.id, e.purpose, e.service?.id ?? null])).toEqual([
    ['map', 'maps', 'google-maps'],
    ['pixel', 'analytics', null],
    ['video', 'audiovideo', 'twilio-video'],
  ]);
  expect($('#map').hasAttribute('src')).toBe(false);
});

it('names the service by host or parent host, within the purpose only', () => {
  const el = document.createElement('iframe');
  el.setAttribute('data-src', 'https://eu.maps.googleapis.com/x');
  expect(serviceOf(el, 'maps', services)?.id).toBe('google-maps');
  expect(serviceOf(el, 'analytics', services)).toBeNull();
});

it('loads URLs from data-src / data-srcset, sources included, and unloads back to inert', () => {
  loadEmbed($('#pixel'));
  loadEmbed($('#video'));
  expect($('#pixel').getAttribute('src')).toBe('/p.gif');
  expect($('#pixel').getAttribute('srcset')).toBe('/p.gif 1x, /p2.gif 2x');
  expect($('#video source').getAttribute('src')).toBe('https://video.twilio.com/v.mp4');
  expect(isBlocked($('#video'))).toBe(false);
  const copy = unloadEmbed($('#video'));
  expect(copy.isConnected).toBe(true);
  expect(copy.querySelector('source')!.hasAttribute('src')).toBe(false);
  expect(copy.querySelector('source')!.getAttribute('data-src')).toBe('https://video.twilio.com/v.mp4');
  expect(isBlocked(copy)).toBe(true);
});

describe('an embed written inside a <template>', () => {
  const TEMPLATE = `<template id="t" data-consent="maps"><iframe id="inner" src="https://www.google.com/maps/embed?pb=1" title="Cabinet" width="600" height="450"></iframe>
    <p id="caption">Plan</p></template>`;
  beforeEach(() => {
    document.body.innerHTML = `<p>before</p>${TEMPLATE}<p>after</p>`;
  });

  it('is blocked with the service of its URL, and makes no frame meanwhile', () => {
    const list = blockedEmbeds([...document.querySelectorAll<HTMLElement>(EMBED_SELECTOR)], services);
    expect(list.map((e) => [e.element.id, e.purpose, e.service?.id])).toEqual([['t', 'maps', 'google-maps']]);
    expect(embedHost($('#t'))).toBe('www.google.com');
    expect(embedOf($('#t'))!.id).toBe('inner');
    expect(document.querySelector('iframe')).toBeNull();
  });

  it('loads as its content in its place, each element carrying its purpose', () => {
    const template = $('#t');
    loadEmbed(template);
    expect(template.isConnected).toBe(false);
    expect([...document.body.children].map((el) => el.id || el.tagName)).toEqual(['P', 'inner', 'caption', 'P']);
    expect($('#inner').getAttribute('src')).toBe('https://www.google.com/maps/embed?pb=1');
    expect($('#caption').getAttribute('data-consent')).toBe('maps');
    expect(isBlocked($('#inner'))).toBe(false);
    expect(standing(template)).toBe($('#inner'));
  });

  it('goes back to its template at a withdrawal, whichever of its elements is unloaded first', () => {
    const template = $('#t');
    loadEmbed(template);
    const [frame, caption] = [$('#inner'), $('#caption')];
    expect(unloadEmbed(caption)).toBe(template);
    expect(unloadEmbed(frame)).toBe(template);
    expect(frame.isConnected || caption.isConnected).toBe(false);
    expect(document.body.innerHTML).toBe(`<p>before</p>${TEMPLATE}<p>after</p>`);
    expect(isBlocked(template)).toBe(true);
    // Granted again, it loads again.
    loadEmbed(template);
    expect(document.querySelectorAll('iframe')).toHaveLength(1);
  });
});
