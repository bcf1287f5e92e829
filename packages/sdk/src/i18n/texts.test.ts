import { describe, expect, it } from 'vitest';
import { testDocument } from '../ui/fake-runtime';
import { countryName, fill, translator } from './texts';

describe('texts', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fill('{provider} shows {service} ({purpose})', { provider: 'Google', service: 'Maps' })).toBe(
      'Google shows Maps ({purpose})',
    );
  });

  it('reads the notice texts', () => {
    const t = translator(testDocument().notice);
    expect(t('banner.text', { site: 'clikOdoc' })).toBe('banner.text clikOdoc');
    expect(t('banner.title')).toBe('banner.title');
  });

  it('names countries in the notice language, or gives the code back', () => {
    expect(countryName('US', 'fr')).toBe('États-Unis');
    expect(countryName('US', 'nl')).toBe('Verenigde Staten');
    expect(countryName('not a code', 'fr')).toBe('not a code');
  });
});
