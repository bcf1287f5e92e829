import { type SiteConfig, validateSiteConfig } from '@consent-ledger/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import clikodoc from '../../../../fixtures/sites/clikodoc.json';
import type { AdminApi } from '../api';
import { flush, mount, texts, until } from '../test-dom';
import { planPublication } from './publish-plan';
import { SiteView } from './site-view';

afterEach(() => {
  document.body.innerHTML = '';
});

const published = (() => {
  const valid = validateSiteConfig(clikodoc);
  if (!valid.ok) throw new Error(valid.error.message);
  return valid.value;
})();
const text = (edit: (c: SiteConfig) => void) => {
  const c = structuredClone(published);
  edit(c);
  return JSON.stringify(c);
};

describe('planPublication', () => {
  it('names every invalid field with the collector’s own message, and bad JSON as such', () => {
    const wrong = planPublication(
      'clikodoc',
      published,
      text((c) => {
        c.services[0].purpose = 'maps2';
        c.expiresAfterDays = -1;
      }),
    );
    expect(wrong).toMatchObject({ kind: 'invalid' });
    const issues = (wrong as { issues: string[] }).issues;
    expect(issues.some((i) => i.startsWith('services[0].purpose: ') && i.includes('"maps2"'))).toBe(true);
    expect(issues.some((i) => i.startsWith('expiresAfterDays: '))).toBe(true);
    expect(planPublication('clikodoc', published, '{"site":')).toMatchObject({ kind: 'json' });
    expect(
      planPublication(
        'clikodoc',
        published,
        text((c) => {
          c.site = 'other';
        }),
      ),
    ).toMatchObject({
      kind: 'wrong-site',
    });
  });

  it('says a changed text needs a bump, shows it per language, and that a higher revision asks again', () => {
    const description = { fr: 'Mesure d’audience hébergée dans l’UE.', en: 'EU-hosted audience measurement.' };
    const same = text((c) => {
      c.purposes.analytics = { ...c.purposes.analytics, description };
    });
    const plan = planPublication('clikodoc', published, same);
    if ('kind' in plan) throw new Error(plan.issues.join());
    expect(plan.check).toMatchObject({ outcome: 'needs-bump', lowest: published.revision + 1 });
    const fr = plan.notices.find((n) => n.language === 'fr')!;
    expect(fr.changes).toEqual([
      expect.objectContaining({ field: 'purposes.analytics.description', after: description.fr }),
    ]);
    expect(plan.fields.map((f) => f.field)).toEqual([
      'purposes.analytics.description.fr',
      'purposes.analytics.description.en',
    ]);
    const bumped = planPublication(
      'clikodoc',
      published,
      text((c) => {
        c.purposes.analytics = { ...c.purposes.analytics, description };
        c.revision += 1;
      }),
    );
    expect(bumped).toMatchObject({ check: { outcome: 'asks-again' } });
    // An origin is no notice text: same revision, visitors keep their choices.
    const origin = planPublication(
      'clikodoc',
      published,
      text((c) => c.origins.push('https://new.example.org')),
    );
    expect(origin).toMatchObject({ check: { outcome: 'keeps-choices' }, notices: expect.any(Array) });
    expect((origin as { fields: Array<{ field: string }> }).fields.map((f) => f.field)).toEqual([
      `origins[${published.origins.length}]`,
    ]);
  });
});

