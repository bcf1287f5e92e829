import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ledgerBackend } from './backend';
import { dataPaths } from './data';

describe('the data folder key', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'data-key-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is created once, mode 0600, with no temporary file left beside it', async () => {
    const data = join(dir, 'data');
    const backend = ledgerBackend(data, {});
    const first = await backend.signingKey('a');
    const again = await Promise.all([backend.signingKey('a'), ledgerBackend(data, {}).signingKey('a')]);
    expect(again.map((k) => k.kid)).toEqual([first.kid, first.kid]);
    expect(readdirSync(data)).toEqual(['collector-key.json']);
    expect(statSync(dataPaths(data).key).mode & 0o777).toBe(0o600);
  });
});

describe('the data folder', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'data-dir-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is made 0700 when it exists with wider access, its ledger 0600', async () => {
    const data = join(dir, 'data');
    mkdirSync(data, { mode: 0o755 });
    chmodSync(data, 0o755);
    const store = ledgerBackend(data, {}).openStore();
    await store.close();
    expect(statSync(data).mode & 0o777).toBe(0o700);
    expect(statSync(dataPaths(data).ledger).mode & 0o777).toBe(0o600);
  });
});
