import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256, sha256b64u, sha256Concat } from './sha256';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const nodeSha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('sha256', () => {
  it('gives the FIPS 180-4 / NIST example digests', () => {
    expect(hex(sha256(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(sha256('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(sha256('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(
      hex(
        sha256(
          'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
        ),
      ),
    ).toBe('cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1');
    expect(hex(sha256('a'.repeat(1_000_000)))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('matches node:crypto on random inputs of every length from 0 to 300 bytes', () => {
    for (let n = 0; n <= 300; n++) {
      const bytes = new Uint8Array(randomBytes(n));
      expect(hex(sha256(bytes)), `length ${n}`).toBe(nodeSha(bytes));
    }
  });

  it('matches node:crypto on 1 MB, and on a subarray view', () => {
    const big = new Uint8Array(randomBytes(1 << 20));
    expect(hex(sha256(big))).toBe(nodeSha(big));
    const view = big.subarray(3, 1003);
    expect(hex(sha256(view))).toBe(nodeSha(view));
  });

  it('hashes strings as UTF-8 and writes base64url', () => {
    expect(hex(sha256('é😀'))).toBe(createHash('sha256').update('é😀', 'utf8').digest('hex'));
    expect(sha256b64u('abc')).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
  });

  it('hashes a concatenation of parts split at any offset like the joined bytes', () => {
    const bytes = new Uint8Array(randomBytes(200));
    for (const [a, b] of [
      [0, 0],
      [1, 1],
      [1, 65],
      [63, 64],
      [64, 128],
      [55, 57],
      [100, 200],
      [0, 200],
    ]) {
      expect(hex(sha256Concat([bytes.subarray(0, a), bytes.subarray(a, b), bytes.subarray(b)])), `${a},${b}`).toBe(
        nodeSha(bytes),
      );
    }
    const left = new Uint8Array(randomBytes(32));
    const right = new Uint8Array(randomBytes(32));
    expect(hex(sha256Concat([new Uint8Array([1]), left, right]))).toBe(
      nodeSha(Buffer.concat([Buffer.from([1]), left, right])),
    );
  });

  it('leaves no state behind between calls', () => {
    const first = hex(sha256('abc'));
    sha256(new Uint8Array(randomBytes(1000)));
    expect(hex(sha256('abc'))).toBe(first);
  });
});
