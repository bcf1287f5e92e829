// The ledger the tamper corpus attacks: a real collector on a temp SQLite file with a fixture site,
// visitors' chains spread over days (grants, withdrawals, a revision bump midway), integrated and
// checkpointed; then what leaves it for auditors and visitors: a full export, a partial export of
// some days, and one visitor's proof file as the SDK saves it (format 2, signed by the device).
import { collectorJwks, prepareNdjsonExport } from '@consent-ledger/collector';
import { Device, testCollector, testCollectorKey } from '@consent-ledger/collector/testing';
import {
  type AckPayload,
  type Choice,
  type Jwks,
  type ProofDocument,
  signAck,
  signProofDocument,
} from '@consent-ledger/protocol';

const DAY = 86_400_000;
const START = Date.parse('2026-11-02T08:00:00.000Z');

/** What the corpus tampers with, and the material an attacker forges lines from. */
export interface TamperTargets {
  /** The collector's keys, as an auditor fetched them from /v1/keys. */
  keys: Jwks;
  full: string;
  partial: string;
  /** The proof file's text, pretty-printed as the SDK saves it. */
  proof: string;
  forgery: {
    /** A receipt line for the site, device-signed by an attacker, acked by the attacker's own key. */
    receiptLine: (index: number) => string;
    /** A valid receipt JWS of another visitor of the site, never logged. */
    receiptJws: string;
    /** The proof document's receipt item of that receipt, with an ack the attacker signed. */
    proofItem: ProofDocument['receipts'][number];
  };
  /** Lines of the full and partial exports (header first, newline-free). */
  lines: { full: string[]; partial: string[] };
}

async function text(chunks: AsyncGenerator<Uint8Array | string>): Promise<string> {
  const decoder = new TextDecoder();
  let out = '';
  for await (const chunk of chunks) out += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  return out;
}

/** Builds the ledger: `subjects` visitors over `days` days (at least 6). */
export async function buildTamperLedger(options: { subjects: number; days: number }): Promise<TamperTargets> {
  let now = START;
  const h = await testCollector({ clock: () => now });
  try {
    let config = h.config;
    const purposes = Object.keys(config.purposes);
    const all = (state: Choice): Record<string, Choice> => Object.fromEntries(purposes.map((p) => [p, state]));
    const devices: Device[] = [];
    const acks = new Map<string, string>();
    let visitor: { device: Device; jws: string[] } | null = null;
    for (let day = 0; day < options.days; day++) {
      now = START + day * DAY;
      if (day === Math.floor(options.days / 2)) {
        const bumped = await h.collector.publishSite({ ...config, revision: config.revision + 1 });
        if (!bumped.ok) throw new Error(bumped.error.message);
        config = bumped.value.site.config;
      }
      for (let i = 0; i < Math.ceil(options.subjects / options.days); i++) devices.push(await Device.create(config));
      // Every device speaks a little each day: a first choice, then a change of mind or a withdrawal.
      for (const [n, device] of devices.entries()) {
        if ((n + day) % 3 === 2) continue;
        now += 60_000;
        const method = device.last === null ? (n % 2 ? 'accept-all' : 'save') : n % 2 ? 'withdraw' : 'save';
        const choices: Record<string, Choice> =
          method === 'accept-all' ? all('granted') : { ...all('denied'), [purposes[day % purposes.length]]: 'granted' };
        const receipt = await device.receipt({ method, choices });
        const res = await h.post([receipt.jws]);
        if (res.status !== 201) throw new Error(`ingest refused: ${res.status} ${await res.text()}`);
        acks.set(receipt.payload.id, ((await res.json()) as { acks: string[] }).acks[0]);
        if (n === 1) {
          visitor ??= { device, jws: [] };
          visitor.jws.push(receipt.jws);
        }
      }
    }
    await h.collector.context.integrator.runOnce();
    const keys = collectorJwks(h.key);
    const signer = { keys, key: h.key, clock: () => now };
    const full = await text((await prepareNdjsonExport(h.store, config.site, signer))!.chunks());
    const range = {
      from: new Date(START + 2 * DAY).toISOString(),
      to: new Date(START + (options.days - 2) * DAY).toISOString(),
    };
    const partial = await text((await prepareNdjsonExport(h.store, config.site, signer, range))!.chunks());

    // The visitor's proof file, as the SDK's exportProof() builds it.
    const { device, jws } = visitor!;
    const idOf = (j: string) => JSON.parse(Buffer.from(j.split('.')[1], 'base64url').toString()).id as string;
    const proofOf = async (id: string) =>
      (await h.collector.app.request(`/v1/sites/${config.site}/log/proof/${id}`)).json() as Promise<
        NonNullable<ProofDocument['receipts'][number]['proof']>
      >;
    const receipts = await Promise.all(
      jws.map(async (j) => ({ jws: j, ack: acks.get(idOf(j))!, proof: await proofOf(idOf(j)) })),
    );
    const subject = JSON.parse(Buffer.from(jws[0].split('.')[1], 'base64url').toString()).subject as string;
    const doc = await signProofDocument(
      {
        site: config.site,
        subject,
        collector: 'https://consent.example.org',
        exportedAt: new Date(now).toISOString(),
        keys,
        receipts,
      },
      device.keys,
    );

    // Forgery material: an attacker's own device and collector key.
    const attackerKey = await testCollectorKey('attacker.example');
    const stranger = await Device.create(config);
    const forged = await stranger.receipt({ method: 'accept-all', choices: all('granted') });
    const forgedAck = (index: number) =>
      signAck(
        {
          v: 1,
          id: forged.payload.id,
          site: config.site,
          subject: forged.payload.subject,
          index,
          leafHash: forged.leafHash,
          receivedAt: new Date(now).toISOString(),
          ip: null,
          userAgent: null,
        } satisfies AckPayload,
        attackerKey,
      );
    // One forged ack per index of the log, so a forged line can name any index it replaces.
    const acksByIndex = new Map<number, string>();
    for (let i = 0; i < full.split('\n').length; i++) acksByIndex.set(i, await forgedAck(i));
    return {
      keys,
      full,
      partial,
      proof: JSON.stringify(doc, null, 2),
      forgery: {
        receiptLine: (index) =>
          JSON.stringify({
            index,
            kind: 'receipt',
            jws: forged.jws,
            ack: acksByIndex.get(index) ?? acksByIndex.get(0),
          }),
        receiptJws: forged.jws,
        proofItem: { jws: forged.jws, ack: acksByIndex.get(0)!, proof: null },
      },
      lines: { full: full.trimEnd().split('\n'), partial: partial.trimEnd().split('\n') },
    };
  } finally {
    await h.dispose();
  }
}
