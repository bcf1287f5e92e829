// The body of the SQLite store's writer thread (see sqlite-writer-thread.ts): the writes on a
// connection of their own, one message per call. Acks are signed here when the caller's signer
// handed over its key, else asked of the serving thread. Bundled on its own by the server build.
import { parentPort, workerData } from 'node:worker_threads';
import type { AckPayload } from '@consent-ledger/protocol';
import { signAcksWith } from '../ack-signer';
import type { FromWriter, ToWriter, WriterCall, WriterData } from './sqlite-writer-thread';
import { openWriterConnection, type SignAcks, SqliteWrites } from './sqlite-writes';

const { path, busyTimeoutMs } = workerData as WriterData;
const writes = new SqliteWrites(openWriterConnection(path, busyTimeoutMs));
const port = parentPort!;
const signing = new Map<number, { resolve: (acks: string[]) => void; reject: (error: Error) => void }>();
const reply = (message: FromWriter) => port.postMessage(message);

/** Asks the serving thread to sign the acks of call `id` (a signer that kept its key there). */
function remoteSigner(id: number): SignAcks {
  return (payloads: AckPayload[]) =>
    new Promise<string[]>((resolve, reject) => {
      signing.set(id, { resolve, reject });
      reply({ id, sign: payloads });
    });
}

function run(message: WriterCall): Promise<unknown> {
  switch (message.op) {
    case 'appendReceipts': {
      const key = message.signingKey;
      return writes.appendReceipts(
        message.batches,
        key ? (payloads) => signAcksWith(key, payloads) : remoteSigner(message.id),
      );
    }
    case 'putSite':
      return writes.putSite(...message.args);
    case 'deleteSite':
      return writes.deleteSite(...message.args);
    case 'integrate':
      return writes.integrate(...message.args);
    case 'addCosignatures':
      return writes.addCosignatures(...message.args);
    case 'redactEntries':
      return writes.redactEntries(...message.args);
    case 'markLogAttested':
      return writes.markLogAttested(...message.args);
    case 'createToken':
      return writes.createToken(...message.args);
    case 'revokeToken':
      return writes.revokeToken(...message.args);
    case 'close':
      return writes.close();
  }
}

port.on('message', (message: ToWriter) => {
  if (!('op' in message)) {
    const waiting = signing.get(message.id);
    signing.delete(message.id);
    if (message.acks) waiting?.resolve(message.acks);
    else waiting?.reject(new Error(message.signError));
    return;
  }
  run(message).then(
    (value) => {
      reply({ id: message.id, value });
      if (message.op === 'close') port.close();
    },
    (error: unknown) => {
      const code = (error as { code?: unknown } | null)?.code;
      reply({
        id: message.id,
        error: error instanceof Error ? error.message : String(error),
        ...(typeof code === 'string' ? { code } : {}),
      });
    },
  );
});
