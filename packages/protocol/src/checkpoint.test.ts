import { describe, expect, it } from 'vitest';
import {
  checkpointBody,
  type NoteKey,
  parseCheckpoint,
  parseNote,
  signNote,
  verifyCheckpoint,
  verifyNote,
} from './checkpoint';
import { base64Decode, base64Encode } from './encoding';
import { noteKeyId } from './note-key';

const fromHex = (hex: string): Uint8Array => Uint8Array.from(hex.match(/../g) ?? [], (b) => parseInt(b, 16));
const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** Imports a raw 32-byte Ed25519 seed as a WebCrypto private key (PKCS #8 with the RFC 8410 prefix). */
async function keyFromSeed(name: string, seed: Uint8Array) {
  const pkcs8 = new Uint8Array([...fromHex('302e020100300506032b657004220420'), ...seed]);
  const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'Ed25519' }, true, ['sign']);
  const jwk = await crypto.subtle.exportKey('jwk', privateKey);
  const publicKey = Uint8Array.from(atob(jwk.x!.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  return { name, privateKey, publicKey };
}

// RFC 8032 §7.1 TEST 1: the seed and the public key it must give.
const RFC8032_SEED = fromHex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60');
const RFC8032_PUBLIC = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';

// golang.org/x/mod/sumdb/note's documented example: signer key, verifier key and the signed note.
const PETER_SEED = base64Decode('AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz').slice(1);
const PETER_PUBLIC = base64Decode('ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW').slice(1);
const PETER_TEXT =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_NOTE = `${PETER_TEXT}\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

// The 8-leaf RFC 6962 test tree's root (see merkle.test.ts).
const ROOT8 = fromHex('5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328');
const ORIGIN = 'consent.example.org/sites/clikodoc';
// Computed once with node:crypto's Ed25519 (an independent signer) from the RFC 8032 seed.
const PINNED =
  'consent.example.org/sites/clikodoc\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n\n' +
  '\u2014 consent.example.org yPoQEU70qqDnZQUSuyCSqy8mGaau72C6IoiZ6VF0o8rHLFL20jFuHI0VhmOpzXqjGbHnK6P3Rc/Edibspb7K+YieAwk=\n';

describe('key ids', () => {
  it('match the verifier keys published with the Go note package', () => {
    expect(toHex(noteKeyId('PeterNeumann', PETER_PUBLIC))).toBe('c74f20a3');
    expect(toHex(noteKeyId('EnochRoot', base64Decode('ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop').slice(1)))).toBe(
      'af0cfe78',
    );
  });
});

describe('signNote', () => {
  it("reproduces the Go note package's example byte for byte", async () => {
    const key = await keyFromSeed('PeterNeumann', PETER_SEED);
    expect(key.publicKey).toEqual(PETER_PUBLIC);
    expect(await signNote(PETER_TEXT, key)).toBe(PETER_NOTE);
  });

  it('pins a checkpoint note byte for byte', async () => {
    const key = await keyFromSeed('consent.example.org', RFC8032_SEED);
    expect(toHex(key.publicKey)).toBe(RFC8032_PUBLIC);
    const body = checkpointBody(ORIGIN, 8, ROOT8);
    expect(body).toBe(`${ORIGIN}\n8\n${base64Encode(ROOT8)}\n`);
    expect(await signNote(body, key)).toBe(PINNED);
  });

  it('refuses texts and names a note cannot carry', async () => {
    const key = await keyFromSeed('log.example', RFC8032_SEED);
    for (const text of ['', '\n', 'no newline', 'tab\there\n', 'cr\r\n', 'lone \ud800 surrogate\n']) {
      await expect(signNote(text, key), JSON.stringify(text)).rejects.toThrow(TypeError);
    }
    for (const name of ['', 'a b', 'a+b', 'a\u00a0b', 'a\u2003b']) {
      await expect(signNote('text\n', { ...key, name }), JSON.stringify(name)).rejects.toThrow(TypeError);
    }
    expect(() => checkpointBody('', 1, ROOT8)).toThrow(TypeError);
    expect(() => checkpointBody('a\nb', 1, ROOT8)).toThrow(TypeError);
    expect(() => checkpointBody(ORIGIN, -1, ROOT8)).toThrow(RangeError);
    expect(() => checkpointBody(ORIGIN, 1.5, ROOT8)).toThrow(RangeError);
    expect(() => checkpointBody(ORIGIN, 1, ROOT8.slice(1))).toThrow(TypeError);
  });
});

describe('parse and verify', () => {
  const trusted: NoteKey = { name: 'consent.example.org', publicKey: fromHex(RFC8032_PUBLIC) };

  it('reads and verifies the pinned checkpoint', async () => {
    const parsed = parseCheckpoint(PINNED);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.origin).toBe(ORIGIN);
    expect(parsed.value.size).toBe(8);
    expect(parsed.value.rootHash).toEqual(ROOT8);
    expect(parsed.value.body).toBe(checkpointBody(ORIGIN, 8, ROOT8));
    expect(parsed.value.signatures).toHaveLength(1);
    expect(parsed.value.signatures[0].name).toBe('consent.example.org');
    expect(parsed.value.signatures[0].keyId).toEqual(noteKeyId(trusted.name, trusted.publicKey));
    expect(parsed.value.signatures[0].signature).toHaveLength(64);
    const verified = await verifyCheckpoint(PINNED, [trusted]);
    expect(verified).toEqual(parsed);
  });

  it('verifies the Go example note', async () => {
    const verified = await verifyNote(PETER_NOTE, [{ name: 'PeterNeumann', publicKey: PETER_PUBLIC }]);
    expect(verified.ok && verified.value.text).toBe(PETER_TEXT);
    // A note whose text is not a checkpoint is still refused as one.
    expect(parseCheckpoint(PETER_NOTE)).toMatchObject({ ok: false, error: { code: 'bad-checkpoint' } });
  });

  it('ignores signatures by unknown keys, and needs one by a trusted key', async () => {
    const other = await keyFromSeed('witness.example', new Uint8Array(32).fill(7));
    const cosigned = PINNED + (await signNote(checkpointBody(ORIGIN, 8, ROOT8), other)).split('\n\n')[1];
    expect((await verifyCheckpoint(cosigned, [trusted])).ok).toBe(true);
    expect((await verifyCheckpoint(cosigned, [{ name: other.name, publicKey: other.publicKey }])).ok).toBe(true);
    // A stranger's line that reuses the trusted name (but not its key id) is ignored, not fatal.
    const sameName =
      PINNED + (await signNote(checkpointBody(ORIGIN, 8, ROOT8), { ...other, name: trusted.name })).split('\n\n')[1];
    expect((await verifyCheckpoint(sameName, [trusted])).ok).toBe(true);
    expect(await verifyCheckpoint(PINNED, [])).toMatchObject({ ok: false, error: { code: 'bad-signature' } });
  });

  it('refuses a tampered body, a wrong key and a wrong name', async () => {
    const refusals: Array<[string, string, NoteKey[]]> = [
      ['size changed', PINNED.replace('\n8\n', '\n9\n'), [trusted]],
      ['origin changed', PINNED.replace('clikodoc', 'clikodod'), [trusted]],
      ['root changed', PINNED.replace('XcnaeacG', 'XcnaeacH'), [trusted]],
      ['signature changed', PINNED.replace('yPoQEU70', 'yPoQEU71'), [trusted]],
      ['wrong key', PINNED, [{ name: trusted.name, publicKey: fromHex('11'.repeat(32)) }]],
      ['wrong name', PINNED, [{ name: 'other.example.org', publicKey: trusted.publicKey }]],
      ['key of wrong length', PINNED, [{ name: trusted.name, publicKey: trusted.publicKey.slice(1) }]],
    ];
    for (const [what, note, keys] of refusals) {
      const result = await verifyCheckpoint(note, keys);
      expect(result.ok, what).toBe(false);
      expect(!result.ok && result.error.code, what).toBe('bad-signature');
    }
    // A bad signature by a trusted key sinks the note even when another trusted one verifies.
    const forged = PINNED.replace('yPoQEU70', 'yPoQEU71');
    const twice = PINNED + forged.split('\n\n')[1];
    expect((await verifyCheckpoint(twice, [trusted])).ok).toBe(false);
  });

  it('refuses malformed notes with bad-checkpoint, never throwing', async () => {
    const [body, signatures] = PINNED.split('\n\n');
    const sigLine = signatures.slice(0, -1);
    const root = base64Encode(ROOT8);
    /** A note with this text and the pinned signature line. */
    const signed = (text: string) => `${text}\n${sigLine}\n`;
    const malformed: Record<string, unknown> = {
      'not a string': 42,
      empty: '',
      'no blank line': `${body}\n${sigLine}\n`,
      'no signature': `${body}\n\n`,
      'no final newline': PINNED.slice(0, -1),
      'trailing blank line': `${PINNED}\n`,
      'ascii dash': PINNED.replace('\u2014', '--'),
      'no space after dash': PINNED.replace('\u2014 ', '\u2014'),
      'name only': `${body}\n\n\u2014 consent.example.org\n`,
      'signature not base64': PINNED.replace('yPoQ', 'y*oQ'),
      'signature unpadded': PINNED.replace('Awk=', 'Awk'),
      'signature too short': `${body}\n\n\u2014 consent.example.org AAAA\n`,
      'name with plus': PINNED.replace('\u2014 consent.example.org', '\u2014 consent+example.org'),
      'carriage return': PINNED.replace('\n8\n', '\r\n8\n'),
      'control character': PINNED.replace('clikodoc', 'cliko\u0007doc'),
      'two lines of body': signed(`${ORIGIN}\n8\n`),
      'extension line': signed(`${ORIGIN}\n8\n${root}\nextra\n`),
      'empty origin': signed(`\n8\n${root}\n`),
      'leading zero size': signed(`${ORIGIN}\n08\n${root}\n`),
      'negative size': signed(`${ORIGIN}\n-8\n${root}\n`),
      'size too large': signed(`${ORIGIN}\n9007199254740993\n${root}\n`),
      'hex size': signed(`${ORIGIN}\n0x8\n${root}\n`),
      'short root': signed(`${ORIGIN}\n8\n${base64Encode(ROOT8.slice(1))}\n`),
      'root not base64': signed(`${ORIGIN}\n8\n${root.replace('X', '-')}\n`),
      'too many signatures': `${body}\n\n${`${sigLine}\n`.repeat(101)}`,
    };
    for (const [what, note] of Object.entries(malformed)) {
      expect(parseCheckpoint(note as string), what).toMatchObject({ ok: false, error: { code: 'bad-checkpoint' } });
      expect(await verifyCheckpoint(note as string, [trusted]), what).toMatchObject({
        ok: false,
        error: { code: 'bad-checkpoint' },
      });
    }
    expect(parseNote(`${body}\n\n${`${sigLine}\n`.repeat(100)}`).ok).toBe(true);
  });

  it("takes another log's extension lines only when asked (a witness must), never an empty one", () => {
    const root = base64Encode(ROOT8);
    const sig = '\u2014 other.example AAAAAAAAAAAA\n';
    const extended = `${ORIGIN}\n8\n${root}\nextension one\nextension two\n\n${sig}`;
    expect(parseCheckpoint(extended).ok).toBe(false);
    const parsed = parseCheckpoint(extended, { extensions: true });
    expect(parsed.ok && [parsed.value.size, parsed.value.body]).toEqual([
      8,
      `${ORIGIN}\n8\n${root}\nextension one\nextension two\n`,
    ]);
    expect(parseCheckpoint(`${ORIGIN}\n8\n\n${sig}`, { extensions: true }).ok).toBe(false);
  });
});
