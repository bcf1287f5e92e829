import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8 } from './encoding';
import { parseIJson, parseIJsonBytes } from './ijson';

const refused = (text: string) => {
  const parsed = parseIJson(text);
  expect(parsed.ok, text).toBe(false);
  return parsed.ok ? '' : parsed.error.message;
};

describe('parseIJson', () => {
  it('reads what JSON.parse reads, for any JSON value without duplicate names or lone surrogates', () => {
    // fc.json() writes well-formed JSON (no duplicate keys, well-formed strings).
    fc.assert(
      fc.property(fc.json({ depthSize: 'small' }), (text) => {
        const parsed = parseIJson(text);
        expect(parsed.ok && parsed.value).toEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses what JSON.parse refuses', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 30 }), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        if (!valid) expect(parseIJson(text).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
    for (const text of [
      '',
      '{',
      '{"a":1,}',
      '[1,]',
      '01',
      '1.',
      '.5',
      '+1',
      'tru',
      '"\\x"',
      '"a\nb"',
      '{"a" 1}',
      'NaN',
    ])
      refused(text);
  });

  it('refuses duplicate member names, however they are written', () => {
    expect(refused('{"choices":{"a":"granted"},"choices":{"a":"denied"}}')).toMatch(/duplicate member name "choices"/);
    refused('{"site":"a","s\\u0069te":"b"}');
    refused('{"a":{"b":1,"b":1}}');
    refused('[{"x":1,"x":2}]');
    expect(parseIJson('{"a":{"b":1},"b":{"a":1}}').ok).toBe(true);
  });

  it('refuses lone surrogates and noncharacters, escaped or raw', () => {
    expect(refused('"\\ud800"')).toMatch(/lone surrogate/);
    refused('"\\udc00"');
    refused('"\\ud800\\u0041"');
    refused('"\\ud800x"');
    refused('"\ud800"');
    refused('"a\udc00"');
    refused('"\\uffff"');
    refused('"\\ufdd0"');
    refused('"\ufffe"');
    refused('"\\ud83f\\udffe"'); // U+1FFFE
    const pair = parseIJson('"\\ud83d\\ude00 \u00e9"');
    expect(pair.ok && pair.value).toBe('\u{1f600} é');
  });

  it('refuses numbers beyond a double and nesting deeper than any payload', () => {
    refused('1e400');
    refused(`${'['.repeat(40)}${']'.repeat(40)}`);
    expect(parseIJson(`${'['.repeat(20)}${']'.repeat(20)}`).ok).toBe(true);
  });

  it('keeps a "__proto__" member as data, as JSON.parse does', () => {
    const parsed = parseIJson('{"__proto__":{"polluted":true}}');
    expect(parsed.ok && Object.keys(parsed.value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses invalid UTF-8 and a byte order mark in bytes', () => {
    expect(parseIJsonBytes(new Uint8Array([0x22, 0xc3, 0x28, 0x22])).ok).toBe(false);
    expect(parseIJsonBytes(new Uint8Array([0x22, 0xed, 0xa0, 0x80, 0x22])).ok).toBe(false); // encoded U+D800
    expect(parseIJsonBytes(utf8('\ufeff{}')).ok).toBe(false);
    const parsed = parseIJsonBytes(utf8('{"page":"https://a.example/é"}'));
    expect(parsed.ok && parsed.value).toEqual({ page: 'https://a.example/é' });
  });
});
