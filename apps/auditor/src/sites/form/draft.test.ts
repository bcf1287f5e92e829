import { validateSiteConfig } from '@consent-ledger/protocol';
import { describe, expect, it } from 'vitest';
import clikodoc from '../../../../../fixtures/sites/clikodoc.json';
import { fieldId, getAt, issuesAt, numberValue, owningField, pathText, renameKey, setAt } from './draft';

describe('the draft', () => {
  it('sets and removes at a path without touching the original, keeping key order', () => {
    const draft = { a: 1, b: { c: [1, 2, 3] }, d: 4 };
    const set = setAt(draft, ['b', 'c', 1], 9);
    expect(set).toEqual({ a: 1, b: { c: [1, 9, 3] }, d: 4 });
    expect(draft.b.c[1]).toBe(2);
    expect(Object.keys(setAt(draft, ['a'], 'x') as object)).toEqual(['a', 'b', 'd']);
    expect(setAt(draft, ['b', 'c', 0], undefined)).toEqual({ a: 1, b: { c: [2, 3] }, d: 4 });
    expect(setAt(draft, ['d'], undefined)).toEqual({ a: 1, b: { c: [1, 2, 3] } });
    expect(setAt(draft, ['e', 'f'], 'new')).toMatchObject({ e: { f: 'new' } });
    expect(getAt(draft, ['b', 'c', 2])).toBe(3);
    expect(getAt(draft, ['b', 'x', 2])).toBeUndefined();
    expect(renameKey({ x: 1, y: 2, z: 3 }, 'y', 'w')).toEqual({ x: 1, w: 2, z: 3 });
    expect(Object.keys(renameKey({ x: 1, y: 2, z: 3 }, 'y', 'w'))).toEqual(['x', 'w', 'z']);
  });

  it('writes paths as the validator does, so every issue finds its field', () => {
    const broken = structuredClone(clikodoc) as Record<string, unknown> & typeof clikodoc;
    broken.services[1].hosts = ['sdk.twilio.com', 'https://video.twilio.com/x'];
    (broken as Record<string, unknown>).texts = { 'banner.title': { fr: 'Un\ndeux' } };
    const result = validateSiteConfig(broken);
    const paths = result.ok ? [] : result.error.issues!.map((i) => i.path);
    expect(paths).toEqual([pathText(['services', 1, 'hosts', 1]), pathText(['texts', 'banner.title', 'fr'])]);
    expect(paths).toEqual(['services[1].hosts[1]', 'texts["banner.title"].fr']);
    expect(fieldId('texts["banner.title"].fr')).toBe('f-texts-banner-title-fr');
  });

  it('gives each issue to its field, or the nearest field around it', () => {
    const shown = new Set(['services[1].hosts', 'texts["banner.title"]', 'purposes']);
    expect(owningField('services[1].hosts[1]', (p) => shown.has(p))).toBe('services[1].hosts');
    expect(owningField('texts["banner.title"].fr', (p) => shown.has(p))).toBe('texts["banner.title"]');
    expect(owningField('purposes.support.title.de', (p) => shown.has(p))).toBe('purposes');
    expect(owningField('theme.accent', (p) => shown.has(p))).toBeNull();
    const issues = [
      { path: 'origins[1]', message: 'a' },
      { path: 'originsX', message: 'b' },
      { path: 'origins', message: 'c' },
    ];
    expect(issuesAt(issues, 'origins').map((i) => i.message)).toEqual(['a', 'c']);
  });

  it('keeps what is not a whole number as typed, for the validator to name', () => {
    expect(numberValue(' 182 ')).toBe(182);
    expect(numberValue('')).toBeUndefined();
    expect(numberValue('12a')).toBe('12a');
    const result = validateSiteConfig({ ...clikodoc, expiresAfterDays: numberValue('12a') });
    expect(!result.ok && result.error.issues![0]).toMatchObject({ path: 'expiresAfterDays' });
  });
});
