import { beforeEach, expect, it } from 'vitest';
import { consentDefault, consentSignals, consentUpdate } from './consent-mode';

type W = Window & { dataLayer?: unknown[] };
beforeEach(() => delete (window as W).dataLayer);

it('pushes arguments objects as gtag does, default first', () => {
  (window as W).dataLayer = ['earlier'];
  consentDefault();
  consentUpdate({ analytics: 'granted', marketing: 'denied' });
  const [, first, second] = (window as W).dataLayer! as IArguments[];
  expect(Object.prototype.toString.call(first)).toBe('[object Arguments]');
  expect([...first]).toEqual(['consent', 'default', { ...consentSignals({}), wait_for_update: 500 }]);
  expect([...second]).toEqual(['consent', 'update', consentSignals({ analytics: 'granted' })]);
});

it('maps purposes to the Consent Mode v2 signals', () => {
  expect(consentSignals({ analytics: 'granted', marketing: 'granted' })).toEqual({
    ad_storage: 'granted',
    ad_user_data: 'granted',
    ad_personalization: 'granted',
    analytics_storage: 'granted',
    functionality_storage: 'granted',
    security_storage: 'granted',
  });
  expect(consentSignals({ analytics: 'granted' })).toMatchObject({
    analytics_storage: 'granted',
    ad_storage: 'denied',
    ad_user_data: 'denied',
    ad_personalization: 'denied',
  });
});

it('creates the dataLayer when the page has none', () => {
  consentDefault();
  expect((window as W).dataLayer).toHaveLength(1);
});
