import { describe, expect, it } from 'vitest';
import { verifyNote } from './checkpoint';
import { base64Decode } from './encoding';
import {
  COSIGNATURE_ED25519,
  formatVerifierKey,
  isNoteKeyName,
  keyIdHex,
  NOTE_ED25519,
  noteKeyId,
  parseVerifierKey,
} from './note-key';

// Verifier keys published elsewhere, each with the key id its own tool computed:
// golang.org/x/mod/sumdb/note's documented example (type 0x01),
const PETER = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
// c2sp.org/signed-note's test vector (type 0x01) with the note it signs,
const C2SP_FOO = 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k';
const C2SP_FOO_NOTE =
  'This is an example message.\n\n\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n';
// transparency-dev/formats' tests: a plain key and a running witness's cosignature key (type 0x04).
const TEST_KEY = 'TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6';
const REMORA = 'remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2';

describe('verifier keys', () => {
  it('parse the keys other tools publish, with the key ids they computed', () => {
    for (const [vkey, type] of [
      [PETER, NOTE_ED25519],
      [C2SP_FOO, NOTE_ED25519],
      [TEST_KEY, NOTE_ED25519],
      [REMORA, COSIGNATURE_ED25519],
    ] as const) {
      const parsed = parseVerifierKey(vkey);
      expect(parsed.ok, vkey).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.value.type).toBe(type);
      expect(keyIdHex(parsed.value.keyId)).toBe(vkey.split('+')[1]);
      expect(formatVerifierKey(parsed.value.name, parsed.value.publicKey, type)).toBe(vkey);
    }
  });

  it('derive the key id from name, type byte and key (signed-note)', () => {
    const key = base64Decode('ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW').slice(1);
    expect(keyIdHex(noteKeyId('PeterNeumann', key))).toBe('c74f20a3');
    // Same key and name, other type: another id, so a note signature never passes as a cosignature.
    expect(keyIdHex(noteKeyId('PeterNeumann', key, COSIGNATURE_ED25519))).not.toBe('c74f20a3');
  });

  it('verify the C2SP signed-note test vector', async () => {
    const key = parseVerifierKey(C2SP_FOO);
    if (!key.ok) throw new Error(key.error.message);
    expect((await verifyNote(C2SP_FOO_NOTE, [key.value])).ok).toBe(true);
  });

  it('refuse wrong ids, unknown types, bad names and bad encodings', () => {
    const material = REMORA.split('+')[2];
    for (const vkey of [
      `remora.n621.de+00000000+${material}`, // the id does not match the key
      `remora.n621.de+DA77ADE7+${material}`, // ids are lowercase hex
      `remora.n621.de+da77ade7+${material}+`, // one part too many
      'bananas.sigstore.dev+12344556',
      'rekor.sigstore.dev+12345678+THIS_IS_NOT_BASE64!',
      'rekor.sigstore.dev+12345678+AwEB', // type 0x03
      'has space+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6',
      `remora.n621.de+da77ade7+${material.slice(0, -4)}`, // a short key
      42,
      null,
    ]) {
      const parsed = parseVerifierKey(vkey);
      expect(parsed.ok, String(vkey)).toBe(false);
      if (!parsed.ok) expect(parsed.error.code).toBe('malformed');
    }
  });

  it('names: no spaces, no plus, no control characters', () => {
    expect(isNoteKeyName('consent.example.org')).toBe(true);
    expect(isNoteKeyName('witness.example/w1')).toBe(true);
    for (const bad of ['', 'a b', 'a+b', 'a\nb', 'a\u0007', 'a\u00a0b', 7]) expect(isNoteKeyName(bad)).toBe(false);
    expect(() => formatVerifierKey('a+b', new Uint8Array(32))).toThrow(TypeError);
    expect(() => formatVerifierKey('ok', new Uint8Array(31))).toThrow(TypeError);
  });
});
