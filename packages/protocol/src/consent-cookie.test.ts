import { describe, expect, it } from 'vitest';
import { formatConsentCookie, parseConsentCookie, parseConsentCookieValue } from './consent-cookie';

describe('cl_consent', () => {
  it('formats a decision as revision, granted purposes and Unix seconds, and reads it back', () => {
    const decision = { revision: 7, granted: ['analytics', 'maps'], decidedAt: '2025-12-05T16:00:00.000Z' };
    const value = formatConsentCookie(decision);
    expect(value).toBe('v1.7.analytics+maps.1764950400');
    expect(encodeURIComponent(value)).toBe(value.replace('+', '%2B'));
    expect(parseConsentCookieValue(value)).toEqual(decision);
  });

  it('keeps a decision that grants nothing, and drops the milliseconds', () => {
    const value = formatConsentCookie({ revision: 1, granted: [], decidedAt: '2025-12-05T16:00:00.999Z' });
    expect(value).toBe('v1.1..1764950400');
    expect(parseConsentCookieValue(value)).toEqual({ revision: 1, granted: [], decidedAt: '2025-12-05T16:00:00.000Z' });
  });

  it('finds the cookie among others in a Cookie header; the latest decision wins over a stale copy', () => {
    const header = '_ga=GA1.1.2; cl_consent=v1.3.maps.1764950000;cl_consent=v1.4.analytics+support.1764950400; x=y=z';
    expect(parseConsentCookie(header)).toEqual({
      revision: 4,
      granted: ['analytics', 'support'],
      decidedAt: '2025-12-05T16:00:00.000Z',
    });
    expect(parseConsentCookie('xcl_consent=v1.3.maps.1764950000')).toBeNull();
  });

  it('answers null, never throws, for a missing or hand-edited cookie', () => {
    for (const header of [
      undefined,
      null,
      '',
      'cl_consent=',
      'cl_consent=v2.7.maps.1764950400',
      'cl_consent=v1.0.maps.1764950400',
      'cl_consent=v1.07.maps.1764950400',
      'cl_consent=v1.7.Maps.1764950400',
      'cl_consent=v1.7.maps+.1764950400',
      'cl_consent=v1.7.maps%2Banalytics.1764950400',
      'cl_consent=v1.7.maps.17649504.00',
      'cl_consent=v1.99999999999999999.maps.1764950400',
      'cl_consent=v1.7.<script>.1764950400',
      `cl_consent=v1.7.${'a'.repeat(70)}.1764950400`,
    ])
      expect(parseConsentCookie(header), String(header)).toBeNull();
  });
});
