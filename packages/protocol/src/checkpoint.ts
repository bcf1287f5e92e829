// Checkpoints (c2sp.org/tlog-checkpoint) carried as signed notes (c2sp.org/signed-note), so
// existing transparency-log tooling can read and check what the integrator publishes.

import { base64Decode, base64Encode, bytesEqual, concatBytes, utf8 } from './encoding';
import { isNoteKeyName, noteKeyId } from './note-key';
import { fail, ok, type Result } from './result';

/** One signature line of a signed note: `— name base64(keyId || signature)`. */
export interface NoteSignature {
  name: string;
  keyId: Uint8Array;
  signature: Uint8Array;
}

/** A signed note split into its text (what the signatures cover, final newline included) and signatures. */
export interface SignedNote {
  text: string;
  signatures: NoteSignature[];
}

/** A parsed checkpoint (C2SP tlog-checkpoint) with its signed-note signatures. */
export interface Checkpoint {
  origin: string;
  size: number;
  rootHash: Uint8Array;
  /** The exact signed text: `origin\nsize\nbase64(root)\n`. */
  body: string;
  signatures: NoteSignature[];
}

/** A key an auditor trusts for notes: its note name and raw 32-byte Ed25519 public key. */
export interface NoteKey {
  name: string;
  publicKey: Uint8Array;
}

const SIGNATURE_PREFIX = '\u2014 ';
// The spec asks verifiers to accept at least 16 signatures; a cap keeps hostile notes cheap.
const MAX_SIGNATURES = 100;
const MAX_NOTE_LENGTH = 1 << 16;
// biome-ignore lint/suspicious/noControlCharactersInRegex: a note may hold no control character but newline (C2SP signed-note)
const FORBIDDEN_CONTROL = /[\u0000-\u0009\u000b-\u001f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const DECIMAL = /^(0|[1-9][0-9]*)$/;

/** The checkpoint body: origin, decimal size, standard base64 root, each followed by a newline. */
export function checkpointBody(origin: string, size: number, rootHash: Uint8Array): string {
  if (origin === '' || origin.includes('\n')) throw new TypeError('checkpoint origin must be one non-empty line');
  if (!Number.isSafeInteger(size) || size < 0)
    throw new RangeError(`checkpoint size must be a non-negative safe integer, got ${size}`);
  if (rootHash.length !== 32) throw new TypeError('checkpoint root hash must be 32 bytes');
  return `${origin}\n${size}\n${base64Encode(rootHash)}\n`;
}

/** Signs a body as a C2SP signed note: body, blank line, `— name base64(keyId || sig)\n`. */
export async function signNote(
  body: string,
  key: { name: string; privateKey: CryptoKey; publicKey: Uint8Array },
): Promise<string> {
  const problem = textProblem(body);
  if (problem) throw new TypeError(`signNote: ${problem}`);
  const signature = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, key.privateKey, utf8(body)));
  return `${body}\n${signatureLine(key.name, concatBytes(noteKeyId(key.name, key.publicKey), signature))}`;
}

/** One signature line, newline included: `— name base64(keyId || signature)`. */
export function signatureLine(name: string, bytes: Uint8Array): string {
  if (!isNoteKeyName(name)) throw new TypeError(`invalid note key name ${JSON.stringify(name)}`);
  return `${SIGNATURE_PREFIX}${name} ${base64Encode(bytes)}\n`;
}

/** A signed note with more signature lines after its own; a line the note already holds is not repeated. */
export function appendSignatures(note: string, lines: string[]): string {
  const present = new Set(note.slice(note.lastIndexOf('\n\n') + 2).split('\n'));
  let out = note;
  for (const line of lines) {
    const bare = line.endsWith('\n') ? line.slice(0, -1) : line;
    if (present.has(bare) || !bare.startsWith(SIGNATURE_PREFIX) || bare.includes('\n')) continue;
    present.add(bare);
    out += `${bare}\n`;
  }
  return out;
}

/** Parses a signed note (C2SP signed-note) without checking its signatures; `bad-checkpoint` when malformed. */
export function parseNote(note: string): Result<SignedNote> {
  if (typeof note !== 'string') return fail('bad-checkpoint', 'note: not a string');
  if (note.length > MAX_NOTE_LENGTH) return fail('bad-checkpoint', 'note: too long');
  // The text is separated from the signatures by the note's last empty line.
  const separator = note.lastIndexOf('\n\n');
  if (separator < 0 || !note.endsWith('\n'))
    return fail('bad-checkpoint', 'note: not a text, a blank line, then signature lines');
  const text = note.slice(0, separator + 1);
  const problem = textProblem(text) ?? textProblem(note);
  if (problem) return fail('bad-checkpoint', `note: ${problem}`);
  const lines = note.slice(separator + 2, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) return fail('bad-checkpoint', 'note: too many signatures');
  const signatures: NoteSignature[] = [];
  for (const [i, line] of lines.entries()) {
    const parsed = parseSignatureLine(line);
    if (!parsed) return fail('bad-checkpoint', `note: signature line ${i + 1} is not "— <name> <base64>"`);
    signatures.push(parsed);
  }
  return ok({ text, signatures });
}

