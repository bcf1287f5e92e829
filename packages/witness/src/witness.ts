// A C2SP transparency-log witness (c2sp.org/tlog-witness) as a Hono app: `POST /add-checkpoint`
// checks a log's new checkpoint against the one it last cosigned and answers its timestamped
// cosignature (c2sp.org/tlog-cosignature, cosignature/v1, Ed25519). `GET /` says who it is and
// what it has cosigned; `GET /evidence` lists the refusals that show a log contradicting itself.
import {
  base64Encode,
  cosign,
  parseAddCheckpoint,
  parseCheckpoint,
  TLOG_SIZE_TYPE,
  verifyCheckpoint,
  witnessVerifierKey,
} from '@consent-ledger/protocol';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { LogPolicy } from './policy';
import { judge } from './state';
import type { WitnessStore } from './store';

/** The witness's signing key: its name (the cosignature's key name) and Ed25519 key pair. */
export interface WitnessKey {
  name: string;
  privateKey: CryptoKey;
  publicKey: Uint8Array;
}

/** Options of `createWitness`. */
export interface WitnessOptions {
  store: WitnessStore;
  key: WitnessKey;
  policy: LogPolicy;
  /** Milliseconds since the epoch. */
  clock?: () => number;
  /** Where refusals worth an operator's attention are reported. */
  log?: (message: string) => void;
}

/** A witness's answer to one add-checkpoint request. */
export interface WitnessAnswer {
  status: 200 | 400 | 403 | 404 | 409 | 413 | 422;
  contentType: string;
  body: string;
}

/** A running witness: its app, its verifier key, and the add-checkpoint logic without HTTP. */
export interface Witness {
  app: Hono;
  /** `name+keyid+base64(0x04 || key)`: what logs and verifiers are configured with. */
  vkey: string;
  addCheckpoint(body: string): Promise<WitnessAnswer>;
}

/** A request body holds at most a checkpoint note (64 KiB) and 63 proof lines. */
const MAX_BODY = 128 * 1024;

const json = (status: WitnessAnswer['status'], code: string, message: string): WitnessAnswer => ({
  status,
  contentType: 'application/json',
  body: JSON.stringify({ error: { code, message } }),
});

/** Creates a witness over its store, key and log policy. */
export function createWitness(options: WitnessOptions): Witness {
  const { store, key, policy } = options;
  const clock = options.clock ?? Date.now;
  const vkey = witnessVerifierKey(key.name, key.publicKey);

  async function addCheckpoint(body: string): Promise<WitnessAnswer> {
    const request = parseAddCheckpoint(body);
    if (!request.ok) return json(400, 'malformed', request.error.message);
    const parsed = parseCheckpoint(request.value.note, { extensions: true });
    if (!parsed.ok) return json(400, 'malformed', parsed.error.message);
    const { origin } = parsed.value;
    const keys = await policy.keysFor(origin);
    if (keys.length === 0) return json(404, 'unknown-log', `this witness does not witness ${origin}`);
    const checkpoint = await verifyCheckpoint(request.value.note, keys, { extensions: true });
    if (!checkpoint.ok) return json(403, 'bad-signature', `no signature by a trusted key of ${origin}`);
    const { size, rootHash } = checkpoint.value;
    const { verdict, latest, timestamp } = store.advance(
      origin,
      { size, rootHash, note: request.value.note, request: body },
      (latest) => judge(request.value, checkpoint.value, latest),
      clock,
    );
    if (verdict.status !== 200) {
      if (verdict.evidence && latest) {
        options.log?.(
          `witness: refused ${origin} (${verdict.evidence}): cosigned size ${latest.size} root ${base64Encode(latest.rootHash)}, submitted size ${size} root ${base64Encode(rootHash)}: ${verdict.message}`,
        );
      }
      if (verdict.status === 409)
        return { status: 409, contentType: TLOG_SIZE_TYPE, body: `${verdict.cosignedSize}\n` };
      return json(verdict.status, verdict.status === 400 ? 'malformed' : 'bad-proof', verdict.message);
    }
    const line = await cosign(checkpoint.value.body, key, timestamp);
    return { status: 200, contentType: 'text/plain; charset=utf-8', body: line };
  }

  const app = new Hono();
  app.post(
    '/add-checkpoint',
    bodyLimit({
      maxSize: MAX_BODY,
      onError: (c) => c.json({ error: { code: 'too-large', message: `at most ${MAX_BODY} bytes` } }, 413),
    }),
    async (c) => {
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(await c.req.arrayBuffer());
      } catch {
        return c.json({ error: { code: 'malformed', message: 'the body is not UTF-8' } }, 400);
      }
      const answer = await addCheckpoint(text);
      return c.body(answer.body, answer.status, { 'Content-Type': answer.contentType });
    },
  );
  app.get('/', (c) =>
    c.json({
      name: key.name,
      vkey,
      logs: store.logs().map((log) => ({
        origin: log.origin,
        size: log.size,
        rootHash: base64Encode(log.rootHash),
        cosignedAt: new Date(log.cosignedAt * 1000).toISOString(),
      })),
      evidence: store.evidence().length,
    }),
  );
  app.get('/evidence', (c) => c.json({ evidence: store.evidence() }));
  app.all('/add-checkpoint', (c) =>
    c.json({ error: { code: 'method-not-allowed', message: 'use POST' } }, 405, { Allow: 'POST' }),
  );
  app.notFound((c) => c.json({ error: { code: 'not-found', message: `no route ${c.req.path}` } }, 404));
  app.onError((error, c) => {
    options.log?.(`witness: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return c.json({ error: { code: 'internal', message: 'the witness failed to answer' } }, 500);
  });
  return { app, vkey, addCheckpoint };
}
