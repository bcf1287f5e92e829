import { describe, expect, it } from 'vitest';
import { canonicalize } from './jcs';

/** The double with the given IEEE 754 bit pattern (RFC 8785 Appendix B lists them so). */
function float(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe('canonicalize (RFC 8785)', () => {
  it('serializes the numbers of RFC 8785 Appendix B', () => {
    const samples: Array<[string, string]> = [
      ['0000000000000000', '0'],
      ['8000000000000000', '0'],
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['ffefffffffffffff', '-1.7976931348623157e+308'],
      ['4340000000000000', '9007199254740992'],
      ['c340000000000000', '-9007199254740992'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af5', '9.999999999999997e+22'],
      ['44b52d02c7e14af6', '1e+23'],
      ['44b52d02c7e14af7', '1.0000000000000001e+23'],
      ['444b1ae4d6e2ef4e', '999999999999999700000'],
      ['444b1ae4d6e2ef4f', '999999999999999900000'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['41b3de4355555553', '333333333.3333332'],
      ['41b3de4355555554', '333333333.33333325'],
      ['41b3de4355555555', '333333333.3333333'],
      ['41b3de4355555556', '333333333.3333334'],
      ['41b3de4355555557', '333333333.33333343'],
      ['becbf647612f3696', '-0.0000033333333333333333'],
      ['43143ff3c1cb0959', '1424953923781206.2'],
    ];
    for (const [bits, text] of samples) expect(canonicalize(float(bits)), bits).toBe(text);
    expect(canonicalize(1e21)).toBe('1e+21');
    expect(canonicalize(1e20)).toBe('100000000000000000000');
    expect(canonicalize(1e-7)).toBe('1e-7');
    expect(canonicalize(-0)).toBe('0');
    // RFC 8785's example: more digits than a double holds, parsed from text as JSON input would be.
    expect(canonicalize(Number('333333333.33333329'))).toBe('333333333.3333333');
    expect(canonicalize(5e-324)).toBe('5e-324');
  });

  it('refuses NaN and infinities (RFC 8785 Appendix B)', () => {
    expect(() => canonicalize(float('7fffffffffffffff'))).toThrow();
    expect(() => canonicalize(Infinity)).toThrow();
    expect(() => canonicalize([-Infinity])).toThrow();
  });

  it('produces the output of the RFC 8785 §3.2.4 example', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    );
    expect(canonicalize(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts members by UTF-16 code units as in the RFC 8785 §3.2.3 example', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    // Read back in order by matching the names: Object.keys would list "1" first (an array index).
    const names = [...canonicalize(input).matchAll(/"((?:[^"\\]|\\.)*)":/g)].map((m) => JSON.parse(`"${m[1]}"`));
    expect(names).toEqual(['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33']);
    expect(canonicalize(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('escapes only what JSON needs, in lowercase hex', () => {
    expect(canonicalize('\u0001\b\f\t\n\r\u001f\u007f"\\/é😀')).toBe(
      '"\\u0001\\b\\f\\t\\n\\r\\u001f\u007f\\"\\\\/é😀"',
    );
  });

  it('writes nested values without whitespace and leaves out undefined members', () => {
    expect(canonicalize({ b: [{}, [], { z: 1, a: -0 }], a: '', u: undefined })).toBe(
      '{"a":"","b":[{},[],{"a":0,"z":1}]}',
    );
    expect(canonicalize([true, false, null, 'x'])).toBe('[true,false,null,"x"]');
    expect(canonicalize(Object.assign(Object.create(null), { b: 1, a: 2 }))).toBe('{"a":2,"b":1}');
  });

  it('refuses values that are not JSON, naming where', () => {
    expect(() => canonicalize(undefined)).toThrow();
    expect(() => canonicalize([undefined])).toThrow(/\$\[0\]/);
    expect(() => canonicalize({ f: () => 1 })).toThrow(/\$\.f/);
    expect(() => canonicalize({ n: 10n })).toThrow();
    expect(() => canonicalize({ d: new Date(0) })).toThrow(/plain object/);
    expect(() => canonicalize(new Map())).toThrow();
    expect(() => canonicalize({ s: Symbol('x') })).toThrow();
    expect(() => canonicalize('\ud800')).toThrow(/surrogate/);
    expect(() => canonicalize({ '\udead': 1 })).toThrow(/surrogate/);
  });
});
