// Witness cosignatures (c2sp.org/tlog-cosignature, `cosignature/v1`, Ed25519): a witness's
// timestamped statement that a checkpoint is the largest consistent tree it has seen of that log.
// A cosignature is one more signature line on the checkpoint note:
//   — <witness name> base64(keyId || u64 big-endian timestamp || Ed25519 signature)
// keyId = SHA-256(name || 0x0A || 0x04 || public key)[:4], and the signed message is
// "cosignature/v1\ntime <timestamp>\n" followed by the checkpoint's note text.
import { ed25519Verifies, type NoteKey, parseNote, signatureLine } from './checkpoint';
import { bytesEqual, concatBytes, utf8 } from './encoding';
import { COSIGNATURE_ED25519, formatVerifierKey, keyIdHex, noteKeyId, parseVerifierKey } from './note-key';
import { type Failure, ok, type Result } from './result';

/** One valid cosignature: which witness, and when it cosigned (POSIX seconds and ISO 8601). */
export interface Cosignature {
  witness: string;
  /** The witness's cosignature key id, hex. */
  keyId: string;
  timestamp: number;
  at: string;
}

/** The cosignatures of a note by the witnesses a verifier knows. */
export interface CosignatureReport {
  /** Valid cosignatures, one per witness (its latest), in the order of the given witnesses. */
  cosignatures: Cosignature[];
  /** Witnesses with a cosignature line that does not verify (a forged or damaged line). */
  invalid: string[];
}

const HEADER = 'cosignature/v1\n';
// Past this a timestamp no longer fits a JavaScript number exactly; the spec's own bound is 2^63 - 1.
const MAX_TIMESTAMP = Number.MAX_SAFE_INTEGER;
/** Clock skew tolerated before a cosignature's timestamp counts as "in the future" (seconds). */
const FUTURE_SKEW = 600;

/** The message a witness signs: the `cosignature/v1` header, `time <timestamp>`, then the checkpoint text. */
export function cosignatureMessage(text: string, timestamp: number): Uint8Array<ArrayBuffer> {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0)
    throw new RangeError('a cosignature timestamp is a non-negative integer');
  return utf8(`${HEADER}time ${timestamp}\n${text}`);
}

/** The cosignature key id of a witness: type 0x04 of signed-note's key id derivation. */
export function cosignatureKeyId(name: string, publicKey: Uint8Array): Uint8Array {
  return noteKeyId(name, publicKey, COSIGNATURE_ED25519);
}

/** A witness's verifier key: `name+keyid+base64(0x04 || key)`. */
export function witnessVerifierKey(name: string, publicKey: Uint8Array): string {
  return formatVerifierKey(name, publicKey, COSIGNATURE_ED25519);
}

/**
 * The witness named by a verifier key. A plain Ed25519 note key (0x01) is taken as the same key's
 * cosignature key, as Go's transparency-dev/formats does, so either form of a witness's key works.
 */
export function parseWitnessKey(vkey: unknown): Result<NoteKey> {
  const parsed = parseVerifierKey(vkey);
  return parsed.ok ? ok({ name: parsed.value.name, publicKey: parsed.value.publicKey }) : parsed;
}

/** Cosigns a checkpoint's note text at `timestamp` (POSIX seconds); answers the signature line, newline included. */
export async function cosign(
  text: string,
  key: { name: string; privateKey: CryptoKey; publicKey: Uint8Array },
  timestamp: number,
): Promise<string> {
  const message = cosignatureMessage(text, timestamp);
  const signature = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, key.privateKey, message));
  const time = new Uint8Array(8);
  new DataView(time.buffer).setBigUint64(0, BigInt(timestamp));
  return signatureLine(key.name, concatBytes(cosignatureKeyId(key.name, key.publicKey), time, signature));
}

/**
 * Checks the cosignatures of a note against the witnesses a verifier trusts. Lines of unknown
 * witnesses are ignored; a line that names a known witness (name and key id) but does not verify,
 * or whose time is more than ten minutes after `now` (ms, when given), is reported as invalid.
 */
export async function verifyCosignatures(
  note: string,
  witnesses: NoteKey[],
  options: { now?: number } = {},
): Promise<Result<CosignatureReport>> {
  const parsed = parseNote(note);
  if (!parsed.ok) return parsed;
  const known = witnesses
    .filter((w) => w.publicKey instanceof Uint8Array && w.publicKey.length === 32)
    .map((w) => ({ witness: w, keyId: cosignatureKeyId(w.name, w.publicKey) }));
  const latest = new Map<NoteKey, Cosignature>();
  const invalid = new Set<string>();
  const horizon = options.now === undefined ? MAX_TIMESTAMP : Math.floor(options.now / 1000) + FUTURE_SKEW;
  for (const line of parsed.value.signatures) {
    const match = known.find((k) => k.witness.name === line.name && bytesEqual(k.keyId, line.keyId));
    if (!match) continue;
    const timestamp = line.signature.length === 72 ? readTimestamp(line.signature) : -1;
    const valid =
      timestamp >= 0 &&
      timestamp <= horizon &&
      (await ed25519Verifies(
        match.witness.publicKey,
        line.signature.slice(8),
        cosignatureMessage(parsed.value.text, timestamp),
      ));
    if (!valid) {
      invalid.add(match.witness.name);
      continue;
    }
    const seen = latest.get(match.witness);
    if (!seen || seen.timestamp < timestamp)
      latest.set(match.witness, {
        witness: match.witness.name,
        keyId: keyIdHex(match.keyId),
        timestamp,
        at: new Date(timestamp * 1000).toISOString(),
      });
  }
  const cosignatures = known.flatMap((k) => latest.get(k.witness) ?? []);
  return ok({ cosignatures, invalid: [...invalid] });
}

/**
 * Checks that a note carries valid cosignatures of at least `quorum` of `witnesses`, and no
 * invalid one of theirs: `no-quorum` or `bad-signature` otherwise. Answers the valid cosignatures.
 */
export async function verifyWitnessQuorum(
  note: string,
  witnesses: NoteKey[],
  quorum: number,
  options: { now?: number } = {},
): Promise<Result<Cosignature[]>> {
  const report = await verifyCosignatures(note, witnesses, options);
  if (!report.ok) return report;
  const problem = quorumProblem(report.value, witnesses, quorum);
  return problem ? { ok: false, error: problem } : ok(report.value.cosignatures);
}

/** Why a cosignature report falls short of `quorum` of `witnesses` (`bad-signature`, `no-quorum`), or null when it does not. */
export function quorumProblem(
  report: CosignatureReport,
  witnesses: NoteKey[],
  quorum: number,
): Failure<'bad-signature' | 'no-quorum'> | null {
  const { cosignatures, invalid } = report;
  if (invalid.length > 0)
    return { code: 'bad-signature', message: `checkpoint: the cosignature of ${invalid.join(', ')} does not verify` };
  if (cosignatures.length >= quorum) return null;
  const missing = witnesses.filter((w) => !cosignatures.some((c) => c.witness === w.name)).map((w) => w.name);
  return {
    code: 'no-quorum',
    message: `checkpoint: cosigned by ${cosignatures.length} of the ${quorum} witnesses required (missing: ${missing.join(', ')})`,
  };
}

function readTimestamp(bytes: Uint8Array): number {
  const value = new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0);
  return value > BigInt(MAX_TIMESTAMP) ? -1 : Number(value);
}
