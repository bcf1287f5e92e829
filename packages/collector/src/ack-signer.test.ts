import { type AckPayload, signAck, uuidv7, verifyAck } from '@consent-ledger/protocol';
import { describe, expect, it } from 'vitest';
import { nativeAckSigner } from './ack-signer';
import { collectorJwks } from './keys';
import { testCollectorKey } from './testing';

describe('nativeAckSigner', () => {
  it("signs the very acks protocol's signAck signs, which verify against the JWKS", async () => {
    const key = await testCollectorKey();
    const payloads: AckPayload[] = [0, 1].map((index) => ({
      v: 1,
      id: uuidv7(),
      site: 'alpha',
      subject: 'A'.repeat(43),
      index,
      leafHash: 'Q'.repeat(43),
      receivedAt: '2026-12-01T10:00:00.000Z',
      ip: null,
      userAgent: 'test',
    }));
    const acks = await nativeAckSigner(key)(payloads);
    expect(acks).toEqual(await Promise.all(payloads.map((p) => signAck(p, key))));
    expect(await Promise.all(acks.map((a) => verifyAck(a, collectorJwks(key))))).toEqual(
      payloads.map((value) => ({ ok: true, value })),
    );
  });
});
