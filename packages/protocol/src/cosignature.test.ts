import { describe, expect, it } from 'vitest';
import { appendSignatures, checkpointBody, type NoteKey, parseNote, signNote, verifyCheckpoint } from './checkpoint';
import {
  cosign,
  cosignatureKeyId,
  cosignatureMessage,
  parseWitnessKey,
  verifyCosignatures,
  verifyWitnessQuorum,
  witnessVerifierKey,
} from './cosignature';
import { base64Decode, base64urlDecode, fromUtf8 } from './encoding';
import { formatVerifierKey, keyIdHex, NOTE_ED25519, parseVerifierKey } from './note-key';

// A checkpoint of a real log (Google's arche2025h1 staging CT log) as five witnesses cosigned it,
// copied from a published test suite; two of the keys that signed it are public.
const REAL_CHECKPOINT = [
  'arche2025h1.staging.ct.transparency.dev',
  '1432088532',
  'U7WM79jrzyhGZ5/GUBTpM7NzwdyfFx61t3RovgcC4Ro=',
  '',
  '\u2014 arche2025h1.staging.ct.transparency.dev zTM8sQAAAZ5W0WdjBAMARjBEAiBjW5IQf9pvsYLfQFX6hoGREPMHbdQ3urbllzalApkptQIgIpwtEroeW2BXaHAI4kJXFbon5Ch9MNL5zRNZ55lvGt0=',
  '\u2014 arche2025h1.staging.ct.transparency.dev ui8GwCF1+kWqZrxGdhj4aX3gcw7XUlXQQabg/27lefwhUkzbC3NygNI75MdhL1bfTW9g8Ei59RA23oHP7Ry1k3ZFWwQ=',
  '\u2014 transparency.dev/DEV:witness-little-garden 2AQqhwAAAABqEiEgzgFIqqhbUoDwjMWE6UP8nd8/KYTzwZ2rhIgcqoXHAwVkjZr4AscylP3v7sEodkRAErumC2q44vdgJY096st5BQ==',
  '\u2014 witness1.smartit.nu/witness1 pIyCDwAAAABqEiEghIp82KWebrw7/oHQwlTAm3g2RKS4+eebl8eO0WH+/iEcxZ75W3u5hNI7TOQtmJbqmNWVuE0tgh0XwzdZsDsUAQ==',
  '\u2014 remora.n621.de 2net5wAAAABqEiEgPlfF3V06o0Y+fHM+J5J9s27wgxxcOVSpZ/2g/KSiXCg9DEZI+aVCIobWX9sXTynk5XeU/zZ0WBxtqB0DrAWfBw==',
  '\u2014 witness.stagemole.eu Z/euoAAAAABqEiEgw0i+7g2ENfDAWHmtRzCfKTHSDwYDJA2NmKeGi9Y8FtEyOUvVr+AJmIY/2TUFucgKi7lI7cUiOvKFYe/TmN9DAg==',
  '',
].join('\n');
const ARCHE_LOG_KEY = 'arche2025h1.staging.ct.transparency.dev+ba2f06c0+AU0vHmlGCS/PdN8b2OaGmKprLI8HKM+dJ472xgFYh15f';
const REMORA = 'remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2';

