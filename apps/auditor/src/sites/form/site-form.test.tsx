import { validateSiteConfig } from '@consent-ledger/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import clikodoc from '../../../../../fixtures/sites/clikodoc.json';
import { flush, mount } from '../../test-dom';
import type { Draft } from './draft';
import { SiteForm } from './site-form';

afterEach(() => {
  document.body.innerHTML = '';
});

/** The form over `draft`, re-rendered with each edit as the site view does; `drafts` holds every edit. */
async function form(draft: Draft) {
  const drafts: Draft[] = [];
  const root = await mount(<div />);
  const { render } = await import('preact');
  const { createI18n, I18nContext } = await import('../../i18n/i18n');
  const draw = (d: Draft) =>
    render(
      <I18nContext.Provider value={createI18n('en')}>
        <SiteForm
          draft={d}
          onDraft={(next) => {
            drafts.push(next);
            draw(next);
          }}
        />
      </I18nContext.Provider>,
      root,
    );
  draw(draft);
  await flush();
  return { root, drafts, last: () => drafts.at(-1)! };
}

const type = async (el: Element | null, value: string) => {
  const input = el as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await flush();
};

const byId = (root: ParentNode, id: string) => root.querySelector(`#${CSS.escape(id)}`);

describe('the site form', () => {
  it('says a valid draft is valid, and fills every field from it', async () => {
    const { root } = await form(structuredClone(clikodoc));
    expect(root.querySelector('.good')?.textContent).toBe('Every field is valid.');
    expect((byId(root, 'f-name') as HTMLInputElement).value).toBe('clikOdoc');
    expect((byId(root, 'f-origins') as HTMLTextAreaElement).value).toBe(clikodoc.origins.join('\n'));
    expect((byId(root, 'f-services-2-cookies') as HTMLTextAreaElement).value).toBe('intercom-id-*\nintercom-session-*');
    expect((byId(root, 'f-purposes-support-title-en') as HTMLInputElement).value).toBe('Live support');
    // The catalog's text is the placeholder of a banner text the site does not reword.
    expect((byId(root, 'f-texts-banner-title-fr') as HTMLInputElement).placeholder).toBe('Vos données, vos choix');
  });

  it('shows the validator’s message at the field, names the line of a list, and links the summary to it', async () => {
    const f = await form(structuredClone(clikodoc));
    await type(byId(f.root, 'f-services-0-hosts'), 'www.google.com\nhttps://maps.googleapis.com/x');
    const issues = byId(f.root, 'f-services-0-hosts-issues');
    expect(issues?.textContent).toBe(
      'line 2: "https://maps.googleapis.com/x" is not a host name; write "maps.googleapis.com" (no scheme, port or path)',
    );
    const hosts = byId(f.root, 'f-services-0-hosts')!;
    expect(hosts.getAttribute('aria-invalid')).toBe('true');
    expect(hosts.getAttribute('aria-describedby')).toContain('f-services-0-hosts-issues');
    expect(f.root.querySelector('.issue-summary')?.getAttribute('data-issues')).toBe('1');
    (f.root.querySelector('.issue-summary button') as HTMLElement).click();
    expect(document.activeElement).toBe(hosts);
    await type(hosts, 'www.google.com\nmaps.googleapis.com');
    expect(byId(f.root, 'f-services-0-hosts-issues')).toBeNull();
    expect(validateSiteConfig(f.last()).ok).toBe(true);
  });

  it('edits per language: a new text in one language, a plain string made per language, an emptied one removed', async () => {
    const draft = structuredClone(clikodoc) as Draft & typeof clikodoc;
    (draft.services[0] as Record<string, unknown>).retention = '13 mois';
    const f = await form(draft);
    expect((byId(f.root, 'f-services-0-retention-en') as HTMLInputElement).value).toBe('13 mois');
    await type(byId(f.root, 'f-services-0-retention-en'), '13 months');
    expect((f.last().services as Draft[])[0].retention).toEqual({ fr: '13 mois', en: '13 months' });
    await type(byId(f.root, 'f-texts-banner-acceptAll-en'), 'Allow all');
    expect(f.last().texts).toEqual({ 'banner.acceptAll': { en: 'Allow all' } });
    await type(byId(f.root, 'f-texts-banner-acceptAll-en'), 'Reject all');
    expect(byId(f.root, 'f-texts-banner-acceptAll-en-issues')?.textContent).toBe(
      'accepting and rejecting must be worded differently',
    );
    await type(byId(f.root, 'f-texts-banner-acceptAll-en'), '');
    expect(f.last().texts).toEqual({});
  });

  it('asks a built-in purpose, renames a custom one in place, and keeps a typed number as typed', async () => {
    const f = await form(structuredClone(clikodoc));
    const marketing = [...f.root.querySelectorAll('.purpose-box label.check')].find((l) =>
      l.textContent?.includes('(marketing)'),
    )!;
    (marketing.querySelector('input') as HTMLInputElement).click();
    await flush();
    expect(Object.keys(f.last().purposes as object)).toEqual([
      'analytics',
      'maps',
      'audiovideo',
      'support',
      'marketing',
    ]);
    await type(byId(f.root, 'f-purposes-support'), 'help');
    expect(Object.keys(f.last().purposes as object)).toEqual(['analytics', 'maps', 'audiovideo', 'help', 'marketing']);
    // Services still name "support": each is shown at its purpose field.
    expect(byId(f.root, 'f-services-2-purpose-issues')?.textContent).toContain('unknown purpose "support"');
    await type(byId(f.root, 'f-expiresAfterDays'), '400');
    expect(byId(f.root, 'f-expiresAfterDays-issues')?.textContent).toBe(
      'must be an integer from 1 to 395, got number 400',
    );
    await type(byId(f.root, 'f-expiresAfterDays'), '30 days');
    expect(f.last().expiresAfterDays).toBe('30 days');
  });

  it('adds a service ready to fill and removes one', async () => {
    const f = await form(structuredClone(clikodoc));
    const buttons = [...f.root.querySelectorAll('button')];
    buttons.find((b) => b.textContent === 'Add a service')!.click();
    await flush();
    const services = f.last().services as Draft[];
    expect(services.at(-1)).toEqual({ id: 'service-6', name: '', provider: '', purpose: 'analytics', transfer: 'EU' });
    expect(byId(f.root, 'f-services-5-name-issues')?.textContent).toBe('must not be empty');
    [...f.root.querySelectorAll('button')].find((b) => b.textContent === 'Remove Service 6')!.click();
    await flush();
    expect((f.last().services as Draft[]).length).toBe(5);
  });
});
