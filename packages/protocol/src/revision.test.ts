import { describe, expect, it } from 'vitest';
import clikodoc from '../../../fixtures/sites/clikodoc.json';
import { type SiteConfig, validateSiteConfig } from './config';
import { checkRevision, revisionProblem } from './revision';

/** A validated copy of the clikodoc fixture with `patch`'s fields replacing its own. */
function config(patch: Partial<SiteConfig> = {}): SiteConfig {
  const valid = validateSiteConfig({ ...structuredClone(clikodoc), ...patch });
  if (!valid.ok) throw new Error(valid.error.message);
  return valid.value;
}

const published = config();
const support = published.purposes.support;

describe('checkRevision', () => {
  it('lets a new site be published at any revision', () => {
    expect(checkRevision(null, config({ revision: 7 }))).toMatchObject({
      outcome: 'new-site',
      published: null,
      revision: 7,
    });
  });

  it('keeps choices when no notice text changed at the same revision (other fields may change)', () => {
    const check = checkRevision(
      published,
      config({ origins: ['https://www.clikodoc.com'], theme: { accent: '#0b5' }, expiresAfterDays: 90 }),
    );
    expect(check).toMatchObject({ outcome: 'keeps-choices', changed: [], lowest: 1 });
    expect(revisionProblem(check)).toBeNull();
  });

  it('refuses a purpose added at the same revision, naming the languages and the fix', () => {
    const check = checkRevision(published, config({ purposes: { ...published.purposes, marketing: {} } }));
    expect(check).toMatchObject({ outcome: 'needs-bump', changed: ['fr', 'en'], lowest: 2 });
    expect(revisionProblem(check)).toMatch(/publish it as revision 2 \(sites put --bump does it\)/);
  });

  it('sees a change in one language only', () => {
    const purposes = {
      ...published.purposes,
      support: { ...support, title: { fr: 'Aide en ligne', en: 'Live support' } },
    };
    expect(checkRevision(published, config({ purposes })).changed).toEqual(['fr']);
  });

  it('counts a renamed site as a text change: the name is in the banner text', () => {
    expect(checkRevision(published, config({ name: 'Clikodoc Santé' })).outcome).toBe('needs-bump');
  });

  it('asks again on any higher revision, changed or not', () => {
    expect(checkRevision(published, config({ revision: 2 }))).toMatchObject({ outcome: 'asks-again', changed: [] });
    const changed = checkRevision(published, config({ revision: 5, services: published.services.slice(1) }));
    expect(changed).toMatchObject({ outcome: 'asks-again', changed: ['fr', 'en'] });
    expect(revisionProblem(changed)).toBeNull();
  });

  it('refuses a lower revision, with the lowest acceptable one depending on the texts', () => {
    const newer = config({ revision: 3 });
    const unchanged = checkRevision(newer, published);
    expect(unchanged).toMatchObject({ outcome: 'lower-revision', published: 3, lowest: 3 });
    expect(revisionProblem(unchanged)).toMatch(
      /^revision 1 is lower than the published revision 3: publish it as revision 3/,
    );
    const changed = checkRevision(newer, config({ policyUrl: 'https://www.clikodoc.com/confidentialite' }));
    expect(changed).toMatchObject({ outcome: 'lower-revision', lowest: 4 });
    expect(revisionProblem(changed)).toMatch(/publish it as revision 4 or higher/);
  });

  it('lists languages added and dropped without asking their visitors again', () => {
    const withDutch = config({
      languages: ['fr', 'en', 'nl'],
      purposes: {
        ...published.purposes,
        support: {
          title: { ...support.title, nl: 'Online hulp' },
          description: { ...support.description, nl: 'Chat en meldingen in de app.' },
        },
      },
    });
    expect(checkRevision(published, withDutch)).toMatchObject({ outcome: 'keeps-choices', added: ['nl'], removed: [] });
    expect(checkRevision(withDutch, published)).toMatchObject({ outcome: 'keeps-choices', added: [], removed: ['nl'] });
  });
});
