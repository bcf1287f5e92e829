// Client addresses as stored (per the site's `ip` setting) and as rate-limit keys. Truncation
// zeroes the host bits and writes the address back in its usual form (203.0.113.0, 2001:db8:1::).

/** A parsed address: 4 bytes (IPv4) or 16 (IPv6). */
export type Bytes = number[];

function parseV4(text: string): Bytes | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : null;
}

function parseV6(text: string): Bytes | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    const pieces = part.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i];
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseV4(piece);
        if (!v4) return null;
        out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else if (/^[0-9a-f]{1,4}$/i.test(piece)) out.push(parseInt(piece, 16));
      else return null;
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const all = [...head, ...new Array<number>(missing).fill(0), ...tail];
  return all.flatMap((g) => [g >> 8, g & 0xff]);
}

/** Parses an IPv4 or IPv6 address (zone ids dropped, IPv4-mapped IPv6 read as IPv4); null when it is neither. */
export function parseAddress(address: string): Bytes | null {
  const text = address.trim().replace(/%.*$/, '');
  const v4 = parseV4(text);
  if (v4) return v4;
  const v6 = parseV6(text);
  if (!v6) return null;
  const mapped = v6.slice(0, 10).every((b) => b === 0) && v6[10] === 0xff && v6[11] === 0xff;
  return mapped ? v6.slice(12) : v6;
}

/** An address in its usual form (RFC 5952 for IPv6). */
export function formatAddress(bytes: Bytes): string {
  if (bytes.length === 4) return bytes.join('.');
  const groups = Array.from({ length: 8 }, (_, i) => (bytes[2 * i] << 8) | bytes[2 * i + 1]);
  // RFC 5952: compress the longest run of two or more zero groups (the first when tied).
  let best = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      best = i;
      bestLength = j - i;
    }
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLength).join(':')}`;
}

/** The address with every bit after the first `bits` zeroed. */
export function keepBits(bytes: Bytes, bits: number): Bytes {
  return bytes.map((b, i) => (i * 8 >= bits ? 0 : i * 8 + 8 <= bits ? b : b & (0xff << (8 - (bits - i * 8)))));
}

/** The address as the site's `ip` setting stores it: whole, truncated to /24 or /48, or not at all. */
export function storedIp(address: string | null, mode: 'truncate' | 'none' | 'full'): string | null {
  if (address === null || mode === 'none') return null;
  const bytes = parseAddress(address);
  if (!bytes) return null;
  return formatAddress(mode === 'full' ? bytes : keepBits(bytes, bytes.length === 4 ? 24 : 48));
}

/** The rate-limit key of an address: the IPv4 address, or the IPv6 /64 (one subscriber's usual prefix). */
export function rateKey(address: string | null): string | null {
  if (address === null) return null;
  const bytes = parseAddress(address);
  if (!bytes) return address;
  return formatAddress(bytes.length === 4 ? bytes : keepBits(bytes, 64));
}
