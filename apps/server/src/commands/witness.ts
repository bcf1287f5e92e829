// `consent-ledger witness`: a C2SP tlog-witness for collectors' logs (and any C2SP log).
//   witness [--port 8090] [--host 127.0.0.1] [--data ./witness-data] [--name NAME] --log VKEY... | --follow URL...
//   witness key [--data DIR] [--name NAME]     prints the witness's verifier key (creating the key on first use)
//   witness evidence [--data DIR]              prints the refusals that show a log contradicting itself (JSON)
import { NOTE_ED25519, type NoteKey, parseVerifierKey, witnessVerifierKey } from '@consent-ledger/protocol';
import { integerFlag, parse, UsageError } from '../args';
import { closeOnSignal } from '../signals';
import { openWitnessData, startWitness } from '../witness-server';

export const WITNESS_USAGE = `consent-ledger witness [--port 8090] [--host 127.0.0.1] [--data ./witness-data] [--name NAME] (--log VKEY | --follow COLLECTOR_URL)...
consent-ledger witness key [--data DIR] [--name NAME]  |  witness evidence [--data DIR]`;

const DEFAULT_DATA = './witness-data';

/** The `--log` flags: collectors' note verifier keys (`GET /v1/keys`'s `vkey`), or any C2SP log's. */
function logKeys(values: string[] = []): NoteKey[] {
  return values.map((vkey) => {
    const parsed = parseVerifierKey(vkey);
    if (!parsed.ok) throw new UsageError(`--log ${vkey}: ${parsed.error.message}`);
    if (parsed.value.type !== NOTE_ED25519)
      throw new UsageError(`--log ${vkey}: a log signs with a 0x01 (Ed25519 note) key`);
    return { name: parsed.value.name, publicKey: parsed.value.publicKey };
  });
}

/** The `--follow` flags: collector base URLs. */
function followUrls(values: string[] = []): string[] {
  return values.map((value) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new UsageError(`--follow ${value}: not a URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--follow ${value}: not http(s)`);
    return url.href.replace(/\/+$/, '');
  });
}

async function serveWitness(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    data: { type: 'string' },
    name: { type: 'string' },
    log: { type: 'string', multiple: true },
    follow: { type: 'string', multiple: true },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const logs = logKeys(values.log);
  const follow = followUrls(values.follow);
  if (logs.length + follow.length === 0) throw new UsageError('name the logs to witness: --log VKEY or --follow URL');
  const running = await startWitness({
    port: integerFlag(values.port, 'port', 8090, 0, 65535),
    host: values.host ?? '127.0.0.1',
    data: values.data ?? DEFAULT_DATA,
    name: values.name,
    logs,
    follow,
  });
  const accepts = [...logs.map((k) => `${k.name}/*`), ...follow.map((u) => `the logs of ${u}`)].join(', ');
  console.log(`consent-ledger witness serving ${running.url} (name ${running.name}, witnessing ${accepts})`);
  console.log(`witness key: ${running.vkey}`);
  await closeOnSignal(
    () => running.close(),
    (signal) => `consent-ledger witness: ${signal}, stopping`,
  );
  return 0;
}

async function printKey(args: string[]): Promise<number> {
  const { values } = parse(args, { data: { type: 'string' }, name: { type: 'string' } });
  const { store, key } = await openWitnessData(values.data ?? DEFAULT_DATA, values.name);
  store.close();
  console.log(witnessVerifierKey(key.name, key.publicKey));
  return 0;
}

async function printEvidence(args: string[]): Promise<number> {
  const { values } = parse(args, { data: { type: 'string' } });
  const { store } = await openWitnessData(values.data ?? DEFAULT_DATA);
  try {
    const evidence = store.evidence();
    console.log(JSON.stringify(evidence, null, 2));
    console.error(`${evidence.length} refusal(s) kept as evidence`);
  } finally {
    store.close();
  }
  return 0;
}

/** Runs `witness`, `witness key` or `witness evidence`; resolves with the exit code. */
export function witnessCommand(args: string[]): Promise<number> {
  if (args[0] === 'key') return printKey(args.slice(1));
  if (args[0] === 'evidence') return printEvidence(args.slice(1));
  return serveWitness(args);
}
