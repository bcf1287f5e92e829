import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ledgerBackend } from './backend';

describe('ledgerBackend', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'backend-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is the data folder without DATABASE_URL, PostgreSQL with one, and refuses any other URL', () => {
    expect(ledgerBackend(dir, {}).kind).toBe('sqlite');
    expect(ledgerBackend(dir, { DATABASE_URL: '' }).kind).toBe('sqlite');
    expect(ledgerBackend(dir, { DATABASE_URL: 'postgresql://u@127.0.0.1:1/db' }).kind).toBe('postgres');
    expect(() => ledgerBackend(dir, { DATABASE_URL: 'mysql://u@127.0.0.1/db' })).toThrow(/postgres:\/\//);
  });

  it('on SQLite: no key until one is asked for, the same key in the JWKS and for serve, no rotation', async () => {
    const backend = ledgerBackend(join(dir, 'data'), {});
    expect(backend.hasKey()).toBe(false);
    const key = await backend.signingKey('collector.example');
    expect(backend.hasKey()).toBe(true);
    const jwks = await backend.jwks('collector.example');
    expect(jwks.keys.map((k) => k.kid)).toEqual([key.kid]);
    const served = await backend.identity(null, 'localhost:8787');
    expect([served.key.kid, served.key.name, served.integratorLock]).toEqual([key.kid, 'localhost:8787', undefined]);
    expect((await backend.identity('named', 'localhost:8787')).key.name).toBe('named');
    await expect(backend.rotateKey()).rejects.toThrow(/DATABASE_URL/);
  });
});
