import { describe, expect, it } from 'vitest';
import { fixtureDocument } from '../../test/collector-double';
import { isExpired } from './expiry';
import { askedOf, askReason, evaluate, isGranted } from './state';

const doc = fixtureDocument('clikodoc');
const day = 86_400_000;
const now = Date.parse('2026-12-01T12:00:00.000Z');
const decided = (choices: Record<string, 'granted' | 'denied'>, daysAgo = 1, revision = doc.config.revision) => ({
  choices,
  revision,
  decidedAt: new Date(now - daysAgo * day).toISOString(),
});

describe('consent state', () => {
  it('lists the asked purposes in config order, without necessary', () => {
    expect(askedOf(doc)).toEqual(['analytics', 'maps', 'audiovideo', 'support']);
  });

  it('asks on a first visit, with everything denied', () => {
    const s = evaluate(doc, undefined, now);
    expect(s).toMatchObject({ status: 'needs-decision', reason: 'first-visit', decidedAt: null });
    expect(Object.values(s.choices)).toEqual(['denied', 'denied', 'denied', 'denied']);
  });

  it('keeps a decision in force, filling purposes it did not list as denied', () => {
    const s = evaluate(doc, decided({ maps: 'granted' }), now);
    expect(s.status).toBe('decided');
    expect(s.choices).toEqual({ analytics: 'denied', maps: 'granted', audiovideo: 'denied', support: 'denied' });
  });

  it('asks again on a revision change, with the previous choices pre-filled', () => {
    const s = evaluate(doc, decided({ maps: 'granted' }, 1, doc.config.revision - 1), now);
    expect(s).toMatchObject({ status: 'needs-decision', reason: 'revision' });
    expect(s.choices.maps).toBe('granted');
  });

  it('asks again once expiresAfterDays have passed', () => {
    expect(askReason(doc, decided({}, 182), now)).toBeNull();
    expect(askReason(doc, decided({}, 183), now)).toBe('expired');
    expect(isExpired(new Date(now - 2 * day).toISOString(), 1, now)).toBe(true);
  });

  it('asks nothing when the site asks no purpose', () => {
    const bare = fixtureDocument('clikodoc', { purposes: {}, services: [] });
    expect(evaluate(bare, undefined, now)).toMatchObject({ status: 'decided', reason: null, choices: {} });
  });

  it('grants only under a decision in force, necessary always', () => {
    const asked = {
      ...evaluate(doc, decided({ maps: 'granted' }, 1, 0), now),
      document: doc,
      gpc: false,
      storage: 'memory' as const,
      subject: null,
    };
    expect(isGranted(asked, 'maps')).toBe(false);
    expect(isGranted(asked, 'necessary')).toBe(true);
    expect(isGranted({ ...asked, status: 'decided' }, 'maps')).toBe(true);
  });
});
