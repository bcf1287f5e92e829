// `consent-ledger serve`: runs the collector until SIGTERM or SIGINT, then shuts down cleanly.
import { integerFlag, parse } from '../args';
import { startServer } from '../server';

export const SERVE_USAGE =
  'consent-ledger serve [--port 8080] [--host 127.0.0.1] [--data ./data] [--name NAME] [--rate-limit PER_MINUTE] [--demo] [--sites DIR] [--verify-threads N]';

/** Verification worker threads by default (see bench/ingest for the measurement behind it). */
const DEFAULT_VERIFY_THREADS = 0;

/** Runs `serve`; resolves with the exit code once the server has stopped. */
export async function serveCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    data: { type: 'string' },
    name: { type: 'string' },
    'rate-limit': { type: 'string' },
    demo: { type: 'boolean' },
    sites: { type: 'string' },
    'verify-threads': { type: 'string' },
  });
  const server = await startServer({
    port: integerFlag(values.port, 'port', 8080, 0, 65535),
    host: values.host ?? '127.0.0.1',
    data: values.data ?? './data',
    name: values.name,
    ratePerMinute: integerFlag(values['rate-limit'], 'rate-limit', 600, 0, 1_000_000_000),
    demo: values.demo ?? false,
    sites: values.sites,
    verifyThreads: integerFlag(values['verify-threads'], 'verify-threads', DEFAULT_VERIFY_THREADS, 0, 64),
  });
  const sites = server.published.length ? `, sites ${server.published.join(', ')}` : '';
  console.log(`consent-ledger serving ${server.url} (name ${server.name}, data ${values.data ?? './data'}${sites})`);
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      console.log(`consent-ledger: ${signal}, finishing in-flight commits`);
      server.close().then(resolve, (error) => {
        console.error('consent-ledger: shutdown failed:', error);
        resolve();
      });
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  return 0;
}
