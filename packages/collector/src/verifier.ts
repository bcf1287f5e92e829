// Receipt verification, the ingest hot path. Protocol's verifyReceipt decides what a valid receipt
// is; the signature check and the leaf hash are node:crypto's, several times cheaper than Node
// 20's WebCrypto (whose JWK import and promise machinery run on the calling thread). Imported keys
// of recent subjects are kept, so a returning subject skips the import (about half the cost).
import { createPublicKey, hash, type KeyObject, verify } from 'node:crypto';
import {
  type EcPublicJwk,
  type ParsedReceipt,
  type Result,
  type VerifiedReceipt,
  verifyReceipt,
} from '@consent-ledger/protocol';

/** Verifies one receipt JWS. */
export type ReceiptVerifier = (jws: string) => Promise<Result<VerifiedReceipt>>;

/** Imported device keys by thumbprint, least recently used forgotten beyond `max` (memory stays bounded under many subjects). */
export class DeviceKeys {
  private readonly keys = new Map<string, KeyObject>();

  constructor(private readonly max: number) {}

  /** The key of a device, imported on first use; throws for a JWK that is not a P-256 public key. */
  get(thumbprint: string, jwk: EcPublicJwk): KeyObject {
    let key = this.keys.get(thumbprint);
    if (key) {
      // Map order is insertion order: re-inserting makes it the most recent.
      this.keys.delete(thumbprint);
    } else {
      key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }, format: 'jwk' });
      if (this.keys.size >= this.max) this.keys.delete(this.keys.keys().next().value!);
    }
    this.keys.set(thumbprint, key);
    return key;
  }

  /** How many keys are kept. */
  get size(): number {
    return this.keys.size;
  }
}

/** Checks an ES256 signature (raw r||s, as JWS writes it) over a signing input. */
export function verifyEs256(key: KeyObject, signingInput: Uint8Array, signature: Uint8Array): boolean {
  return verify('sha256', signingInput, { key, dsaEncoding: 'ieee-p1363' }, signature);
}

/** RFC 9162 leaf hash of a JWS, base64url: SHA-256(0x00 || jws), with "\0" standing for the 0x00 byte (a JWS is ASCII). */
export function nativeLeafHash(jws: string): string {
  return hash('sha256', `\0${jws}`, 'base64url');
}

/** A verifier checking signatures on this thread with up to `cacheSize` imported device keys. */
export function createVerifier(cacheSize: number): ReceiptVerifier {
  const keys = new DeviceKeys(cacheSize);
  const verifySignature = (r: ParsedReceipt) =>
    verifyEs256(keys.get(r.thumbprint, r.jwk), r.decoded.signingInput, r.decoded.signature);
  return (jws) => verifyReceipt(jws, { verifySignature, leafHash: nativeLeafHash });
}
