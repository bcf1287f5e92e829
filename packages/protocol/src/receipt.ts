import type { EcPublicJwk } from './jwk';
import type { KeyPair } from './jws';
import type { Result } from './result';

export const RECEIPT_TYP = 'consent-receipt+jws';
export type Choice = 'granted' | 'denied';
export type Method = 'accept-all' | 'reject-all' | 'save' | 'embed' | 'withdraw' | 'gpc';
export const METHODS: readonly Method[] = ['accept-all', 'reject-all', 'save', 'embed', 'withdraw', 'gpc'];

/** The signed statement of one visitor's choice (DESIGN.md, Receipts). */
export interface ReceiptPayload {
  v: 1;
  id: string;
  site: string;
  subject: string;
  issuedAt: string;
  method: Method;
  choices: Record<string, Choice>;
  revision: number;
  language: string;
  textHash: string;
  page: string;
  prev: string | null;
}

/** What a caller supplies; id, issuedAt and subject are filled in. */
export type ReceiptInput = Omit<ReceiptPayload, 'v' | 'id' | 'subject' | 'issuedAt'> & { id?: string; issuedAt?: string };

/** A receipt whose device signature and thumbprint were checked. */
export interface VerifiedReceipt {
  jws: string;
  payload: ReceiptPayload;
  jwk: EcPublicJwk;
  /** RFC 9162 leaf hash of the JWS bytes, base64url. */
  leafHash: string;
}

/** Imported device keys by thumbprint, so returning subjects skip the JWK import. */
export type KeyCache = Map<string, CryptoKey>;

/** Checks a receipt payload's shape: every field, types, UUIDv7 id, ISO date, page URL without query. */
export function validateReceiptPayload(value: unknown): Result<ReceiptPayload> { throw new Error('TODO'); }
/** Signs a receipt with the device key; the subject is the thumbprint of its public key. */
export function createReceipt(input: ReceiptInput, device: KeyPair): Promise<VerifiedReceipt> { throw new Error('TODO'); }
/** Verifies a receipt JWS: structure, ES256 only, typ, payload schema, thumbprint == subject, signature. Never throws. */
export function verifyReceipt(jws: string, cache?: KeyCache): Promise<Result<VerifiedReceipt>> { throw new Error('TODO'); }
