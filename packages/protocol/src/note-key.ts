// Signed-note verifier keys (c2sp.org/signed-note, golang.org/x/mod/sumdb/note): the one-line
// `<name>+<hex key id>+<base64(type || public key)>` form that transparency-log tools are
// configured with, for the collector's checkpoint key (type 0x01) and witnesses' keys (0x04).
import { base64Decode, base64Encode, bytesEqual, concatBytes, utf8 } from './encoding';
import { fail, ok, type Result } from './result';
import { sha256 } from './sha256';

/** Signature type of plain Ed25519 note signatures (checkpoints). */
export const NOTE_ED25519 = 0x01;
/** Signature type of timestamped Ed25519 cosignatures (c2sp.org/tlog-cosignature). */
export const COSIGNATURE_ED25519 = 0x04;

/** A parsed verifier key. */
export interface VerifierKey {
  name: string;
  /** Signature type byte: `NOTE_ED25519` or `COSIGNATURE_ED25519`. */
  type: number;
  /** The 4-byte key id the key's signature lines start with. */
  keyId: Uint8Array;
  /** Raw 32-byte Ed25519 public key. */
  publicKey: Uint8Array;
}

const KEY_NAME = /^[^\s+]+$/u;
// biome-ignore lint/suspicious/noControlCharactersInRegex: key names hold no control characters (C2SP signed-note)
const CONTROL = /[\u0000-\u001f\u007f]/;
const HEX8 = /^[0-9a-f]{8}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Whether `name` may name a note key: non-empty, no spaces, no `+`, no control characters. */
export function isNoteKeyName(name: unknown): name is string {
  return typeof name === 'string' && KEY_NAME.test(name) && !CONTROL.test(name);
}

/** A key id, as lowercase hex (how verifier keys and tools print it). */
export function keyIdHex(keyId: Uint8Array): string {
  return Array.from(keyId, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Signed-note key id: the first 4 bytes of SHA-256(name || 0x0A || type || publicKey). */
export function noteKeyId(name: string, publicKey: Uint8Array, type: number = NOTE_ED25519): Uint8Array {
  return sha256(concatBytes(utf8(name), Uint8Array.of(0x0a, type), publicKey)).slice(0, 4);
}

/** Formats a verifier key: `name+hex(keyId)+base64(type || publicKey)`. */
export function formatVerifierKey(name: string, publicKey: Uint8Array, type: number = NOTE_ED25519): string {
  if (!isNoteKeyName(name)) throw new TypeError(`invalid note key name ${JSON.stringify(name)}`);
  if (publicKey.length !== 32) throw new TypeError('an Ed25519 public key is 32 bytes');
  return `${name}+${keyIdHex(noteKeyId(name, publicKey, type))}+${base64Encode(concatBytes(Uint8Array.of(type), publicKey))}`;
}

/** Parses a verifier key of an Ed25519 type (0x01 or 0x04), checking its key id; `malformed` when anything is off. */
export function parseVerifierKey(vkey: unknown): Result<VerifierKey> {
  if (typeof vkey !== 'string' || vkey.length > 512) return fail('malformed', 'verifier key: not a short string');
  // Split at the first two `+` only: the base64 key may hold `+` itself.
  const first = vkey.indexOf('+');
  const second = vkey.indexOf('+', first + 1);
  if (first < 0 || second < 0) return fail('malformed', 'verifier key: expected <name>+<key id>+<base64 key>');
  const [name, hex, key64] = [vkey.slice(0, first), vkey.slice(first + 1, second), vkey.slice(second + 1)];
  if (!isNoteKeyName(name)) return fail('malformed', 'verifier key: invalid name');
  if (!HEX8.test(hex)) return fail('malformed', 'verifier key: the key id is not 8 lowercase hex digits');
  let bytes: Uint8Array;
  try {
    if (!BASE64.test(key64)) throw new Error('alphabet');
    bytes = base64Decode(key64);
  } catch {
    return fail('malformed', 'verifier key: the key is not base64');
  }
  const type = bytes[0];
  if (type !== NOTE_ED25519 && type !== COSIGNATURE_ED25519)
    return fail('malformed', `verifier key: unsupported signature type 0x${(type ?? 0).toString(16).padStart(2, '0')}`);
  const publicKey = bytes.slice(1);
  if (publicKey.length !== 32) return fail('malformed', 'verifier key: an Ed25519 key is 32 bytes');
  const keyId = noteKeyId(name, publicKey, type);
  if (!bytesEqual(keyId, hexBytes(hex))) return fail('malformed', 'verifier key: the key id does not match the key');
  return ok({ name, type, keyId, publicKey });
}

function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (b) => Number.parseInt(b, 16));
}
