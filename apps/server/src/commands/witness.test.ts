import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCollectorKeyJwk, loadCollectorKey } from '@consent-ledger/collector';
import { parseWitnessKey, witnessVerifierKey } from '@consent-ledger/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../main';
import { startWitness } from '../witness-server';

describe('consent-ledger witness', () => {
  let dir: string;
  let out: string[];
  let err: string[];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'witness-cmd-'));
    out = [];
    err = [];
    vi.spyOn(console, 'log').mockImplementation((...args) => void out.push(args.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...args) => void err.push(args.join(' ')));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('witness key: creates the key (0600) once and prints the same 0x04 verifier key every time, under the recorded name', async () => {
    const data = join(dir, 'w');
    expect(await main(['witness', 'key', '--data', data, '--name', 'witness.example/w1'])).toBe(0);
    expect(await main(['witness', 'key', '--data', data])).toBe(0);
    expect(out[0]).toBe(out[1]);
    expect(out[0]).toMatch(/^witness\.example\/w1\+[0-9a-f]{8}\+B/);
    expect(parseWitnessKey(out[0]).ok).toBe(true);
    expect(statSync(join(data, 'witness-key.json')).mode & 0o777).toBe(0o600);
    // The name is part of the key id: another one is refused, not silently used.
    expect(await main(['witness', 'key', '--data', data, '--name', 'other/w'])).toBe(1);
    expect(err.join('\n')).toContain('this witness is named "witness.example/w1", not "other/w"');
  });

  it('refuses to start without logs, with a bad --log or --follow, as usage errors', async () => {
    const key = await loadCollectorKey(await createCollectorKeyJwk(), 'ledger.example');
    for (const args of [
      [],
      ['--log', 'ledger.example+00000000+AAAA'],
      ['--log', witnessVerifierKey('w', key.publicKey)], // a cosignature key is not a log key
      ['--follow', 'ledger.example'],
      ['--follow', 'ftp://ledger.example'],
    ]) {
      err.length = 0;
      expect(await main(['witness', '--data', join(dir, 'w'), ...args]), args.join(' ')).toBe(2);
      expect(err.join('\n')).toContain('usage: consent-ledger witness');
    }
  });

  it('serves GET / with its name, key and logs, and evidence lists nothing yet', async () => {
    const key = await loadCollectorKey(await createCollectorKeyJwk(), 'ledger.example');
    const running = await startWitness({
      port: 0,
      host: '127.0.0.1',
      data: join(dir, 'w'),
      name: 'witness.example/w1',
      logs: [{ name: key.name, publicKey: key.publicKey }],
      follow: [],
    });
    try {
      const info = await (await fetch(`${running.url}/`)).json();
      expect(info).toEqual({ name: 'witness.example/w1', vkey: running.vkey, logs: [], evidence: 0 });
    } finally {
      await running.close();
    }
    expect(await main(['witness', 'evidence', '--data', join(dir, 'w')])).toBe(0);
    expect(JSON.parse(out.join('\n'))).toEqual([]);
  });
});