describe('SiteView', () => {
  it('reviews an edit, proposes the bump, publishes it and shows the new revision in the history', async () => {
    const sent: SiteConfig[] = [];
    let current = published;
    const notice = (revision: number) => ({
      index: revision,
      textHash: `h${revision}`,
      revision,
      language: 'fr',
      receivedAt: '2026-12-01T00:00:00.000Z',
      jws: 'x',
      notice: null,
    });
    const api = {
      site: 'clikodoc',
      get: async () => ({
        ok: true,
        value: {
          site: { site: 'clikodoc', config: current, createdAt: '', updatedAt: '', deletedAt: null },
        },
      }),
      revisions: async () => ({
        ok: true,
        value: {
          site: 'clikodoc',
          revisions: Array.from({ length: current.revision }, (_, i) => current.revision - i).map((r) => ({
            revision: r,
            publishedAt: '2026-12-01T00:00:00.000Z',
            notices: [notice(r)],
          })),
        },
      }),
      publish: async (config: SiteConfig) => {
        sent.push(config);
        current = config;
        return {
          ok: true,
          value: {
            site: { site: 'clikodoc', config, createdAt: '', updatedAt: '', deletedAt: null },
            appended: [],
          },
        };
      },
    } as unknown as AdminApi;
    const root = await mount(<SiteView api={api} onBack={() => undefined} />);
    await flush();
    const button = (name: string) =>
      [...root.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement;
    // The form first; the same draft as JSON one click away.
    expect(root.querySelector<HTMLInputElement>('#f-name')!.value).toBe(published.name);
    button('JSON').click();
    await flush();
    const area = root.querySelector<HTMLTextAreaElement>('#site-json')!;
    expect(JSON.parse(area.value)).toEqual(published);
    const edited = text((c) => {
      c.purposes.maps = { ...c.purposes.maps, title: { fr: 'Plans' } };
    });
    area.value = edited;
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await flush();
    button('Review changes').click();
    await flush();
    expect(root.querySelector('.plan')!.getAttribute('data-outcome')).toBe('needs-bump');
    expect(texts(root, '[data-diff=notice-fr] code')).toEqual(['purposes.maps.title']);
    expect(button(`Publish revision ${published.revision}`)).toBeUndefined();
    button(`Use revision ${published.revision + 1}`).click();
    await flush();
    expect(JSON.parse(area.value).revision).toBe(published.revision + 1);
    button('Review changes').click();
    await flush();
    expect(root.querySelector('.plan')!.getAttribute('data-outcome')).toBe('asks-again');
    button(`Publish revision ${published.revision + 1}`).click();
    await flush();
    await flush();
    expect(sent.map((c) => c.revision)).toEqual([published.revision + 1]);
    expect(root.querySelector('[data-published]')!.getAttribute('data-published')).toBe(String(published.revision + 1));
    expect(root.querySelector('.revisions > li')!.getAttribute('data-revision')).toBe(String(published.revision + 1));

    // JSON the form cannot show keeps the JSON view, its error named; an edit made as JSON shows in the form.
    const json = root.querySelector<HTMLTextAreaElement>('#site-json')!;
    json.value = '{"site": ';
    json.dispatchEvent(new Event('input', { bubbles: true }));
    await flush();
    button('Form').click();
    await flush();
    expect(root.querySelector('[role=alert]')!.textContent).toMatch(/^This is not valid JSON:/);
    expect(root.querySelector('#f-name')).toBeNull();
    json.value = text((c) => {
      c.name = 'clikOdoc Santé';
    });
    json.dispatchEvent(new Event('input', { bubbles: true }));
    await flush();
    button('Form').click();
    await flush();
    expect(root.querySelector<HTMLInputElement>('#f-name')!.value).toBe('clikOdoc Santé');
  });

  it('previews the draft with the collector’s consent.js, following edits made as JSON', async () => {
    const api = {
      site: 'clikodoc',
      base: 'https://consent.example.org',
      get: async () => ({
        ok: true,
        value: { site: { site: 'clikodoc', config: published, createdAt: '', updatedAt: '', deletedAt: null } },
      }),
      revisions: async () => ({ ok: true, value: { site: 'clikodoc', revisions: [] } }),
    } as unknown as AdminApi;
    const root = await mount(<SiteView api={api} onBack={() => undefined} />);
    const page = () => new DOMParser().parseFromString(root.querySelector('iframe')!.srcdoc, 'text/html');
    const named = () => JSON.parse(page().getElementById('consent-ledger-config')!.textContent!).config.name;
    await until(() => root.querySelector('iframe'));
    expect(page().querySelector('script[data-preview]')!.getAttribute('src')).toBe(
      'https://consent.example.org/consent.js',
    );
    expect(named()).toBe(published.name);
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'JSON')!.click();
    await flush();
    const json = root.querySelector<HTMLTextAreaElement>('#site-json')!;
    json.value = text((c) => {
      c.name = 'clikOdoc Santé';
    });
    json.dispatchEvent(new Event('input', { bubbles: true }));
    await until(() => named() === 'clikOdoc Santé', 600);
  });
});
