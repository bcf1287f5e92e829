// The server the tests start: the real `serve` on a free loopback port, over a data folder of the
// test's own, with the fixture sites, no demo and no rate limit unless the test says otherwise.
import { join } from 'node:path';
import { FIXTURE_SITES } from '../checkout';
import { type RunningServer, type ServerOptions, startServer } from '../server';

/** Starts the server on 127.0.0.1 (free port) with its data in `dir`/data; `options` override the defaults. */
export function startLoopbackServer(dir: string, options: Partial<ServerOptions> = {}): Promise<RunningServer> {
  return startServer({
    port: 0,
    host: '127.0.0.1',
    data: join(dir, 'data'),
    ratePerMinute: 0,
    demo: false,
    sites: FIXTURE_SITES,
    ...options,
  });
}
