// Byte helpers used by every format of the protocol. Browser and Node alike: no Buffer.

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Character code -> 6-bit value, or -1 outside the alphabet. */
function decodeTable(alphabet: string): Int8Array {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < 64; i++) table[alphabet.charCodeAt(i)] = i;
  return table;
}
const URL_TABLE = /* @__PURE__ */ decodeTable(B64URL);
const STD_TABLE = /* @__PURE__ */ decodeTable(B64);

const encoder = /* @__PURE__ */ new TextEncoder();
const decoder = /* @__PURE__ */ new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function encode(bytes: Uint8Array, alphabet: string, pad: boolean): string {
  let out = '';
  // Past the end a byte reads as undefined, which shifts as 0: the last group needs no special case.
  for (let i = 0; i < bytes.length; i += 3) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += alphabet[v >>> 18] + alphabet[(v >>> 12) & 63] + alphabet[(v >>> 6) & 63] + alphabet[v & 63];
  }
  const extra = (3 - (bytes.length % 3)) % 3;
  return extra ? out.slice(0, -extra) + (pad ? '='.repeat(extra) : '') : out;
}

/**
 * Decodes `length` characters of `text`. Leftover bits must be zero so that every byte string
 * has exactly one encoding: otherwise two different JWS strings could carry the same signature.
 */
function decode(text: string, length: number, table: Int8Array): Uint8Array<ArrayBuffer> {
  const rest = length % 4;
  if (rest === 1) throw new Error('base64: impossible length');
  const out = new Uint8Array(((length - rest) / 4) * 3 + (rest === 0 ? 0 : rest - 1));
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? table[c] : -1;
    if (v < 0) throw new Error(`base64: invalid character at ${i}`);
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >>> bits) & 255;
    }
  }
  if ((acc & ((1 << bits) - 1)) !== 0) throw new Error('base64: non-zero trailing bits');
  return out;
}

/** Encodes bytes as base64url without padding (RFC 4648 §5). */
export function base64urlEncode(bytes: Uint8Array): string {
  return encode(bytes, B64URL, false);
}

/** Decodes unpadded base64url; throws on any character outside the alphabet (padding included), a bad length, or non-zero trailing bits. */
export function base64urlDecode(text: string): Uint8Array<ArrayBuffer> {
  return decode(text, text.length, URL_TABLE);
}

/**
 * Decodes base64url leniently (no check of padding or trailing bits), for the browser where bytes size
 * matters and the decoded data is covered by a signature check that fails on any oddity anyway.
 */
export const base64urlDecodeLenient = (text: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

/** Encodes bytes as standard padded base64 (used by C2SP notes). */
export function base64Encode(bytes: Uint8Array): string {
  return encode(bytes, B64, true);
}

/** Decodes standard padded base64; throws on invalid input (bad characters, missing or misplaced padding, non-zero trailing bits). */
export function base64Decode(text: string): Uint8Array<ArrayBuffer> {
  if (text.length % 4 !== 0) throw new Error('base64: length is not a multiple of 4');
  let length = text.length;
  if (text.endsWith('==')) length -= 2;
  else if (text.endsWith('=')) length -= 1;
  return decode(text, length, STD_TABLE);
}

/** True for a 32-byte hash written as canonical unpadded base64url (43 characters), as hashes and subjects are in JSON. */
export function isHash64u(text: unknown): text is string {
  return typeof text === 'string' && /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/.test(text);
}

/** UTF-8 encodes a string. */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}

/** Decodes UTF-8 bytes, throwing on invalid sequences. */
export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** Concatenates byte arrays. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Compares two byte arrays for equality. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
