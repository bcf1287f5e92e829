import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { repoRoot } from '../assets';
import { main } from '../main';

describe('consent-ledger sites', () => {
  let dir: string;
  let out: string[];
  let err: string[];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sites-cmd-'));
    out = [];
    err = [];
    vi.spyOn(console, 'log').mockImplementation((...args) => void out.push(args.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...args) => void err.push(args.join(' ')));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  const data = () => join(dir, 'data');
  const fixture = join(repoRoot(), 'fixtures/sites/clikodoc.json');

  it('puts a config with its notices, once, and lists it', async () => {
    expect(await main(['sites', 'put', fixture, '--data', data()])).toBe(0);
    expect(out.pop()).toBe('clikodoc: revision 1 stored, 2 notice(s) appended (fr, en)');
    expect(await main(['sites', 'put', fixture, '--data', data()])).toBe(0);
    expect(out.pop()).toBe('clikodoc: revision 1 stored, notices unchanged');
    expect(await main(['sites', 'list', '--data', data()])).toBe(0);
    expect(out.pop()).toMatch(
      /^clikodoc\trevision 1\tfr,en\t2 entries \(0 integrated\)\thttps:\/\/www\.clikodoc\.com http:\/\/localhost:8080$/,
    );
  });

  it('prints validation errors plainly, one per line, and exits 1', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        site: 'Bad Site',
        name: 'x',
        origins: [],
        revision: 1,
        policyUrl: 'https://x.example',
        languages: ['fr'],
        purposes: {},
        services: [],
        colour: 'red',
      }),
    );
    expect(await main(['sites', 'put', bad, '--data', data()])).toBe(1);
    const message = err.join('\n');
    expect(message).toContain(`${bad}: invalid site config`);
    expect(message).toMatch(/\n {2}site: /);
    expect(message).toMatch(/\n {2}colour: /);
    expect(out).toEqual([]);
  });

  it('exits 1 for a missing or non-JSON file, 2 for a usage error', async () => {
    expect(await main(['sites', 'put', join(dir, 'none.json'), '--data', data()])).toBe(1);
    expect(err.pop()).toContain('no such file');
    writeFileSync(join(dir, 'broken.json'), '{');
    expect(await main(['sites', 'put', join(dir, 'broken.json'), '--data', data()])).toBe(1);
    expect(err.pop()).toContain('not JSON');
    expect(await main(['sites', 'put', '--data', data()])).toBe(2);
    expect(await main(['sites', 'remove', 'x'])).toBe(2);
    expect(await main(['sites', 'list', '--bogus'])).toBe(2);
    expect(await main(['nope'])).toBe(2);
  });
});
