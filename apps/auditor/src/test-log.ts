// Test data for the component tests: a real, signed, in-memory site log (collector key, notices,
// device-signed receipts, acks, checkpoint, inclusion proofs), so Verify runs on genuine bytes.

import type { GrantPeriod, HistoryNotice, HistoryReceipt, SubjectHistory } from '@consent-ledger/protocol';
import {
  base64urlEncode,
  type Choice,
  checkpointBody,
  createReceipt,
  exportPublicJwk,
  generateCollectorKey,
  generateDeviceKey,
  type InclusionProofBundle,
  inclusionProof,
  type Jwks,
  jwkThumbprint,
  type KeyPair,
  leafHash,
  MemoryTree,
  type Method,
  NOTICE_TYP,
  type Notice,
  noticeBytes,
  noticeHash,
  type OkpPublicJwk,
  signAck,
  signJws,
  signNote,
} from '@consent-ledger/protocol';

export const SITE = 'demo-site';
const NAME = 'collector.test';

/** A notice of `revision` with one text that differs per revision, for the diff to find. */
export function testNotice(revision: number, analyticsDescription = 'Visitor statistics.'): Notice {
  const texts = { 'banner.title': 'We use cookies', 'banner.text': 'Demo uses cookies.' } as Notice['texts'];
  return {
    v: 1,
    site: SITE,
    revision,
    language: 'en',
    policyUrl: 'https://demo.example/privacy',
    texts,
    purposes: [
      { id: 'necessary', title: 'Strictly necessary', description: 'Needed.' },
      { id: 'analytics', title: 'Analytics', description: analyticsDescription },
      { id: 'maps', title: 'Maps', description: 'Embedded maps.' },
    ],
    services: [
      { id: 'google-maps', name: 'Google Maps', provider: 'Google', purpose: 'maps', transfer: 'US', cookies: ['NID'] },
    ],
  };
}

/** A log being written: append notices and receipts, seal a checkpoint, read a subject's history. */
export async function testLog() {
  const pair = await generateCollectorKey();
  const jwk = (await exportPublicJwk(pair.publicKey)) as OkpPublicJwk;
  const kid = jwkThumbprint(jwk);
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const keys: Jwks = { keys: [{ ...jwk, kid, name: NAME, alg: 'EdDSA', use: 'sig' }] };
  const tree = new MemoryTree();
  const notices: HistoryNotice[] = [];
  const receipts: HistoryReceipt[] = [];
  let checkpoint = '';

  const seal = async (): Promise<string> => {
    checkpoint = await signNote(checkpointBody(`${NAME}/sites/${SITE}`, tree.size, tree.root()), {
      name: NAME,
      privateKey: pair.privateKey,
      publicKey,
    });
    return checkpoint;
  };
  const proof = async (id: string, index: number, leaf: string): Promise<InclusionProofBundle> => ({
    site: SITE,
    id,
    index,
    leafHash: leaf,
    treeSize: tree.size,
    hashes: (await inclusionProof(index, tree.size, tree.read)).map(base64urlEncode),
    checkpoint,
  });

  return {
    keys,
    tree,
    /** A key the verifier must not trust. */
    otherKey: () => generateCollectorKey(),
    seal,
    get checkpoint() {
      return checkpoint;
    },
    async appendNotice(notice: Notice, receivedAt: string): Promise<HistoryNotice> {
      const jws = await signJws({ alg: 'EdDSA', typ: NOTICE_TYP, kid }, noticeBytes(notice), pair.privateKey);
      const record = {
        index: tree.size,
        textHash: noticeHash(notice),
        revision: notice.revision,
        language: notice.language,
        receivedAt,
        jws,
        notice,
      };
      tree.append(leafHash(jws));
      notices.push(record);
      return record;
    },
    async appendReceipt(
      device: { key: KeyPair; prev: string | null },
      input: { method: Method; choices: Record<string, Choice>; notice: HistoryNotice; receivedAt: string },
    ): Promise<HistoryReceipt> {
      const r = await createReceipt(
        {
          site: SITE,
          method: input.method,
          choices: input.choices,
          revision: input.notice.revision,
          language: 'en',
          textHash: input.notice.textHash,
          page: 'https://demo.example/',
          prev: device.prev,
          issuedAt: input.receivedAt,
        },
        device.key,
      );
      const index = tree.size;
      const ackPayload = {
        v: 1 as const,
        id: r.payload.id,
        site: SITE,
        subject: r.payload.subject,
        index,
        leafHash: r.leafHash,
        receivedAt: input.receivedAt,
        ip: '203.0.113.0',
        userAgent: 'Test/1.0',
      };
      const ack = await signAck(ackPayload, { privateKey: pair.privateKey, kid });
      tree.append(leafHash(r.jws));
      device.prev = r.leafHash;
      const record: HistoryReceipt = {
        index,
        id: r.payload.id,
        leafHash: r.leafHash,
        receivedAt: input.receivedAt,
        jws: r.jws,
        payload: r.payload,
        ack,
        ackPayload,
        textHash: r.payload.textHash,
        redacted: null,
        proof: { status: 'pending' },
      };
      receipts.push(record);
      return record;
    },
    /** The proof of an entry against the latest sealed checkpoint. */
    proof: (id: string) => {
      const r = receipts.find((x) => x.id === id);
      return r ? proof(r.id, r.index, r.leafHash) : Promise.resolve(null);
    },
    /** The history of `subject` as the collector answers it, proofs against the latest checkpoint. */
    async history(
      subject: string,
      timeline: Record<string, GrantPeriod[]>,
      current: Record<string, Choice>,
    ): Promise<SubjectHistory> {
      const own = receipts.filter((r) => r.payload?.subject === subject);
      const withProofs = await Promise.all(
        own.map(async (r) => ({ ...r, proof: await proof(r.id, r.index, r.leafHash) })),
      );
      return {
        site: SITE,
        subject,
        checkpoint: {
          size: tree.size,
          rootHash: base64urlEncode(tree.root()),
          note: checkpoint,
          createdAt: own[own.length - 1]?.receivedAt ?? '',
        },
        receipts: withProofs,
        notices: Object.fromEntries(notices.map((n) => [n.textHash, n])),
        timeline,
        current,
      };
    },
  };
}

