// The wire format of c2sp.org/tlog-witness's `POST <prefix>/add-checkpoint`, shared by the log that
// submits (the collector) and the witness that answers. Request body:
//   old <size>\n  <base64 consistency proof hash>\n ... (at most 63)  \n  <signed checkpoint note>
// A 409 answer carries the size the witness last cosigned as `<size>\n` (`text/x.tlog.size`).
import { base64Decode, base64Encode } from './encoding';
import { fail, ok, type Result } from './result';

/** A parsed add-checkpoint request. */
export interface AddCheckpointRequest {
  oldSize: number;
  /** The consistency proof from `oldSize` to the checkpoint's size (empty when `oldSize` is 0). */
  proof: Uint8Array[];
  /** The signed checkpoint note, signatures included. */
  note: string;
}

/** The content type of a witness's 409 answer. */
export const TLOG_SIZE_TYPE = 'text/x.tlog.size';
/** Most consistency proof lines a request may carry. */
export const MAX_PROOF_LINES = 63;

const DECIMAL = /^(0|[1-9][0-9]{0,15})$/;
const HASH_LINE = /^[A-Za-z0-9+/]{43}=$/;

/** Formats an add-checkpoint request body. */
export function formatAddCheckpoint(oldSize: number, proof: Uint8Array[], note: string): string {
  if (!Number.isSafeInteger(oldSize) || oldSize < 0) throw new RangeError('old size must be a non-negative integer');
  if (proof.length > MAX_PROOF_LINES) throw new RangeError('a consistency proof has at most 63 hashes');
  return `old ${oldSize}\n${proof.map((hash) => `${base64Encode(hash)}\n`).join('')}\n${note}`;
}

/** Parses an add-checkpoint request body (not the checkpoint inside); `malformed` when it breaks the format. */
export function parseAddCheckpoint(body: string): Result<AddCheckpointRequest> {
  if (typeof body !== 'string') return fail('malformed', 'add-checkpoint: not a text body');
  const blank = body.indexOf('\n\n');
  if (blank < 0) return fail('malformed', 'add-checkpoint: no empty line before the checkpoint');
  const [oldLine, ...proofLines] = body.slice(0, blank).split('\n');
  const old = oldLine.startsWith('old ') ? oldLine.slice(4) : '';
  if (!DECIMAL.test(old) || !Number.isSafeInteger(Number(old)))
    return fail('malformed', 'add-checkpoint: the first line must be "old <size>"');
  if (proofLines.length > MAX_PROOF_LINES)
    return fail('malformed', `add-checkpoint: more than ${MAX_PROOF_LINES} consistency proof lines`);
  const proof: Uint8Array[] = [];
  for (const line of proofLines) {
    if (!HASH_LINE.test(line)) return fail('malformed', 'add-checkpoint: a proof line is not a base64 SHA-256 hash');
    try {
      proof.push(base64Decode(line));
    } catch {
      return fail('malformed', 'add-checkpoint: a proof line is not canonical base64');
    }
  }
  return ok({ oldSize: Number(old), proof, note: body.slice(blank + 2) });
}

/** Reads a `text/x.tlog.size` body (`<size>\n`); null when it is not one. */
export function parseTlogSize(body: string): number | null {
  const line = body.endsWith('\n') ? body.slice(0, -1) : body;
  return DECIMAL.test(line) && Number.isSafeInteger(Number(line)) ? Number(line) : null;
}
