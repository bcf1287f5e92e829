// Synchronous SHA-256 (FIPS 180-4) in plain TypeScript, so Merkle trees can be hashed without
// awaiting WebCrypto once per node (millions of nodes for a large log).

import { base64urlEncode, utf8 } from './encoding';

const K = /* @__PURE__ */ Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

// One hash runs at a time (the function is synchronous), so its working memory is allocated once.
const W = /* @__PURE__ */ new Int32Array(64);
const H = /* @__PURE__ */ new Int32Array(8);
const BLOCK = /* @__PURE__ */ new Uint8Array(64);

/** Compresses the 64-byte block of `bytes` at `offset` into H. */
function compress(bytes: Uint8Array, offset: number): void {
  for (let t = 0; t < 16; t++, offset += 4) {
    W[t] = (bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3];
  }
  for (let t = 16; t < 64; t++) {
    const w15 = W[t - 15];
    const w2 = W[t - 2];
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[t] = (s1 + W[t - 7] + s0 + W[t - 16]) | 0;
  }
  let a = H[0],
    b = H[1],
    c = H[2],
    d = H[3],
    e = H[4],
    f = H[5],
    g = H[6],
    h = H[7];
  for (let t = 0; t < 64; t++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + (g ^ (e & (f ^ g))) + K[t] + W[t]) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) | (c & (a | b)))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  H[0] = (H[0] + a) | 0;
  H[1] = (H[1] + b) | 0;
  H[2] = (H[2] + c) | 0;
  H[3] = (H[3] + d) | 0;
  H[4] = (H[4] + e) | 0;
  H[5] = (H[5] + f) | 0;
  H[6] = (H[6] + g) | 0;
  H[7] = (H[7] + h) | 0;
}

/** SHA-256 of the concatenation of `parts`, without copying them into one array (Merkle nodes hash `0x01 || left || right`). */
export function sha256Concat(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  H[0] = 0x6a09e667;
  H[1] = 0xbb67ae85 | 0;
  H[2] = 0x3c6ef372;
  H[3] = 0xa54ff53a | 0;
  H[4] = 0x510e527f;
  H[5] = 0x9b05688c | 0;
  H[6] = 0x1f83d9ab;
  H[7] = 0x5be0cd19;
  let filled = 0; // bytes waiting in BLOCK
  let total = 0;
  for (const part of parts) {
    const n = part.length;
    total += n;
    let i = 0;
    if (filled > 0) {
      const take = Math.min(64 - filled, n);
      BLOCK.set(part.subarray(0, take), filled);
      filled += take;
      i = take;
      if (filled < 64) continue;
      compress(BLOCK, 0);
      filled = 0;
    }
    for (; i + 64 <= n; i += 64) compress(part, i);
    if (i < n) {
      BLOCK.set(part.subarray(i), 0);
      filled = n - i;
    }
  }
  BLOCK[filled++] = 0x80;
  if (filled > 56) {
    BLOCK.fill(0, filled);
    compress(BLOCK, 0);
    filled = 0;
  }
  BLOCK.fill(0, filled, 56);
  // Message length in bits, big-endian over 8 bytes; exact up to 2^53 bits.
  const hi = Math.floor(total / 0x20000000);
  const lo = (total * 8) >>> 0;
  BLOCK[56] = hi >>> 24;
  BLOCK[57] = hi >>> 16;
  BLOCK[58] = hi >>> 8;
  BLOCK[59] = hi;
  BLOCK[60] = lo >>> 24;
  BLOCK[61] = lo >>> 16;
  BLOCK[62] = lo >>> 8;
  BLOCK[63] = lo;
  compress(BLOCK, 0);
  const out = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    const v = H[i];
    out[i * 4] = v >>> 24;
    out[i * 4 + 1] = v >>> 16;
    out[i * 4 + 2] = v >>> 8;
    out[i * 4 + 3] = v;
  }
  return out;
}

/** SHA-256 of the given bytes (strings are UTF-8 encoded). */
export function sha256(data: Uint8Array | string): Uint8Array<ArrayBuffer> {
  return sha256Concat([typeof data === 'string' ? utf8(data) : data]);
}

/** SHA-256 written as unpadded base64url, the form hashes take in JSON. */
export function sha256b64u(data: Uint8Array | string): string {
  return base64urlEncode(sha256(data));
}
