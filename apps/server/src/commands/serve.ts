// `consent-ledger serve`: runs the collector until SIGTERM or SIGINT, then shuts down cleanly.
import { availableParallelism } from 'node:os';
import {
  DEFAULT_LIMITS,
  type ForwardingOptions,
  PROXY_HEADERS,
  type ProxyHeader,
  parsePublicUrl,
  parseTrustedProxies,
  parseWitnessEndpoint,
  type WitnessEndpoint,
} from '@consent-ledger/collector';
import { integerFlag, parse, UsageError } from '../args';
import { CONNECTION_LIMITS } from '../connection-cap';
import { startServer } from '../server';
import { closeOnSignal } from '../signals';

export const SERVE_USAGE =
  'consent-ledger serve [--port 8080] [--host 127.0.0.1] [--data ./data] [--name NAME] [--rate-limit PER_MINUTE] [--demo] [--sites DIR] [--verify-threads N]\n                     [--trust-proxy CIDR,...] [--proxy-header x-forwarded-for|forwarded] [--public-url URL]\n                     [--metrics-listen HOST:PORT] [--witness VKEY=URL]... [--witness-quorum K]\n                     [--max-connections N] [--max-connections-per-client N]';

/**
 * Verification worker threads by default: one per core besides the serving thread. Measured by
 * bench/ingest on 2 cores: 1 worker beat verifying on the serving thread and 2 workers (medians
 * of 3 alternating runs: 1,289 vs 966 and 1,037 receipts/s).
 */
const DEFAULT_VERIFY_THREADS = Math.max(0, availableParallelism() - 1);

/** The `--trust-proxy` and `--proxy-header` flags; undefined when no proxy is trusted. */
function forwardingFlags(list: string | undefined, header: string | undefined): ForwardingOptions | undefined {
  if (header !== undefined && !PROXY_HEADERS.includes(header as ProxyHeader))
    throw new UsageError(`--proxy-header must be one of ${PROXY_HEADERS.join(', ')}, not "${header}"`);
  if (list === undefined) {
    if (header !== undefined) throw new UsageError('--proxy-header needs --trust-proxy');
    return undefined;
  }
  const proxies = parseTrustedProxies(list);
  if (!proxies.ok) throw new UsageError(`--trust-proxy: ${proxies.error.message}`);
  return { proxies: proxies.value, header: (header as ProxyHeader | undefined) ?? 'x-forwarded-for' };
}

/** The `--public-url` flag, normalised; undefined when not given. */
function publicUrlFlag(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const parsed = parsePublicUrl(value);
  if (!parsed.ok) throw new UsageError(`--public-url: ${parsed.error.message}`);
  return parsed.value;
}

/** The `--metrics-listen HOST:PORT` flag (`127.0.0.1:9464`, `[::1]:9464`); undefined when not given. */
function metricsListenFlag(value: string | undefined): { host: string; port: number } | undefined {
  if (value === undefined) return undefined;
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(value);
  const port = match ? Number(match[3]) : NaN;
  if (!match || port > 65535)
    throw new UsageError(`--metrics-listen must be HOST:PORT (such as 127.0.0.1:9464 or [::1]:9464), not "${value}"`);
  return { host: match[1] ?? match[2], port };
}

/** The `--witness VKEY=URL` flags (repeatable) and `--witness-quorum K` (default: all of them). */
function witnessFlags(
  list: string[] | undefined,
  quorum: string | undefined,
): { endpoints: WitnessEndpoint[]; quorum: number } | undefined {
  const endpoints: WitnessEndpoint[] = [];
  for (const text of list ?? []) {
    const endpoint = parseWitnessEndpoint(text);
    if (!endpoint.ok) throw new UsageError(`--witness ${text}: ${endpoint.error.message}`);
    if (endpoints.some((e) => e.vkey === endpoint.value.vkey))
      throw new UsageError(`--witness ${endpoint.value.key.name} is given twice`);
    endpoints.push(endpoint.value);
  }
  if (endpoints.length === 0) {
    if (quorum !== undefined) throw new UsageError('--witness-quorum needs --witness');
    return undefined;
  }
  return { endpoints, quorum: integerFlag(quorum, 'witness-quorum', endpoints.length, 1, endpoints.length) };
}

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
    'trust-proxy': { type: 'string' },
    'proxy-header': { type: 'string' },
    'public-url': { type: 'string' },
    'metrics-listen': { type: 'string' },
    witness: { type: 'string', multiple: true },
    'witness-quorum': { type: 'string' },
    'max-connections': { type: 'string' },
    'max-connections-per-client': { type: 'string' },
  });
  const trustProxy = forwardingFlags(values['trust-proxy'], values['proxy-header']);
  const publicUrl = publicUrlFlag(values['public-url']);
  const metricsListen = metricsListenFlag(values['metrics-listen']);
  const host = values.host ?? '127.0.0.1';
  const witnesses = witnessFlags(values.witness, values['witness-quorum']);
  const server = await startServer({
    port: integerFlag(values.port, 'port', 8080, 0, 65535),
    host,
    data: values.data ?? './data',
    name: values.name,
    ratePerMinute: integerFlag(values['rate-limit'], 'rate-limit', DEFAULT_LIMITS.ratePerMinute, 0, 1_000_000_000),
    demo: values.demo ?? false,
    sites: values.sites,
    verifyThreads: integerFlag(values['verify-threads'], 'verify-threads', DEFAULT_VERIFY_THREADS, 0, 64),
    sqliteWriterThread: true,
    trustProxy,
    publicUrl,
    metricsListen,
    witnesses,
    connections: {
      max: integerFlag(values['max-connections'], 'max-connections', CONNECTION_LIMITS.max, 0, 1_000_000),
      perClient: integerFlag(
        values['max-connections-per-client'],
        'max-connections-per-client',
        CONNECTION_LIMITS.perClient,
        0,
        1_000_000,
      ),
    },
  });
  if (publicUrl === undefined && !['127.0.0.1', 'localhost', '::1'].includes(host))
    console.error(
      `consent-ledger: without --public-url, visitors' history and erasure requests are accepted only for ${server.visitorUrls.join(', ')}; give --public-url with the URL browsers call`,
    );
  const sites = server.published.length ? `, sites ${server.published.join(', ')}` : '';
  const reached = publicUrl ? `, reached at ${publicUrl}` : '';
  const metricsAt = server.metricsUrl ? `, metrics at ${server.metricsUrl}` : '';
  const witnessed = witnesses
    ? `, cosigned by ${witnesses.quorum} of ${witnesses.endpoints.map((w) => w.key.name).join(', ')}`
    : '';
  console.log(
    `consent-ledger serving ${server.url}${reached} (name ${server.name}, data ${values.data ?? './data'}${sites}${metricsAt}${witnessed})`,
  );
  await closeOnSignal(
    () => server.close(),
    (signal) => `consent-ledger: ${signal}, finishing in-flight commits`,
  );
  return 0;
}
