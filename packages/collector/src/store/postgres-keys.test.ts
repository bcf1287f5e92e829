import { base64urlDecode, checkpointBody, signNote, verifyNote } from '@consent-ledger/protocol';
import { describe, expect, it } from 'vitest';
import { createCollectorKeyJwk, loadCollectorKey } from '../keys';
import { clusterForThisFile } from '../testing/pg-suite';
import {
  claimCollectorName,
  openPostgresStore,
  type PostgresStore,
  rotateSigningKey,
  sharedSigningKeys,
} from './postgres';

const AT = '2026-12-01T10:00:00.000Z';
const cluster = clusterForThisFile();

async function stores(name: string, count: number): Promise<PostgresStore[]> {
  const url = await cluster.createDatabase(name);
  return Promise.all(Array.from({ length: count }, () => openPostgresStore(url)));
}

describe('the signing identity shared through PostgreSQL', () => {
  it('gives every collector the key of the first one to start', async () => {
    const all = await stores('keys_first', 3);
    const loaded = await Promise.all(all.map((store) => sharedSigningKeys(store, createCollectorKeyJwk, AT)));
    expect(new Set(loaded.map((l) => l.current.d)).size).toBe(1);
    expect(loaded[0].retired).toEqual([]);
    await Promise.all(all.map((s) => s.close()));
  });

  it('records the first serve name; later ones take it, and refuse another explicit one', async () => {
    const all = await stores('keys_name', 3);
    const names = await Promise.all(all.map((store, i) => claimCollectorName(store, null, `127.0.0.1:808${i}`, AT)));
    expect(new Set(names).size).toBe(1);
    expect(await claimCollectorName(all[0], names[0], 'unused', AT)).toBe(names[0]);
    await expect(claimCollectorName(all[1], 'ledger.example', 'unused', AT)).rejects.toThrow(
      `this database signs as "${names[0]}", not "ledger.example"`,
    );
    await Promise.all(all.map((s) => s.close()));
  });

  it('rotates: the new key signs, the old one stays listed and verifies old checkpoints, its private half is gone', async () => {
    const [store] = await stores('keys_rotate', 1);
    const before = await sharedSigningKeys(store, createCollectorKeyJwk, AT);
    const oldKey = await loadCollectorKey(before.current, 'ledger.example');
    const oldNote = await signNote(checkpointBody('ledger.example/sites/alpha', 3, new Uint8Array(32)), oldKey);
    await rotateSigningKey(store, await createCollectorKeyJwk(), '2026-12-02T00:00:00.000Z');
    const after = await sharedSigningKeys(store, createCollectorKeyJwk, AT);
    expect(after.current.x).not.toBe(before.current.x);
    expect(after.retired).toEqual([{ kty: 'OKP', crv: 'Ed25519', x: before.current.x }]);
    const noteKeys = [after.current, ...after.retired].map((k) => ({
      name: 'ledger.example',
      publicKey: base64urlDecode(k.x),
    }));
    expect((await verifyNote(oldNote, noteKeys)).ok).toBe(true);
    const { rows } = await store.query<{ kid: string; private_jwk: string | null }>(
      'SELECT kid, private_jwk FROM collector_keys WHERE kid = $1',
      [oldKey.kid],
    );
    expect(rows).toEqual([{ kid: oldKey.kid, private_jwk: null }]);
    await store.close();
  });
});