/** The usual story: a notice, an accept-all, a new notice revision, then analytics withdrawn. */
export async function withdrawalStory() {
  const log = await testLog();
  const device = { key: await generateDeviceKey(), prev: null as string | null };
  const other = { key: await generateDeviceKey(), prev: null as string | null };
  const n1 = await log.appendNotice(testNotice(1), '2026-11-20T09:00:00.000Z');
  const first = await log.appendReceipt(device, {
    method: 'accept-all',
    choices: { analytics: 'granted', maps: 'granted' },
    notice: n1,
    receivedAt: '2026-11-20T10:00:00.000Z',
  });
  await log.appendReceipt(other, {
    method: 'reject-all',
    choices: { analytics: 'denied', maps: 'denied' },
    notice: n1,
    receivedAt: '2026-11-21T10:00:00.000Z',
  });
  const n2 = await log.appendNotice(
    testNotice(2, 'Anonymous visitor statistics, hosted in the EU.'),
    '2026-11-22T09:00:00.000Z',
  );
  const second = await log.appendReceipt(device, {
    method: 'withdraw',
    choices: { analytics: 'denied', maps: 'granted' },
    notice: n2,
    receivedAt: '2026-11-24T10:00:00.000Z',
  });
  await log.seal();
  const subject = first.payload!.subject;
  const timeline: Record<string, GrantPeriod[]> = {
    analytics: [
      {
        grantedAt: first.receivedAt,
        grantedBy: 'accept-all',
        grantedIndex: first.index,
        withdrawnAt: second.receivedAt,
        withdrawnBy: 'withdraw',
        withdrawnIndex: second.index,
      },
    ],
    maps: [
      {
        grantedAt: first.receivedAt,
        grantedBy: 'accept-all',
        grantedIndex: first.index,
        withdrawnAt: null,
        withdrawnBy: null,
        withdrawnIndex: null,
      },
    ],
  };
  const history = await log.history(subject, timeline, { analytics: 'denied', maps: 'granted' });
  return { log, device, subject, first, second, history };
}
