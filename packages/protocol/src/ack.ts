import type { Jwks } from './jwk';
import type { Result } from './result';

export const ACK_TYP = 'consent-ack+jws';

/** The collector's signed statement of when and how it received a receipt. */
export interface AckPayload {
  v: 1;
  id: string;
  site: string;
  subject: string;
  index: number;
  leafHash: string;
  receivedAt: string;
  ip: string | null;
  userAgent: string | null;
}

/** Signs an ack with the collector's Ed25519 key (`kid` = its thumbprint). */
export function signAck(payload: AckPayload, key: { privateKey: CryptoKey; kid: string }): Promise<string> { throw new Error('TODO'); }
/** Verifies an ack against a JWKS (key chosen by `kid`) and returns its payload. */
export function verifyAck(jws: string, keys: Jwks): Promise<Result<AckPayload>> { throw new Error('TODO'); }
