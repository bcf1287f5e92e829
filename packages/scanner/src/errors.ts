// A scan stops on bad input (an unreachable site, a config that does not validate…) with one of these:
// a code for programs, a one-line message naming the cause for people.
import type { ScanFailure } from './report';

/** Thrown inside the scanner; the scan turns it into `report.error` and keeps what it gathered. */
export class ScanError extends Error {
  constructor(
    readonly code: ScanFailure['code'],
    message: string,
  ) {
    super(message);
  }

  toFailure(): ScanFailure {
    return { code: this.code, message: this.message };
  }
}

/** Chromium's network error names, read as a cause a person understands. */
const NET_ERRORS: Array<[RegExp, ScanFailure['code'], string]> = [
  [/ERR_NAME_NOT_RESOLVED/, 'unreachable', 'host not found'],
  [/ERR_CONNECTION_REFUSED/, 'unreachable', 'connection refused'],
  [/ERR_CONNECTION_(RESET|CLOSED)|ERR_EMPTY_RESPONSE/, 'unreachable', 'connection closed without an answer'],
  [/ERR_ADDRESS_UNREACHABLE|ERR_INTERNET_DISCONNECTED|ERR_NETWORK_/, 'unreachable', 'network unreachable'],
  [/ERR_CERT_|ERR_SSL_|ERR_BAD_SSL/, 'tls', 'TLS error'],
];

/** The ScanError for a navigation that threw (`what` names the page), keeping Chromium's error name. */
export function navigationError(error: unknown, what: string, timeoutSeconds: number): ScanError {
  if (error instanceof ScanError) return error;
  const text = String((error as Error)?.message ?? error);
  if ((error as Error)?.name === 'TimeoutError' || /Timeout \d+ms exceeded/.test(text))
    return new ScanError('timeout', `${what} did not load within ${timeoutSeconds} s (--timeout)`);
  const name = /net::(ERR_[A-Z_]+)/.exec(text)?.[1];
  for (const [pattern, code, cause] of NET_ERRORS)
    if (name && pattern.test(name)) return new ScanError(code, `${what}: ${cause} (${name})`);
  if (
    /Target (page, context or browser )?(has been )?closed|Browser has been closed|browser has disconnected/i.test(text)
  )
    return new ScanError('browser-crashed', `${what}: the browser closed during the scan`);
  return new ScanError('unreachable', `${what}: ${name ?? text.split('\n')[0]}`);
}
