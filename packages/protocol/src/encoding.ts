// Byte helpers used by every format of the protocol. Browser and Node alike: no Buffer.

/** Encodes bytes as base64url without padding (RFC 4648 §5). */
export function base64urlEncode(bytes: Uint8Array): string { throw new Error('TODO'); }
/** Decodes unpadded base64url; throws on any character outside the alphabet or a bad length. */
export function base64urlDecode(text: string): Uint8Array { throw new Error('TODO'); }
/** Encodes bytes as standard padded base64 (used by C2SP notes). */
export function base64Encode(bytes: Uint8Array): string { throw new Error('TODO'); }
/** Decodes standard padded base64; throws on invalid input. */
export function base64Decode(text: string): Uint8Array { throw new Error('TODO'); }
/** UTF-8 encodes a string. */
export function utf8(text: string): Uint8Array { throw new Error('TODO'); }
/** Decodes UTF-8 bytes, throwing on invalid sequences. */
export function fromUtf8(bytes: Uint8Array): string { throw new Error('TODO'); }
/** Concatenates byte arrays. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array { throw new Error('TODO'); }
/** Compares two byte arrays for equality. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean { throw new Error('TODO'); }
