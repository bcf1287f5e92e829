import { describe, expect, it, vi } from 'vitest';
import { fixtureDocument } from '../../test/collector-double';
import { freshPage } from '../../test/page';
import type { BlockedResource } from '../types';
import { installHolder } from './holder';

// One holder for the file (it patches the page's prototypes for good, as on a real page).
const granted = new Set<string>();
const held: BlockedResource[] = [];
installHolder({
  heldFor: (url) => {
    const { hostname } = new URL(url);
    const purposes =
      hostname === 'px.tracker.example'
        ? ['marketing']
        : hostname === 'shared.example'
          ? ['analytics', 'marketing']
          : [];
    return purposes.some((p) => !granted.has(p)) ? purposes : [];
  },
  onHold: (r) => held.push(r),
});

describe('the holder', () => {
  it('an image gets no src the moment one is set (property or attribute), even detached', () => {
    const img = new Image();
    img.src = 'https://px.tracker.example/p.gif';
    expect(img.hasAttribute('src')).toBe(false);
    expect(img.getAttribute('data-src')).toBe('https://px.tracker.example/p.gif');
    expect(img.getAttribute('data-consent')).toBe('marketing');
    const other = document.createElement('img');
    other.setAttribute('SRC', 'https://cdn.example/logo.png');
    expect(other.getAttribute('src')).toBe('https://cdn.example/logo.png');
    const frame = document.createElement('iframe');
    frame.setAttribute('src', 'https://shared.example/embed');
    expect(frame.getAttribute('data-consent')).toBe('analytics marketing');
    expect(held.at(-1)).toMatchObject({ tag: 'iframe', purposes: ['analytics', 'marketing'] });
  });

  it('a script stays inert, its type kept for later, even when the type is set after the src', () => {
    const script = document.createElement('script');
    script.src = 'https://px.tracker.example/tag.js';
    script.type = 'module';
    document.head.appendChild(script);
    expect(script.getAttribute('type')).toBe('text/plain');
    expect(script.getAttribute('data-type')).toBe('module');
    expect(script.getAttribute('src')).toBe('https://px.tracker.example/tag.js');
    const json = document.createElement('script');
    json.type = 'application/ld+json';
    json.src = 'https://px.tracker.example/data.json';
    expect(json.getAttribute('type')).toBe('application/ld+json');
  });

  it('HTML strings are parsed inert: innerHTML and insertAdjacentHTML', () => {
    document.body.innerHTML = '<p><img src="https://px.tracker.example/a.gif"><img src="/own.png"></p>';
    document.body.insertAdjacentHTML('beforeend', '<link rel="stylesheet" href="https://shared.example/s.css">');
    const [tracked, own] = document.body.querySelectorAll('img');
    expect(tracked.hasAttribute('src')).toBe(false);
    expect(own.getAttribute('src')).toBe('/own.png');
    const link = document.querySelector('link')!;
    expect(link.hasAttribute('href')).toBe(false);
    expect(link.getAttribute('data-href')).toBe('https://shared.example/s.css');
  });

  it('nothing is held once its purposes are granted; a shared host needs every one', () => {
    granted.add('marketing');
    const img = new Image();
    img.src = 'https://px.tracker.example/p.gif';
    expect(img.getAttribute('src')).toBe('https://px.tracker.example/p.gif');
    const frame = document.createElement('iframe');
    frame.src = 'https://shared.example/embed';
    expect(frame.hasAttribute('src')).toBe(false);
    granted.delete('marketing');
  });
});

describe('autoblock.js on a page', () => {
  it('holds a service host until its purpose is granted, lists it in blocked(), then the gate starts it', async () => {
    const { start } = await freshPage('clikodoc', 'https://www.clikodoc.com/praticiens');
    const rt = start({ config: fixtureDocument('clikodoc') });
    window.ConsentLedger = rt;
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    await import('../autoblock');
    expect(rt.blocked).toBeTypeOf('function');
    const widget = document.createElement('script');
    widget.src = 'https://widget.intercom.io/widget/abc';
    document.body.appendChild(widget);
    const collector = document.createElement('script');
    collector.src = 'https://www.clikodoc.com/app.js';
    document.body.appendChild(collector);
    expect(rt.blocked!().map((b) => [b.tag, b.url, b.purposes])).toEqual([
      ['script', 'https://widget.intercom.io/widget/abc', ['support']],
    ]);
    expect(info).not.toHaveBeenCalled();
    await rt.ready;
    await rt.acceptAll();
    await vi.waitFor(() => expect(rt.blocked!()).toEqual([]));
    const live = document.querySelector('script[src="https://widget.intercom.io/widget/abc"]')!;
    expect(live.getAttribute('type')).toBeNull();
    expect(document.querySelectorAll('script[src^="https://widget.intercom.io"]')).toHaveLength(1);
    delete window.ConsentLedger;
  });
});
