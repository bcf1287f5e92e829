// Monotonic within one millisecond (RFC 9562 §6.2, method 2): the 74 random bits of the previous
// id are incremented, so ids made in one tab sort in creation order. They are kept as rand_a (12 bits),
// then 30 and 32 bits; a word that wraps to zero carries into the one before.
let lastMs = -1;
const rand = new Uint32Array(3);

const hex = (value: number, digits: number): string => value.toString(16).padStart(digits, '0');

/** A new lowercase UUIDv7 (RFC 9562): 48-bit Unix ms timestamp, then random bits; monotonic within one ms. */
export function uuidv7(nowMs: number = Date.now()): string {
  const ms = Math.floor(nowMs);
  if (!(ms >= 0 && ms < 2 ** 48)) throw new RangeError('uuidv7: timestamp out of range');
  if (ms !== lastMs) {
    crypto.getRandomValues(rand);
    // The top bit of rand_a starts at zero: about 2^73 increments fit in one ms before a wrap.
    rand[0] &= 0x7ff;
    rand[1] &= 0x3fffffff;
    lastMs = ms;
  } else {
    rand[2]++; // a Uint32Array word: wraps to 0
    if (!rand[2]) {
      rand[1] = (rand[1] + 1) & 0x3fffffff;
      if (!rand[1]) rand[0] = (rand[0] + 1) & 0xfff;
    }
  }
  const time = hex(ms, 12);
  const v = hex(0x80000000 + rand[1], 8); // variant bits 10, then 30 random bits
  return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(rand[0], 3)}-${v.slice(0, 4)}-${v.slice(4)}${hex(rand[2], 8)}`;
}

/** True for a lowercase, hyphenated UUID of version 7 and RFC variant. */
export function isUuidV7(text: unknown): text is string {
  return typeof text === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(text);
}
