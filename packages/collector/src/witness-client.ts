// The collector's side of c2sp.org/tlog-witness: a witness it asks to cosign (`serve --witness
// <vkey>=<url>`), and one add-checkpoint request, its answer classified as the spec defines it.
import {
  appendSignatures,
  fail,
  formatAddCheckpoint,
  type NoteKey,
  ok,
  parseTlogSize,
  parseWitnessKey,
  type Result,
  TLOG_SIZE_TYPE,
  verifyCosignatures,
  witnessVerifierKey,
} from '@consent-ledger/protocol';

/** A witness the collector submits checkpoints to. */
export interface WitnessEndpoint {
  /** Its name and Ed25519 key (cosignatures are checked against them). */
  key: NoteKey;
  /** Its verifier key in the 0x04 form: how it is named in the store, the metrics and the log's witnesses route. */
  vkey: string;
  /** Its submission prefix: requests go to `<url>/add-checkpoint`. */
  url: string;
}

/** A witness's answer to one add-checkpoint request. */
export type WitnessReply =
  /** 200: its valid cosignature lines of the checkpoint, with their timestamps. */
  | { kind: 'cosigned'; cosignatures: Array<{ line: string; timestamp: number }> }
  /** 409 with a size: the size it last cosigned (the old size to retry from). */
  | { kind: 'conflict'; size: number }
  /** Anything else: refused (400, 403, 404, 409 without a size, 422…) or unusable. */
  | { kind: 'refused'; status: number; message: string };

/** Longest wait for one witness's answer: a witness that hangs delays only its own cosignatures. */
const TIMEOUT_MS = 10_000;

/** Parses `<vkey>=<url>` (`serve --witness`): the witness's verifier key, `=`, its http(s) submission prefix. */
export function parseWitnessEndpoint(text: string): Result<WitnessEndpoint> {
  const match = /^(.+)=(https?:\/\/.+)$/.exec(text);
  if (!match) return fail('malformed', 'a witness is <verifier key>=<http(s) URL>');
  const key = parseWitnessKey(match[1]);
  if (!key.ok) return key;
  let url: URL;
  try {
    url = new URL(match[2]);
  } catch {
    return fail('malformed', `${match[2]} is not a URL`);
  }
  if (url.search || url.hash || url.username || url.password)
    return fail('malformed', `${match[2]}: give the submission prefix only, with no query, fragment or credentials`);
  return ok({
    key: key.value,
    vkey: witnessVerifierKey(key.value.name, key.value.publicKey),
    url: url.href.replace(/\/+$/, ''),
  });
}

/** Submits a checkpoint with the consistency proof from `oldSize`; throws only when the witness cannot be reached. */
export async function submitCheckpoint(
  witness: WitnessEndpoint,
  request: { oldSize: number; proof: Uint8Array[]; note: string },
  options: { fetch?: typeof fetch; signal?: AbortSignal } = {},
): Promise<WitnessReply> {
  const signal = options.signal
    ? AbortSignal.any([options.signal, AbortSignal.timeout(TIMEOUT_MS)])
    : AbortSignal.timeout(TIMEOUT_MS);
  const response = await (options.fetch ?? fetch)(`${witness.url}/add-checkpoint`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    body: formatAddCheckpoint(request.oldSize, request.proof, request.note),
    signal,
  });
  const text = (await response.text()).slice(0, 65_536);
  if (response.status === 409) {
    const size = response.headers.get('content-type')?.startsWith(TLOG_SIZE_TYPE) ? parseTlogSize(text) : null;
    if (size !== null) return { kind: 'conflict', size };
    return {
      kind: 'refused',
      status: 409,
      message: 'conflict without a size: the checkpoint contradicts the one it cosigned',
    };
  }
  if (response.status !== 200) return { kind: 'refused', status: response.status, message: errorMessage(text) };
  // Keep only lines that are this witness's valid cosignature of this very checkpoint.
  const cosignatures: Array<{ line: string; timestamp: number }> = [];
  for (const line of text.split('\n').filter((l) => l.startsWith('\u2014 '))) {
    const report = await verifyCosignatures(appendSignatures(request.note, [line]), [witness.key]);
    const [cosignature] = report.ok ? report.value.cosignatures : [];
    if (cosignature) cosignatures.push({ line: `${line}\n`, timestamp: cosignature.timestamp });
  }
  if (cosignatures.length === 0)
    return { kind: 'refused', status: 200, message: 'the answer holds no valid cosignature by this witness' };
  return { kind: 'cosigned', cosignatures };
}

function errorMessage(text: string): string {
  try {
    const message = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message;
    if (typeof message === 'string') return message.slice(0, 300);
  } catch {
    // Not our witness's JSON error: its text, shortened.
  }
  return text.trim().slice(0, 300) || 'no message';
}
