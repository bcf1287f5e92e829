// Scripts go out compressed: each body is compressed once (brotli at its best quality, and gzip),
// kept, and sent in the encoding the request's Accept-Encoding prefers, with `Vary` and an ETag
// of its own per encoding (RFC 9110 §8.8.3: each encoding is a different representation).
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context } from 'hono';
import { notModified } from './conditional';
import type { AppEnv } from './env';

/** The content codings the collector sends, most preferred first on a tie. */
export const ENCODINGS = ['br', 'gzip'] as const;
export type Encoding = (typeof ENCODINGS)[number] | 'identity';

/** One body in every encoding worth sending (an encoding that saves nothing is left out). */
export type Encoded = { identity: Uint8Array } & Partial<Record<(typeof ENCODINGS)[number], Uint8Array>>;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Compresses a text body once in every encoding, off the event loop (zlib's thread pool). */
export async function encodeAll(body: Uint8Array): Promise<Encoded> {
  const [br, gz] = await Promise.all([
    brotli(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
      },
    }),
    gzipped(body, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  const encoded: Encoded = { identity: body };
  if (br.byteLength < body.byteLength) encoded.br = br;
  if (gz.byteLength < body.byteLength) encoded.gzip = gz;
  return encoded;
}

/** The encoding `Accept-Encoding` prefers among those given (q-values, `*`, `identity;q=0` honoured as far as possible). */
export function preferredEncoding(header: string | undefined, available: readonly Encoding[]): Encoding {
  if (!header) return 'identity';
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (name) weights.set(name.trim(), Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (coding: Encoding) => weights.get(coding) ?? (coding === 'identity' ? 1 : (weights.get('*') ?? 0));
  // Highest weight wins; on a tie, the smaller encoding (the order of ENCODINGS, identity last).
  let best: Encoding = 'identity';
  for (const coding of [...ENCODINGS].reverse()) {
    if (available.includes(coding) && weightOf(coding) > 0 && weightOf(coding) >= weightOf(best)) best = coding;
  }
  return best;
}

/** The entity tag of one encoding of a representation tagged `etag` (quoted): `"v"`, `"v.br"`, `"v.gzip"`. */
export function encodedTag(etag: string, encoding: Encoding): string {
  return encoding === 'identity' ? etag : `${etag.slice(0, -1)}.${encoding}"`;
}

/** How to answer with an encoded body. */
export interface EncodedAnswer {
  /** The identity representation's strong ETag (quoted); each encoding gets its own. */
  etag: string;
  contentType: string;
  cacheControl: string;
  /** Request headers the body depends on besides Accept-Encoding. */
  vary?: string[];
}

/** Answers with the body in the preferred encoding (or a 304 for it), with `Vary: Accept-Encoding`. */
export function sendEncoded(c: Context<AppEnv>, encoded: Encoded, answer: EncodedAnswer): Response {
  const available = (Object.keys(encoded) as Encoding[]).filter((e) => encoded[e as keyof Encoded] !== undefined);
  const encoding = preferredEncoding(c.req.header('accept-encoding'), available);
  const etag = encodedTag(answer.etag, encoding);
  c.header('ETag', etag);
  c.header('Vary', [...(answer.vary ?? []), 'Accept-Encoding'].join(', '));
  c.header('Cache-Control', answer.cacheControl);
  if (notModified((name) => c.req.header(name), { etag })) return c.body(null, 304);
  c.header('Content-Type', answer.contentType);
  c.header('X-Content-Type-Options', 'nosniff');
  if (encoding !== 'identity') c.header('Content-Encoding', encoding);
  return c.body(encoded[encoding as keyof Encoded] as Uint8Array<ArrayBuffer>);
}
