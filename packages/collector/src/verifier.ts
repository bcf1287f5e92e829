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
import { ByteLru } from './byte-lru';

/** Verifies one receipt JWS. */
export type ReceiptVerifier = (jws: string) => Promise<Result<VerifiedReceipt>>;

/**
 * Estimated memory of one kept device key: an imported P-256 KeyObject holds ~3.1 KB of native
 * memory on Node 20 (measured: RSS per key over 100,000 imports) that V8 does not see, plus its
 * wrapper, the thumbprint and the map entry.
 */
export const DEVICE_KEY_BYTES = 3300;
/** Estimated memory of a thumbprint remembered as seen once. */
const SEEN_BYTES = 120;

/**
 * Imported device keys by thumbprint, within `maxBytes`: seven eighths for keys (least recently
 * used forgotten), one eighth for the thumbprints of devices seen once. A key is kept from its
 * device's second receipt on. Most devices send one receipt, and a flood of new keys sends only
 * those: imported, used and dropped young, their KeyObjects go with the next minor collection. A
 * kept key that is later forgotten has aged into the old generation, and as V8 does not see its
 * native 3 KB, such keys pile up until a full collection: keeping every key made a first-visit
 * flood grow RSS by ~3 KB per receipt (bench/ingest's soak).
 */
export class DeviceKeys {
  private readonly keys: ByteLru<string, KeyObject>;
  private readonly seen: ByteLru<string, true>;

  constructor(maxBytes: number) {
    const keyBytes = Math.floor((maxBytes * 7) / 8);
    this.keys = new ByteLru(keyBytes);
    this.seen = new ByteLru(maxBytes - keyBytes);
  }

  /** The key of a device, imported unless kept; throws for a JWK that is not a P-256 public key. */
  get(thumbprint: string, jwk: EcPublicJwk): KeyObject {
    const kept = this.keys.get(thumbprint);
    if (kept) return kept;
    const key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }, format: 'jwk' });
    if (this.seen.get(thumbprint)) {
      this.seen.delete(thumbprint);
      this.keys.set(thumbprint, key, DEVICE_KEY_BYTES);
    } else {
      this.seen.set(thumbprint, true, SEEN_BYTES);
    }
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

/** A verifier checking signatures on this thread, keeping imported device keys up to `cacheBytes`. */
export function createVerifier(cacheBytes: number): ReceiptVerifier {
  const keys = new DeviceKeys(cacheBytes);
  const verifySignature = (r: ParsedReceipt) =>
    verifyEs256(keys.get(r.thumbprint, r.jwk), r.decoded.signingInput, r.decoded.signature);
  return (jws) => verifyReceipt(jws, { verifySignature, leafHash: nativeLeafHash });
}
