import type { Result } from './result';

/** A parsed checkpoint (C2SP tlog-checkpoint) with its signed-note signatures. */
export interface Checkpoint {
  origin: string;
  size: number;
  rootHash: Uint8Array;
  /** The exact signed text: `origin\nsize\nbase64(root)\n`. */
  body: string;
  signatures: Array<{ name: string; keyId: Uint8Array; signature: Uint8Array }>;
}

/** A key an auditor trusts for notes: its note name and raw 32-byte Ed25519 public key. */
export interface NoteKey { name: string; publicKey: Uint8Array }

/** The checkpoint body: origin, decimal size, standard base64 root, each followed by a newline. */
export function checkpointBody(origin: string, size: number, rootHash: Uint8Array): string { throw new Error('TODO'); }
/** Signed-note key id: first 4 bytes of SHA-256(name || 0x0A || 0x01 || publicKey). */
export function noteKeyId(name: string, publicKey: Uint8Array): Uint8Array { throw new Error('TODO'); }
/** Signs a body as a C2SP signed note: body, blank line, `— name base64(keyId || sig)\n`. */
export function signNote(body: string, key: { name: string; privateKey: CryptoKey; publicKey: Uint8Array }): Promise<string> { throw new Error('TODO'); }
/** Parses a checkpoint note (without checking signatures). */
export function parseCheckpoint(note: string): Result<Checkpoint> { throw new Error('TODO'); }
/** Parses and verifies a checkpoint: at least one signature by one of `keys` must verify. */
export function verifyCheckpoint(note: string, keys: NoteKey[]): Promise<Result<Checkpoint>> { throw new Error('TODO'); }
