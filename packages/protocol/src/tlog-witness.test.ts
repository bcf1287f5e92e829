import { describe, expect, it } from 'vitest';
import { base64Encode } from './encoding';
import { formatAddCheckpoint, parseAddCheckpoint, parseTlogSize } from './tlog-witness';

const NOTE =
  'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n\u2014 example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n';
// The request body example of c2sp.org/tlog-witness.
const SPEC_EXAMPLE = `old 20852014
PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=
jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=
5+pKlUdi2LeF/BcMHBn+Ku6yhPGNCswZZD1X/6QgPd8=
/6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=

${NOTE}`;

describe('add-checkpoint bodies', () => {
  it("parse the spec's example and format it back byte for byte", () => {
    const parsed = parseAddCheckpoint(SPEC_EXAMPLE);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.oldSize).toBe(20852014);
    expect(parsed.value.proof.map(base64Encode)[0]).toBe('PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=');
    expect(parsed.value.note).toBe(NOTE);
    expect(formatAddCheckpoint(parsed.value.oldSize, parsed.value.proof, parsed.value.note)).toBe(SPEC_EXAMPLE);
    expect(formatAddCheckpoint(0, [], NOTE)).toBe(`old 0\n\n${NOTE}`);
  });

  it('refuse what breaks the format', () => {
    const hash = `${'A'.repeat(43)}=`;
    for (const body of [
      '',
      `old 0\n${NOTE}`, // no empty line after the old size: the note's own blank line is taken, the body is not a hash
      `old -1\n\n${NOTE}`,
      `old 007\n\n${NOTE}`,
      `old  7\n\n${NOTE}`,
      `Old 7\n\n${NOTE}`,
      `old 7\n${hash.slice(1)}\n\n${NOTE}`,
      `old 7\n${'A'.repeat(42)}B=\n\n${NOTE}`, // non-zero trailing bits: not canonical
      `old 7\n${`${hash}\n`.repeat(64)}\n${NOTE}`,
      42 as unknown as string,
    ])
      expect(parseAddCheckpoint(body).ok, JSON.stringify(body)).toBe(false);
    expect(parseAddCheckpoint(`old 7\n${`${hash}\n`.repeat(63)}\n${NOTE}`).ok).toBe(true);
    expect(() => formatAddCheckpoint(-1, [], NOTE)).toThrow(RangeError);
  });

  it('read a text/x.tlog.size body', () => {
    expect(parseTlogSize('20852163\n')).toBe(20852163);
    expect(parseTlogSize('0\n')).toBe(0);
    for (const bad of ['', '\n', '01\n', 'x\n', '1 2\n', '-1\n']) expect(parseTlogSize(bad)).toBeNull();
  });
});
