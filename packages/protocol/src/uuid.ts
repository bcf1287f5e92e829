/** A new lowercase UUIDv7 (RFC 9562): 48-bit Unix ms timestamp, then random bits; monotonic within one ms. */
export function uuidv7(nowMs?: number): string { throw new Error('TODO'); }
/** True for a lowercase, hyphenated UUID of version 7 and RFC variant. */
export function isUuidV7(text: string): boolean { throw new Error('TODO'); }
