// Monotonic within one millisecond (RFC 9562 §6.2, method 2): the 74 random bits of the previous
// id are incremented, so ids made in one tab sort in creation order.
let lastMs = -1;
let randA = 0; // 12 bits
let randHi = 0; // 30 bits
let randLo = 0; // 32 bits

function hex(value: number, digits: number): string {
  return value.toString(16).padStart(digits, '0');
}

/** A new lowercase UUIDv7 (RFC 9562): 48-bit Unix ms timestamp, then random bits; monotonic within one ms. */
export function uuidv7(nowMs: number = Date.now()): string {
  const ms = Math.floor(nowMs);
  if (!(ms >= 0 && ms < 2 ** 48)) throw new RangeError('uuidv7: timestamp out of range');
  if (ms === lastMs) {
    randLo = (randLo + 1) >>> 0;
    if (randLo === 0) {
      randHi = (randHi + 1) & 0x3fffffff;
      if (randHi === 0) randA = (randA + 1) & 0xfff;
    }
  } else {
    const random = crypto.getRandomValues(new Uint32Array(3));
    // The top bit of rand_a starts at zero: about 2^73 increments fit in one ms before a wrap.
    randA = random[0] & 0x7ff;
    randHi = random[1] & 0x3fffffff;
    randLo = random[2];
    lastMs = ms;
  }
  const time = hex(ms, 12);
  const v = hex(0x80000000 + randHi, 8); // variant bits 10, then 30 random bits
  const l = hex(randLo, 8);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(randA, 3)}-${v.slice(0, 4)}-${v.slice(4)}${l}`;
}

/** True for a lowercase, hyphenated UUID of version 7 and RFC variant. */
export function isUuidV7(text: unknown): text is string {
  return typeof text === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(text);
}
