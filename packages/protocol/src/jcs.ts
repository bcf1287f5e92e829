// RFC 8785 leans on ECMAScript itself: JSON.stringify already writes numbers in the required
// shortest round-trip form (-0 as 0) and strings with the required minimal escapes.

const LONE_SURROGATE = /\p{Surrogate}/u;

function write(value: unknown, path: string): string {
  switch (typeof value) {
    case 'string':
      // RFC 8785 §3.2.2.2: lone surrogates would break signatures across implementations.
      if (LONE_SURROGATE.test(value)) throw new TypeError(`jcs: lone surrogate in string at ${path}`);
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`jcs: non-finite number at ${path}`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + write(value[i], `${path}[${i}]`);
        return `${out}]`;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) throw new TypeError(`jcs: not a plain object at ${path}`);
      const record = value as Record<string, unknown>;
      // Default sort compares UTF-16 code units, which is the order RFC 8785 §3.2.3 asks for.
      const keys = Object.keys(record).sort();
      let out = '{';
      let first = true;
      for (const key of keys) {
        const member = record[key];
        if (member === undefined) continue;
        out += `${(first ? '' : ',') + write(key, path)}:${write(member, `${path}.${key}`)}`;
        first = false;
      }
      return `${out}}`;
    }
    default:
      throw new TypeError(`jcs: ${typeof value} is not JSON at ${path}`);
  }
}

/**
 * RFC 8785 JSON Canonicalization Scheme: sorted keys (UTF-16 order), ES number form, minimal escapes.
 * Throws on non-JSON values (undefined, NaN, functions, lone surrogates, non-plain objects); object
 * members whose value is undefined are left out, as JSON.stringify does, so a value and its JSON
 * round trip canonicalize the same.
 */
export function canonicalize(value: unknown): string {
  return write(value, '$');
}