/**
 * Parses and verifies a signed note: every signature by one of `keys` (same name and key id) must
 * verify, and there must be at least one. Signatures by other keys are ignored, as the spec asks.
 */
export async function verifyNote(note: string, keys: NoteKey[]): Promise<Result<SignedNote>> {
  const parsed = parseNote(note);
  if (!parsed.ok) return parsed;
  const known = keys
    .filter((key) => key.publicKey instanceof Uint8Array && key.publicKey.length === 32)
    .map((key) => ({ key, keyId: noteKeyId(key.name, key.publicKey) }));
  const message = utf8(parsed.value.text);
  let verified = 0;
  for (const signature of parsed.value.signatures) {
    const trusted = known.find(({ key, keyId }) => key.name === signature.name && bytesEqual(keyId, signature.keyId));
    if (!trusted) continue;
    if (!(await ed25519Verifies(trusted.key.publicKey, signature.signature, message))) {
      return fail('bad-signature', `note: the signature by ${signature.name} does not verify`);
    }
    verified += 1;
  }
  return verified > 0 ? parsed : fail('bad-signature', 'note: no signature by a trusted key');
}

/**
 * Parses a checkpoint note (without checking signatures). Extension lines are refused unless
 * `extensions` is set: this log never writes them, but a witness must take other logs' checkpoints.
 */
export function parseCheckpoint(note: string, options: { extensions?: boolean } = {}): Result<Checkpoint> {
  const parsed = parseNote(note);
  return parsed.ok ? checkpointOf(parsed.value, options.extensions === true) : parsed;
}

/** Parses and verifies a checkpoint: at least one signature by one of `keys` must verify (and none of theirs fail). */
export async function verifyCheckpoint(
  note: string,
  keys: NoteKey[],
  options: { extensions?: boolean } = {},
): Promise<Result<Checkpoint>> {
  // The body is checked before any signature, so a malformed checkpoint costs no crypto.
  const checkpoint = parseCheckpoint(note, options);
  if (!checkpoint.ok) return checkpoint;
  const verified = await verifyNote(note, keys);
  return verified.ok ? checkpoint : verified;
}

/** Reads the checkpoint fields out of a note's text. */
function checkpointOf(note: SignedNote, extensions: boolean): Result<Checkpoint> {
  const lines = note.text.slice(0, -1).split('\n');
  if (extensions ? lines.length < 3 || lines.slice(3).includes('') : lines.length !== 3)
    return fail(
      'bad-checkpoint',
      `checkpoint: expected 3 body lines (origin, size, root)${extensions ? ' then non-empty extension lines' : ''}, got ${lines.length}`,
    );
  const [origin, sizeLine, rootLine] = lines;
  if (origin === '') return fail('bad-checkpoint', 'checkpoint: empty origin');
  const size = Number(sizeLine);
  if (!DECIMAL.test(sizeLine) || !Number.isSafeInteger(size))
    return fail('bad-checkpoint', 'checkpoint: size is not a decimal integer');
  const rootHash = decodeBase64(rootLine);
  if (rootHash?.length !== 32) return fail('bad-checkpoint', 'checkpoint: root hash is not 32 bytes of base64');
  return ok({ origin, size, rootHash, body: note.text, signatures: note.signatures });
}

/** What makes a text unfit for a signed note, or null when it is fit. */
function textProblem(text: string): string | null {
  if (!text.endsWith('\n') || text === '\n') return 'text must be non-empty and end with a newline';
  if (FORBIDDEN_CONTROL.test(text)) return 'control characters other than newline are not allowed';
  if (LONE_SURROGATE.test(text)) return 'text is not valid Unicode';
  return null;
}

function parseSignatureLine(line: string): NoteSignature | null {
  if (!line.startsWith(SIGNATURE_PREFIX)) return null;
  const rest = line.slice(SIGNATURE_PREFIX.length);
  const space = rest.indexOf(' ');
  if (space < 0) return null;
  const name = rest.slice(0, space);
  const bytes = decodeBase64(rest.slice(space + 1));
  if (!isNoteKeyName(name) || !bytes || bytes.length <= 4) return null;
  return { name, keyId: bytes.slice(0, 4), signature: bytes.slice(4) };
}

function decodeBase64(text: string): Uint8Array | null {
  if (!BASE64.test(text)) return null;
  try {
    return base64Decode(text);
  } catch {
    return null;
  }
}

/** Whether `signature` is `publicKey`'s Ed25519 signature of `message` (WebCrypto); false on any error. */
export async function ed25519Verifies(
  publicKey: Uint8Array,
  signature: Uint8Array,
  message: Uint8Array,
): Promise<boolean> {
  if (signature.length !== 64) return false;
  try {
    const key = await crypto.subtle.importKey('raw', publicKey as Uint8Array<ArrayBuffer>, { name: 'Ed25519' }, false, [
      'verify',
    ]);
    return await crypto.subtle.verify(
      { name: 'Ed25519' },
      key,
      signature as Uint8Array<ArrayBuffer>,
      message as Uint8Array<ArrayBuffer>,
    );
  } catch {
    return false;
  }
}
