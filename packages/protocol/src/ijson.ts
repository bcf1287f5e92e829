// I-JSON (RFC 7493) for signed payloads. JSON.parse keeps the last of two members with one name
// and lets lone surrogates through, so two readers of one signed payload could read two different
// statements (`"choices"` twice: one keeps the first, another the last). Every payload the
// protocol verifies is parsed here instead, and anything ambiguous is refused: duplicate member
// names, lone surrogates and noncharacters (escaped or not), invalid UTF-8, numbers that are not
// finite doubles, and anything outside RFC 8259's grammar.

import { fromUtf8 } from './encoding';
import { fail, ok, type Result } from './result';

/** Nesting deeper than any payload of ours: refused rather than risking the stack. */
const MAX_DEPTH = 32;

class IJsonError extends Error {}

/** A noncharacter (U+FDD0..U+FDEF, or U+xFFFE / U+xFFFF in any plane), given as a code point. */
function isNoncharacter(cp: number): boolean {
  return (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Parser {
  private at = 0;

  constructor(private readonly text: string) {}

  private error(message: string): never {
    throw new IJsonError(`${message} at ${this.at}`);
  }

  private space(): void {
    const t = this.text;
    for (let c = t.charCodeAt(this.at); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; )
      c = t.charCodeAt(++this.at);
  }

  document(): unknown {
    this.space();
    const value = this.value(0);
    this.space();
    if (this.at !== this.text.length) this.error('text after the JSON value');
    return value;
  }

  private value(depth: number): unknown {
    const c = this.text.charCodeAt(this.at);
    if (c === 0x22) return this.string();
    if (c === 0x7b) return this.object(depth + 1);
    if (c === 0x5b) return this.array(depth + 1);
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return value;
      }
    }
    return this.error('not a JSON value');
  }

  private object(depth: number): Record<string, unknown> {
    if (depth > MAX_DEPTH) this.error('nested too deep');
    this.at++;
    const out: Record<string, unknown> = {};
    const names = new Set<string>();
    this.space();
    if (this.text.charCodeAt(this.at) === 0x7d) {
      this.at++;
      return out;
    }
    for (;;) {
      if (this.text.charCodeAt(this.at) !== 0x22) this.error('expected a member name');
      const name = this.string();
      if (names.has(name)) this.error(`duplicate member name ${JSON.stringify(name)}`);
      names.add(name);
      this.space();
      if (this.text.charCodeAt(this.at) !== 0x3a) this.error('expected ":"');
      this.at++;
      this.space();
      // defineProperty: a member named "__proto__" is data, as JSON.parse makes it.
      Object.defineProperty(out, name, {
        value: this.value(depth),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      this.space();
      const c = this.text.charCodeAt(this.at++);
      if (c === 0x7d) return out;
      if (c !== 0x2c) this.error('expected "," or "}"');
      this.space();
    }
  }

  private array(depth: number): unknown[] {
    if (depth > MAX_DEPTH) this.error('nested too deep');
    this.at++;
    const out: unknown[] = [];
    this.space();
    if (this.text.charCodeAt(this.at) === 0x5d) {
      this.at++;
      return out;
    }
    for (;;) {
      out.push(this.value(depth));
      this.space();
      const c = this.text.charCodeAt(this.at++);
      if (c === 0x5d) return out;
      if (c !== 0x2c) this.error('expected "," or "]"');
      this.space();
    }
  }

  private number(): number {
    NUMBER.lastIndex = this.at;
    const match = NUMBER.exec(this.text);
    if (!match) return this.error('not a number');
    this.at += match[0].length;
    const value = Number(match[0]);
    if (!Number.isFinite(value)) this.error('number out of range');
    return value;
  }

  /** A string literal, its escapes resolved; every code point checked (no lone surrogate, no noncharacter). */
  private string(): string {
    const t = this.text;
    let out = '';
    let start = ++this.at;
    for (;;) {
      const c = t.charCodeAt(this.at);
      if (Number.isNaN(c)) this.error('unterminated string');
      if (c === 0x22) break;
      if (c < 0x20) this.error('control character in a string');
      if (c === 0x5c) {
        out += t.slice(start, this.at);
        out += this.escape();
        start = this.at;
        continue;
      }
      if (c >= 0xd800 && c <= 0xdfff) {
        // Text from fatal UTF-8 decoding only holds paired surrogates; a string argument may not.
        const low = t.charCodeAt(this.at + 1);
        if (c > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) this.error('lone surrogate');
        if (isNoncharacter(((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000)) this.error('noncharacter');
        this.at += 2;
        continue;
      }
      if (c >= 0xfdd0 && isNoncharacter(c)) this.error('noncharacter');
      this.at++;
    }
    out += t.slice(start, this.at);
    this.at++;
    return out;
  }

  /** One escape sequence (the cursor on its backslash); a \u high surrogate must be followed by a \u low one. */
  private escape(): string {
    const c = this.text[this.at + 1];
    this.at += 2;
    switch (c) {
      case '"':
      case '\\':
      case '/':
        return c;
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u': {
        const unit = this.hex4();
        if (unit >= 0xdc00 && unit <= 0xdfff) this.error('lone surrogate');
        if (unit >= 0xd800 && unit <= 0xdbff) {
          if (this.text[this.at] !== '\\' || this.text[this.at + 1] !== 'u') this.error('lone surrogate');
          this.at += 2;
          const low = this.hex4();
          if (low < 0xdc00 || low > 0xdfff) this.error('lone surrogate');
          if (isNoncharacter(((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000)) this.error('noncharacter');
          return String.fromCharCode(unit, low);
        }
        if (isNoncharacter(unit)) this.error('noncharacter');
        return String.fromCharCode(unit);
      }
      default:
        return this.error('invalid escape');
    }
  }

  private hex4(): number {
    const digits = this.text.slice(this.at, this.at + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(digits)) this.error('invalid \\u escape');
    this.at += 4;
    return Number.parseInt(digits, 16);
  }
}

/** Parses JSON text as I-JSON (RFC 7493); `malformed` with the reason and offset when it is not. Never throws. */
export function parseIJson(text: string): Result<unknown> {
  try {
    return ok(new Parser(text).document());
  } catch (error) {
    if (error instanceof IJsonError) return fail('malformed', `not I-JSON: ${error.message}`);
    return fail('malformed', 'not I-JSON');
  }
}

/** Parses UTF-8 bytes (a JWS payload or header) as I-JSON; invalid UTF-8 and a byte order mark are refused too. Never throws. */
export function parseIJsonBytes(bytes: Uint8Array): Result<unknown> {
  let text: string;
  try {
    text = fromUtf8(bytes);
  } catch {
    return fail('malformed', 'not I-JSON: invalid UTF-8');
  }
  if (text.charCodeAt(0) === 0xfeff) return fail('malformed', 'not I-JSON: a byte order mark');
  return parseIJson(text);
}
