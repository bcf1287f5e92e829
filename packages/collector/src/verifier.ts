// Receipt verification, the ingest hot path: protocol's verifyReceipt with a bounded cache of
// imported device keys, so a returning subject skips the JWK import. This verifies on the calling
// thread (Node 20's WebCrypto does most of the work there); verify-pool.ts moves it to workers.
import { verifyReceipt, type KeyCache, type Result, type VerifiedReceipt } from '@consent-ledger/protocol';

/** Verifies one receipt JWS. */
export type ReceiptVerifier = (jws: string) => Promise<Result<VerifiedReceipt>>;

/** A key cache that forgets its oldest key beyond `max` (memory stays bounded under many subjects). */
export class BoundedKeyCache extends Map<string, CryptoKey> implements KeyCache {
  constructor(private readonly max: number) {
    super();
  }

  override set(thumbprint: string, key: CryptoKey): this {
    if (!this.has(thumbprint) && this.size >= this.max) this.delete(this.keys().next().value!);
    return super.set(thumbprint, key);
  }
}

/** A verifier caching up to `cacheSize` imported device keys. */
export function createVerifier(cacheSize: number): ReceiptVerifier {
  const cache = new BoundedKeyCache(cacheSize);
  return (jws) => verifyReceipt(jws, cache);
}
