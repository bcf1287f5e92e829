import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIXTURE_SITES } from '../checkout';
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
  const fixture = join(FIXTURE_SITES, 'clikodoc.json');

  it('puts a config with its notices, once, and lists it', async () => {
    expect(await main(['sites', 'put', fixture, '--data', data()])).toBe(0);
    expect(out.pop()).toBe('clikodoc: revision 1 stored, 2 notice(s) appended (fr, en); new site');
    expect(await main(['sites', 'put', fixture, '--data', data()])).toBe(0);
    expect(out.pop()).toBe('clikodoc: revision 1 stored, notices unchanged; returning visitors keep their choices');
    expect(await main(['sites', 'list', '--data', data()])).toBe(0);
    expect(out.pop()).toMatch(
      /^clikodoc\trevision 1\tfr,en\t2 entries \(0 integrated\)\thttps:\/\/www\.clikodoc\.com http:\/\/localhost:8080$/,
    );
  });

  it('refuses a changed text at the same revision (exit 1, naming the fix), and --bump raises the revision', async () => {
    expect(await main(['sites', 'put', fixture, '--data', data()])).toBe(0);
    const config = JSON.parse(readFileSync(fixture, 'utf8'));
    const edited = join(dir, 'clikodoc.json');
    writeFileSync(edited, JSON.stringify({ ...config, purposes: { ...config.purposes, marketing: {} } }));
    expect(await main(['sites', 'put', edited, '--data', data()])).toBe(1);
    expect(err.pop()).toBe(
      `consent-ledger: ${edited}: revision 1 is already published with other texts (the notice changed in fr, en), so returning visitors would never be asked about them: publish it as revision 2 (sites put --bump does it), or undo the text changes`,
    );
    expect(await main(['sites', 'put', edited, '--bump', '--data', data()])).toBe(0);
    expect(out.pop()).toBe(
      'clikodoc: revision 2 (raised from 1 by --bump) stored, 2 notice(s) appended (fr, en); returning visitors will be asked again',
    );
    // The file still says 1: publishing it again is a lower revision, refused, unless --bump (no text changed: kept at 2).
    expect(await main(['sites', 'put', edited, '--data', data()])).toBe(1);
    expect(err.pop()).toContain('revision 1 is lower than the published revision 2: publish it as revision 2');
    expect(await main(['sites', 'put', edited, '--bump', '--data', data()])).toBe(0);
    expect(out.pop()).toBe(
      'clikodoc: revision 2 (raised from 1 by --bump) stored, notices unchanged; returning visitors keep their choices',
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
