import {
  type AckPayload,
  base64urlDecode,
  base64urlEncode,
  exportPublicJwk,
  generateCollectorKey,
  isLowS,
  jwkThumbprint,
  leafHash,
  type OkpPublicJwk,
  signAck,
  verifyReceipt,
} from '@consent-ledger/protocol';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fixtureDocument } from '../../test/collector-double';
import { deviceKey } from './device';
import { memoryKv } from './idb';
import { checkAck, leafHashOf, signReceipt } from './sign';

const doc = fixtureDocument('clickcare');
const input = {
  site: 'clickcare',
  method: 'save' as const,
  choices: { analytics: 'granted' as const, marketing: 'denied' as const },
  revision: doc.config.revision,
  language: 'fr' as const,
  textHash: doc.textHash,
  page: 'https://www.clickcare.be/fr',
  prev: null,
};

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('browser signing', () => {
  it('signs receipts that protocol verifies, with its subject and leaf hash', async () => {
    const device = await deviceKey(memoryKv());
    expect(device.subject).toBe(jwkThumbprint(await exportPublicJwk(device.publicKey)));
    const signed = await signReceipt(input, device);
    const verified = await verifyReceipt(signed.jws);
    expect(verified.ok).toBe(true);
    if (!verified.ok) return;
    expect(verified.value.payload).toEqual(signed.payload);
    expect(signed.leafHash).toBe(verified.value.leafHash);
    expect(await leafHashOf('abc')).toBe(base64urlEncode(leafHash('abc')));
  });

  it('writes every signature in low-S form, the only one the collector accepts', async () => {
    // WebCrypto picks s or n - s at random: 40 receipts all low-S by chance would be 1 in 2^40.
    const device = await deviceKey(memoryKv());
    for (let i = 0; i < 40; i++) {
      const { jws } = await signReceipt(input, device);
      expect(isLowS(base64urlDecode(jws.slice(jws.lastIndexOf('.') + 1)))).toBe(true);
    }
  });

  it('keeps the device key, private part non-extractable', async () => {
    const kv = memoryKv();
    const [a, b] = await Promise.all([deviceKey(kv), deviceKey(kv)]);
    expect(b.subject).toBe(a.subject);
    expect(a.privateKey.extractable).toBe(false);
  });

  it('accepts an ack signed by a listed key, and nothing else', async () => {
    const pair = await generateCollectorKey();
    const jwk = (await exportPublicJwk(pair.publicKey)) as OkpPublicJwk;
    const keys = { keys: [{ ...jwk, kid: jwkThumbprint(jwk), name: 'c' }] };
    const payload: AckPayload = {
      v: 1,
      id: '0193a000-0000-7000-8000-000000000000',
      site: 'clickcare',
      subject: 'A'.repeat(43),
      index: 3,
      leafHash: base64urlEncode(leafHash('receipt')),
      receivedAt: '2026-12-01T00:00:00.000Z',
      ip: null,
      userAgent: 'Mozilla/5.0 (é)',
    };
    const ack = await signAck(payload, { privateKey: pair.privateKey, kid: keys.keys[0].kid });
    expect(await checkAck(ack, keys)).toEqual(payload);
    expect(await checkAck(ack, { keys: [{ ...keys.keys[0], kid: 'other' }] })).toBeNull();
    const [h, p, s] = ack.split('.');
    const forged = `${h}.${btoa(JSON.stringify({ ...payload, index: 4 })).replace(/=+$/, '')}.${s}`;
    expect(p).not.toBe(forged.split('.')[1]);
    expect(await checkAck(forged, keys)).toBeNull();
    expect(await checkAck('garbage', keys)).toBeNull();
  });

  it('keeps an ack unverified where the browser has no Ed25519, but never one from an unknown key', async () => {
    const pair = await generateCollectorKey();
    const jwk = (await exportPublicJwk(pair.publicKey)) as OkpPublicJwk;
    const keys = { keys: [{ ...jwk, kid: jwkThumbprint(jwk), name: 'c' }] };
    const payload = {
      v: 1 as const,
      id: '0193a000-0000-7000-8000-000000000001',
      site: 'clickcare',
      subject: 'A'.repeat(43),
      index: 0,
      leafHash: base64urlEncode(leafHash('r')),
      receivedAt: '2026-12-01T00:00:00.000Z',
      ip: null,
      userAgent: null,
    };
    const ack = await signAck(payload, { privateKey: pair.privateKey, kid: keys.keys[0].kid });
    vi.spyOn(crypto.subtle, 'importKey').mockRejectedValue(new DOMException('Ed25519', 'NotSupportedError'));
    expect(await checkAck(ack, keys)).toEqual(payload);
    expect(await checkAck(ack, { keys: [] })).toBeNull();
    vi.spyOn(crypto.subtle, 'importKey').mockRejectedValue(new DOMException('bad key', 'DataError'));
    expect(await checkAck(ack, keys)).toBeNull();
    vi.restoreAllMocks();
  });
});
