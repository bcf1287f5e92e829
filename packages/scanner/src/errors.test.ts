import { describe, expect, it } from 'vitest';
import { navigationError, ScanError } from './errors';

describe('navigation errors', () => {
  const cause = (message: string, name = 'Error') => Object.assign(new Error(message), { name });

  it('reads Chromium’s error names as causes a person understands', () => {
    expect(
      navigationError(cause('page.goto: net::ERR_CONNECTION_REFUSED at http://x/'), 'http://x/', 20).toFailure(),
    ).toEqual({
      code: 'unreachable',
      message: 'http://x/: connection refused (ERR_CONNECTION_REFUSED)',
    });
    expect(navigationError(cause('net::ERR_NAME_NOT_RESOLVED'), 'https://nope.example/', 20).message).toBe(
      'https://nope.example/: host not found (ERR_NAME_NOT_RESOLVED)',
    );
    expect(navigationError(cause('net::ERR_CERT_AUTHORITY_INVALID'), 'https://x/', 20).code).toBe('tls');
    expect(navigationError(cause('net::ERR_SSL_PROTOCOL_ERROR'), 'https://x/', 20).code).toBe('tls');
  });

  it('says which page did not load in time, and keeps ScanErrors as they are', () => {
    const timeout = navigationError(cause('page.goto: Timeout 2000ms exceeded.', 'TimeoutError'), 'http://x/slow', 2);
    expect(timeout.toFailure()).toEqual({
      code: 'timeout',
      message: 'http://x/slow did not load within 2 s (--timeout)',
    });
    const own = new ScanError('off-origin', 'elsewhere');
    expect(navigationError(own, 'http://x/', 20)).toBe(own);
    expect(navigationError(cause('Target page, context or browser has been closed'), 'http://x/', 20).code).toBe(
      'browser-crashed',
    );
  });
});
