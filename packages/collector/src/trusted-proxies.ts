// The client address behind load balancers (`serve --trust-proxy`). Only when the TCP peer is a
// trusted proxy is the forwarding header read, and then from the right: each trusted proxy
// appends the address it received from, so the right-most address that is not a trusted proxy
// is the one no client could have written. Anything left of it is the client's own say.
import { fail, ok, type Result } from '@consent-ledger/protocol';
import { type Bytes, formatAddress, keepBits, parseAddress } from './ip';

/** The header the balancers write: `X-Forwarded-For`, or RFC 7239 `Forwarded` (its `for=`). */
export type ProxyHeader = 'x-forwarded-for' | 'forwarded';
export const PROXY_HEADERS: readonly ProxyHeader[] = ['x-forwarded-for', 'forwarded'];

/** Addresses and CIDR blocks of the trusted proxies. */
export interface TrustedProxies {
  /** True when `address` is one of them. */
  has(address: Bytes): boolean;
}

interface Block {
  network: Bytes;
  bits: number;
}

/** Parses a list of addresses and CIDR blocks (`10.0.0.0/8, 2001:db8::/32, 192.0.2.7`), separated by commas or spaces. */
export function parseTrustedProxies(list: string): Result<TrustedProxies, 'malformed'> {
  const blocks: Block[] = [];
  for (const item of list.split(/[\s,]+/).filter((s) => s !== '')) {
    const [text, prefix, ...rest] = item.split('/');
    const network = parseAddress(text);
    if (!network || rest.length > 0 || /%/.test(text))
      return fail('malformed', `"${item}" is not an IP address or a CIDR block`);
    const max = network.length * 8;
    const bits = prefix === undefined ? max : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    if (!(bits >= 0 && bits <= max)) return fail('malformed', `"${item}": the prefix length must be from 0 to ${max}`);
    const masked = keepBits(network, bits);
    // A typo in a trust list widens or narrows who may speak for clients: refuse rather than guess.
    if (masked.some((b, i) => b !== network[i]))
      return fail('malformed', `"${item}" has bits set after /${bits} (the block is ${formatAddress(masked)}/${bits})`);
    blocks.push({ network, bits });
  }
  if (blocks.length === 0) return fail('malformed', 'the list of trusted proxies is empty');
  return ok({
    has: (address) =>
      blocks.some(
        (b) => b.network.length === address.length && keepBits(address, b.bits).every((x, i) => x === b.network[i]),
      ),
  });
}

/** Splits on `separator` outside double-quoted strings. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '\\' && i + 1 < text.length) {
      current += ch + text[++i];
      continue;
    }
    if (ch === '"') quoted = !quoted;
    if (ch === separator && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

/** The `for=` node of each `Forwarded` element, oldest hop first; '' for an element without one. */
function forwardedFor(header: string): string[] {
  return splitOutsideQuotes(header, ',').map((element) => {
    for (const pair of splitOutsideQuotes(element, ';')) {
      const eq = pair.indexOf('=');
      if (eq < 0 || pair.slice(0, eq).trim().toLowerCase() !== 'for') continue;
      const value = pair.slice(eq + 1).trim();
      return value.startsWith('"') && value.endsWith('"') && value.length >= 2
        ? value.slice(1, -1).replace(/\\(.)/g, '$1')
        : value;
    }
    return '';
  });
}

/** A hop's address without brackets or port (`[2001:db8::1]:4711`, `192.0.2.1:80`); null for `unknown`, obfuscated ids or garbage. */
function hopAddress(node: string): Bytes | null {
  const text = node.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed) return parseAddress(bracketed[1]);
  const v4port = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(text);
  return parseAddress(v4port ? v4port[1] : text);
}

/** Where the client address is read from when the peer is a trusted proxy. */
export interface ForwardingOptions {
  proxies: TrustedProxies;
  header: ProxyHeader;
}

/**
 * The client address of a request from socket peer `peer`, whose forwarding header is `value`:
 * the peer itself unless it is a trusted proxy; else the right-most hop that is not one (the
 * left-most when all are); the nearest trusted proxy when a hop it reported is unusable.
 */
export function forwardedClient(
  peer: string | null,
  value: string | undefined,
  options: ForwardingOptions,
): string | null {
  const peerBytes = peer === null ? null : parseAddress(peer);
  if (!peerBytes || !options.proxies.has(peerBytes) || value === undefined) return peer;
  const hops = options.header === 'forwarded' ? forwardedFor(value) : value.split(',');
  let nearest = peerBytes;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hopAddress(hops[i]);
    if (!hop) break;
    nearest = hop;
    if (!options.proxies.has(hop)) break;
  }
  return formatAddress(nearest);
}