function key(vkey: string): NoteKey {
  const parsed = parseWitnessKey(vkey);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

async function newWitness(name: string) {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return { name, privateKey: pair.privateKey, publicKey: base64urlDecode(jwk.x as string) };
}

const ROOT = new Uint8Array(32).fill(7);
const BODY = checkpointBody('consent.example.org/sites/clikodoc', 12, ROOT);
const NOW = 1_780_000_000;

describe('cosignature/v1 against a real witness', () => {
  it("verifies remora.n621.de's cosignature of a real checkpoint, with its time", async () => {
    const report = await verifyCosignatures(REAL_CHECKPOINT, [key(REMORA)]);
    expect(report).toEqual({
      ok: true,
      value: {
        cosignatures: [
          { witness: 'remora.n621.de', keyId: 'da77ade7', timestamp: 1779573024, at: '2026-05-23T21:50:24.000Z' },
        ],
        invalid: [],
      },
    });
    // The log's own Ed25519 signature verifies too, and the other lines are ignored as unknown keys.
    const log = parseVerifierKey(ARCHE_LOG_KEY);
    if (!log.ok) throw new Error(log.error.message);
    expect((await verifyCheckpoint(REAL_CHECKPOINT, [log.value])).ok).toBe(true);
  });

  it('refuses it once the checkpoint says another size', async () => {
    const altered = REAL_CHECKPOINT.replace('1432088532', '1432088533');
    const report = await verifyCosignatures(altered, [key(REMORA)]);
    expect(report.ok && report.value).toEqual({ cosignatures: [], invalid: ['remora.n621.de'] });
  });
});

describe('cosign', () => {
  it('signs "cosignature/v1", the time, then the note text, under the 0x04 key id', async () => {
    const witness = await newWitness('witness.example/w1');
    const line = await cosign(BODY, witness, NOW);
    expect(line).toMatch(/^\u2014 witness\.example\/w1 [A-Za-z0-9+/]{102}==\n$/);
    const bytes = base64Decode(line.slice(line.lastIndexOf(' ') + 1, -1));
    expect(bytes.length).toBe(4 + 8 + 64);
    expect(bytes.slice(0, 4)).toEqual(cosignatureKeyId(witness.name, witness.publicKey));
    expect(new DataView(bytes.buffer, 4, 8).getBigUint64(0)).toBe(BigInt(NOW));
    expect(fromUtf8(cosignatureMessage(BODY, NOW))).toBe(`cosignature/v1\ntime ${NOW}\n${BODY}`);
    const publicKey = await crypto.subtle.importKey(
      'raw',
      witness.publicKey as Uint8Array<ArrayBuffer>,
      'Ed25519',
      false,
      ['verify'],
    );
    expect(await crypto.subtle.verify('Ed25519', publicKey, bytes.slice(12), cosignatureMessage(BODY, NOW))).toBe(true);
  });

  it('round-trips through a log-signed checkpoint, and either form of the witness key verifies it', async () => {
    const log = await newWitness('consent.example.org');
    const witness = await newWitness('witness.example/w1');
    const note = appendSignatures(await signNote(BODY, log), [await cosign(BODY, witness, NOW)]);
    const cosigKey = witnessVerifierKey(witness.name, witness.publicKey);
    expect(cosigKey.split('+')[1]).toBe(keyIdHex(cosignatureKeyId(witness.name, witness.publicKey)));
    const plainKey = formatVerifierKey(witness.name, witness.publicKey, NOTE_ED25519);
    expect(plainKey).not.toBe(cosigKey);
    for (const vkey of [cosigKey, plainKey]) {
      const report = await verifyCosignatures(note, [key(vkey)]);
      expect(report.ok && report.value.cosignatures.map((c) => [c.witness, c.timestamp])).toEqual([
        [witness.name, NOW],
      ]);
    }
    // The log's key does not count as a cosignature, nor the witness's line as a log signature.
    expect((await verifyCosignatures(note, [log])).ok && (await verifyCosignatures(note, [log]))).toMatchObject({
      value: { cosignatures: [], invalid: [] },
    });
    expect((await verifyCheckpoint(note, [witness])).ok).toBe(false);
    expect((await verifyCheckpoint(note, [log])).ok).toBe(true);
  });
});

describe('verifyCosignatures', () => {
  it('ignores unknown witnesses and keeps the latest line of each known one', async () => {
    const a = await newWitness('a.example');
    const b = await newWitness('b.example');
    const stranger = await newWitness('a.example'); // same name, another key: another key id
    const note = appendSignatures(`${BODY}\n\u2014 consent.example.org AAAAAAAA\n`, [
      await cosign(BODY, a, NOW),
      await cosign(BODY, a, NOW + 60),
      await cosign(BODY, stranger, NOW),
      await cosign(BODY, b, NOW + 5),
    ]);
    const report = await verifyCosignatures(note, [b, a]);
    expect(report.ok && report.value.cosignatures.map((c) => [c.witness, c.timestamp])).toEqual([
      ['b.example', NOW + 5],
      ['a.example', NOW + 60],
    ]);
    expect(report.ok && report.value.invalid).toEqual([]);
  });

  it('reports a line of a known witness that does not verify: forged, truncated, or far in the future', async () => {
    const a = await newWitness('a.example');
    const good = await cosign(BODY, a, NOW);
    const bytes = base64Decode(good.slice(good.lastIndexOf(' ') + 1, -1));
    const flipped = Uint8Array.from(bytes);
    flipped[20] ^= 1;
    const otherTime = Uint8Array.from(bytes);
    otherTime[11] ^= 1; // the signature no longer covers the time it claims
    const b64 = (b: Uint8Array) => btoa(String.fromCharCode(...b));
    for (const line of [
      `\u2014 a.example ${b64(flipped)}\n`,
      `\u2014 a.example ${b64(otherTime)}\n`,
      `\u2014 a.example ${b64(bytes.slice(0, 40))}\n`,
    ]) {
      const report = await verifyCosignatures(`${BODY}\n${line}`, [a]);
      expect(report.ok && report.value).toEqual({ cosignatures: [], invalid: ['a.example'] });
    }
    const future = await cosign(BODY, a, NOW + 3600);
    const report = await verifyCosignatures(`${BODY}\n${future}`, [a], { now: NOW * 1000 });
    expect(report.ok && report.value.invalid).toEqual(['a.example']);
    const tolerated = await cosign(BODY, a, NOW + 60);
    expect(await verifyCosignatures(`${BODY}\n${tolerated}`, [a], { now: NOW * 1000 })).toMatchObject({
      value: { invalid: [] },
    });
  });

  it('answers bad-checkpoint for something that is not a note', async () => {
    const report = await verifyCosignatures('not a note', []);
    expect(!report.ok && report.error.code).toBe('bad-checkpoint');
  });
});

describe('verifyWitnessQuorum', () => {
  it('needs K valid cosignatures of the named witnesses and no invalid one', async () => {
    const [a, b, c] = await Promise.all(['a.example', 'b.example', 'c.example'].map(newWitness));
    const note = appendSignatures(`${BODY}\n\u2014 consent.example.org AAAAAAAA\n`, [
      await cosign(BODY, a, NOW),
      await cosign(BODY, b, NOW + 1),
    ]);
    expect((await verifyWitnessQuorum(note, [a, b, c], 2)).ok).toBe(true);
    const three = await verifyWitnessQuorum(note, [a, b, c], 3);
    expect(!three.ok && three.error).toEqual({
      code: 'no-quorum',
      message: 'checkpoint: cosigned by 2 of the 3 witnesses required (missing: c.example)',
    });
    // A forged line by a named witness fails the note even when the quorum is met without it.
    const forgedLine = await cosign(BODY.replace('\n12\n', '\n13\n'), c, NOW);
    const forged = await verifyWitnessQuorum(appendSignatures(note, [forgedLine]), [a, b, c], 2);
    expect(!forged.ok && forged.error.code).toBe('bad-signature');
  });

  it('appendSignatures does not repeat a line the note holds', async () => {
    const a = await newWitness('a.example');
    const line = await cosign(BODY, a, NOW);
    const note = appendSignatures(`${BODY}\n\u2014 consent.example.org AAAAAAAA\n`, [line]);
    expect(appendSignatures(note, [line, line.slice(0, -1)])).toBe(note);
    expect(
      parseNote(note).ok && (parseNote(note) as { value: { signatures: unknown[] } }).value.signatures,
    ).toHaveLength(2);
  });
});
