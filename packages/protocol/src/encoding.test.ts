import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  base64Decode,
  base64Encode,
  base64urlDecode,
  base64urlDecodeLenient,
  base64urlEncode,
  bytesEqual,
  concatBytes,
  fromUtf8,
  isHash64u,
  utf8,
} from './encoding';

const ascii = (text: string) => new TextEncoder().encode(text);

describe('base64url', () => {
  it('encodes the RFC 4648 test vectors without padding', () => {
    const vectors: Array<[string, string]> = [
      ['', ''],
      ['f', 'Zg'],
      ['fo', 'Zm8'],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg'],
      ['fooba', 'Zm9vYmE'],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(base64urlEncode(ascii(plain))).toBe(encoded);
      expect(fromUtf8(base64urlDecode(encoded))).toBe(plain);
    }
  });

  it('uses - and _ and matches Node on random inputs of every length up to 300', () => {
    expect(base64urlEncode(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe('-_-_');
    for (let n = 0; n <= 300; n++) {
      const bytes = new Uint8Array(randomBytes(n));
      const text = base64urlEncode(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(bytesEqual(base64urlDecode(text), bytes)).toBe(true);
    }
  });

  it('refuses padding, characters outside the alphabet, impossible lengths and non-zero trailing bits', () => {
    for (const bad of ['Zg==', 'Zm8=', 'Zm9v+', 'Zm/v', 'Zm9 v', 'Zm9v\n', 'Zé', 'Z', 'Zm9vY', 'Zh', 'Zm9']) {
      expect(() => base64urlDecode(bad), bad).toThrow();
    }
  });
});

describe('base64urlDecodeLenient', () => {
  it('decodes what base64urlEncode makes, and tolerates padding the strict decoder refuses', () => {
    for (let n = 0; n <= 100; n++) {
      const bytes = new Uint8Array(randomBytes(n));
      expect(bytesEqual(base64urlDecodeLenient(base64urlEncode(bytes)), bytes)).toBe(true);
    }
    expect(fromUtf8(base64urlDecodeLenient('Zg=='))).toBe('f');
    expect([...base64urlDecodeLenient('-_-_')]).toEqual([0xfb, 0xff, 0xbf]);
  });
});

describe('base64', () => {
  it('encodes with padding and matches Node on random inputs', () => {
    expect(base64Encode(ascii('foob'))).toBe('Zm9vYg==');
    expect(base64Encode(ascii('fooba'))).toBe('Zm9vYmE=');
    for (let n = 0; n <= 100; n++) {
      const bytes = new Uint8Array(randomBytes(n));
      const text = base64Encode(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(bytesEqual(base64Decode(text), bytes)).toBe(true);
    }
  });

  it('refuses missing or misplaced padding, url characters and non-zero trailing bits', () => {
    for (const bad of ['Zg', 'Zg=', 'Z===', 'Zm9vYg=a', 'Z=g=', 'Zm-v', 'Zm_v', 'Zh==', 'Zm9=', '====', 'Zm9v\n']) {
      expect(() => base64Decode(bad), bad).toThrow();
    }
  });
});

describe('isHash64u', () => {
  it('accepts exactly the canonical encodings of 32 bytes', () => {
    for (let i = 0; i < 50; i++) expect(isHash64u(base64urlEncode(new Uint8Array(randomBytes(32))))).toBe(true);
    const good = base64urlEncode(new Uint8Array(32));
    expect(isHash64u(`${good.slice(0, 42)}B`)).toBe(false); // decodes to the same bytes: not canonical
    expect(isHash64u(good.slice(1))).toBe(false);
    expect(isHash64u(`${good}A`)).toBe(false);
    expect(isHash64u(`${good.slice(0, 42)}=`)).toBe(false);
    expect(isHash64u(42)).toBe(false);
  });
});

describe('utf8 and bytes', () => {
  it('round-trips text and refuses invalid UTF-8', () => {
    const text = 'Sécurité – 😀 €';
    expect(fromUtf8(utf8(text))).toBe(text);
    expect(Array.from(utf8('é'))).toEqual([0xc3, 0xa9]);
    expect(() => fromUtf8(new Uint8Array([0xc3]))).toThrow();
    expect(() => fromUtf8(new Uint8Array([0xff, 0x41]))).toThrow();
  });

  it('concatenates and compares', () => {
    const joined = concatBytes(new Uint8Array([1, 2]), new Uint8Array([]), new Uint8Array([3]));
    expect(Array.from(joined)).toEqual([1, 2, 3]);
    expect(bytesEqual(joined, new Uint8Array([1, 2, 3]))).toBe(true);
    expect(bytesEqual(joined, new Uint8Array([1, 2, 4]))).toBe(false);
    expect(bytesEqual(joined, new Uint8Array([1, 2]))).toBe(false);
  });
});
