import { describe, expect, it } from 'vitest';
import { testNotice } from '../test-log';
import { noticeChanges, noticeFields } from './notice-diff';

describe('noticeChanges', () => {
  it('is empty for the same notice', () => {
    expect(noticeChanges(testNotice(1), testNotice(1))).toEqual([]);
  });

  it('names each changed text, purpose and service field with its old and new value', () => {
    const before = testNotice(1);
    const after = testNotice(2, 'Anonymous statistics.');
    after.services[0] = { ...after.services[0], transfer: 'EU', cookies: ['NID', '1P_JAR'] };
    expect(noticeChanges(before, after)).toEqual([
      { field: 'revision', before: '1', after: '2' },
      { field: 'purposes.analytics.description', before: 'Visitor statistics.', after: 'Anonymous statistics.' },
      { field: 'services.google-maps.transfer', before: 'US', after: 'EU' },
      { field: 'services.google-maps.cookies', before: 'NID', after: 'NID, 1P_JAR' },
    ]);
  });

  it('reports an added purpose as added and a removed service as removed, after the others', () => {
    const before = testNotice(1);
    const after = testNotice(1);
    after.purposes.push({ id: 'support', title: 'Live support', description: 'Chat.' });
    after.services = [];
    const changes = noticeChanges(before, after);
    expect(changes.filter((c) => c.before === null).map((c) => c.field)).toEqual([
      'purposes.support.title',
      'purposes.support.description',
    ]);
    expect(changes.filter((c) => c.after === null).map((c) => c.field)).toEqual([
      'services.google-maps.name',
      'services.google-maps.provider',
      'services.google-maps.purpose',
      'services.google-maps.transfer',
      'services.google-maps.cookies',
    ]);
  });

  it('covers every displayed text', () => {
    const fields = noticeFields(testNotice(1));
    expect(fields.get('texts.banner.title')).toBe('We use cookies');
    expect(fields.get('policyUrl')).toBe('https://demo.example/privacy');
    expect(fields.has('services.google-maps.id')).toBe(false);
  });
});
