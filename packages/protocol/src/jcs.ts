/** RFC 8785 JSON Canonicalization Scheme: sorted keys (UTF-16 order), ES number form, minimal escapes. Throws on non-JSON values (undefined, NaN, functions). */
export function canonicalize(value: unknown): string { throw new Error('TODO'); }
