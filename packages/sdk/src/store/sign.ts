// Receipt signing and ack checking for the browser, on WebCrypto alone. Protocol's createReceipt and
// verifyAck validate every field, decode base64url canonically and hash synchronously in plain
// TypeScript, which the collector needs and the page does not (about 5 KB of consent.js): here the
// device signs what it built itself and checks the signature and the fields that tie an ack to its
// receipt. Tests check both sides against protocol's full verifiers.
import {
  ACK_TYP,
  type AckPayload,
  base64urlEncode,
  base64urlDecodeLenient as bytes,
  type EcPublicJwk,
  type Jwks,
  jwsSigningInput,
  type KeyPair,
  PROOF_DOCUMENT_TYP,
  type ProofDocument,
  RECEIPT_TYP,
  type ReceiptInput,
  type ReceiptPayload,
  toLowS,
  utf8,
  uuidv7,
} from '@consent-ledger/protocol';

/** The device key with its public JWK and subject id, computed once at creation. */
export interface DeviceKey extends KeyPair {
  jwk: EcPublicJwk;
  subject: string;
}

/** A signed receipt: its JWS, payload and leaf hash (the next receipt's `prev`). */
export interface SignedReceipt {
  jws: string;
  payload: ReceiptPayload;
  leafHash: string;
}

// Lenient base64url decoding: an ack that decodes oddly simply fails its signature check.
const json = (text: string) => JSON.parse(new TextDecoder().decode(bytes(text)));

const sha256 = async (bytes: Uint8Array<ArrayBuffer>) =>
  base64urlEncode(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));

/** RFC 7638 thumbprint of a P-256 public key (its required members in lexicographic order). */
export const thumbprint = ({ crv, kty, x, y }: EcPublicJwk): Promise<string> =>
  sha256(utf8(JSON.stringify({ crv, kty, x, y })));

/** RFC 9162 leaf hash of a JWS: SHA-256(0x00 || ASCII bytes), base64url. */
export const leafHashOf = (jws: string): Promise<string> => sha256(utf8(`\0${jws}`));

/**
 * Signs `payload` with the device key as ES256 with the public JWK in the protected header; returns
 * the signing input and the signature, low-S (WebCrypto signs with either s or n - s; the collector
 * accepts only the low-S form). Here rather than protocol's signJws, whose generality (any alg,
 * checked at run time) costs the bundle about 120 bytes brotli; sign.test.ts checks the results
 * with protocol's verifiers.
 */
export async function signDevice(typ: string, payload: unknown, device: DeviceKey): Promise<[string, string]> {
  const signing = jwsSigningInput({ alg: 'ES256', typ, jwk: device.jwk }, JSON.stringify(payload));
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, device.privateKey, utf8(signing));
  return [signing, base64urlEncode(toLowS(new Uint8Array(signature)))];
}

/** Signs a receipt with the device key (ES256, the public JWK in the protected header). */
export async function signReceipt(input: ReceiptInput, device: DeviceKey): Promise<SignedReceipt> {
  const { id = uuidv7(), issuedAt = new Date().toISOString(), ...rest } = input;
  const payload: ReceiptPayload = { v: 1, id, subject: device.subject, issuedAt, ...rest };
  const jws = (await signDevice(RECEIPT_TYP, payload, device)).join('.');
  return { jws, payload, leafHash: await leafHashOf(jws) };
}

/** Signs a proof document (format 2) with the device key: a detached JWS over its other members, in order. */
export async function signProof(doc: Omit<ProofDocument, 'signature'>, device: DeviceKey): Promise<ProofDocument> {
  const [signing, signature] = await signDevice(PROOF_DOCUMENT_TYP, doc, device);
  return { ...doc, signature: `${signing.slice(0, signing.indexOf('.'))}..${signature}` };
}

/**
 * The ack's payload when its Ed25519 signature verifies under a key of `keys` (by `kid`); else null.
 * A browser without Ed25519 in WebCrypto keeps the ack unverified (it stays checkable offline in the
 * proof document) rather than sending the receipt again forever.
 */
export async function checkAck(jws: string, keys: Jwks): Promise<AckPayload | null> {
  try {
    const [h, p, s] = jws.split('.');
    const header = json(h);
    const jwk = keys.keys.find((k) => k.kid === header.kid);
    if (!jwk || header.alg !== 'EdDSA' || header.typ !== ACK_TYP) return null;
    const key = await crypto.subtle
      .importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, 'Ed25519', true, ['verify'])
      .catch((error: Error) => {
        if (error.name !== 'NotSupportedError') throw error;
      });
    const valid = !key || (await crypto.subtle.verify('Ed25519', key, bytes(s), utf8(`${h}.${p}`)));
    return valid ? json(p) : null;
  } catch {
    return null;
  }
}
