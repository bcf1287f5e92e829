// Ack signing with node:crypto's Ed25519: about half the CPU of WebCrypto's, and synchronous. The
// signer carries its key as a KeyObject, which a worker thread can receive, so the SQLite store's
// writer thread signs a group's acks itself (same bytes as protocol's signAck).
import { KeyObject, sign } from 'node:crypto';
import { type AckPayload, signAckWith } from '@consent-ledger/protocol';
import type { CollectorKey } from './keys';
import type { AckSigningKey, PortableAckSigner } from './store/types';

/** Signs ack payloads with an Ed25519 key, in order. */
export function signAcksWith(key: AckSigningKey, payloads: AckPayload[]): string[] {
  const signInput = (input: Uint8Array) => sign(null, input, key.privateKey);
  return payloads.map((p) => signAckWith(p, key.kid, signInput));
}

/** The collector's ack signer, portable to a store's writer thread. */
export function nativeAckSigner(key: Pick<CollectorKey, 'privateKey' | 'kid'>): PortableAckSigner {
  const signingKey: AckSigningKey = { privateKey: KeyObject.from(key.privateKey), kid: key.kid };
  return Object.assign(async (payloads: AckPayload[]) => signAcksWith(signingKey, payloads), { signingKey });
}
