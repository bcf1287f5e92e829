// `consent-ledger scan` against a fixture site with known violations (harness/scan-site.ts), run as a
// user runs it: the built command, Debian's Chromium, real HTTP on three loopback ports.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './harness/browser';
import { consentLedger, type ScanSite, startScanSite } from './harness/scan-site';
import { CLI, type Collector, freePort, ROOT, startCollector } from './harness/server';

let collector: Collector;
let site: ScanSite;
let out: string;

beforeAll(async () => {
  collector = await startCollector();
  site = await startScanSite(collector);
  out = await mkdtemp(join(tmpdir(), 'cl-scan-'));
});
afterAll(async () => {
  await site?.stop();
  await collector?.stop();
  await rm(out, { recursive: true, force: true });
});

// Each test runs whole scans (three browser contexts per page): tens of seconds on a shared 2-core machine.
const SCAN_TIMEOUT = { timeout: 240_000 };
const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf8'));

describe('scan of a site with known violations', () => {
  it('finds exactly the violations, in JSON, in the report and in the exit code', SCAN_TIMEOUT, async () => {
    const [json, html, md] = ['report.json', 'report.html', 'cookies.md'].map((f) => join(out, f));
    const run = await consentLedger(['scan', `${site.origin}/`, '--json', json, '--html', html, '--declaration', md]);
    expect(run.stderr).toMatch(/\[1\/2\] http:\/\/127\.0\.0\.1:\d+\/ \(first-visit [\d.]+ s, after-reject/);
    expect(run.code, run.stderr).toBe(1);
    const report = await readJson(json);
    const home = `${site.origin}/`;
    const b = site.thirdPartyPort;
    expect(report).toMatchObject({ site: 'scanfix', url: home, complete: true, config: { revision: 1 } });
    expect(report.config.source).toBe(`${collector.origin}/v1/sites/scanfix/config`);
    // The PDF and the other origin are not crawled.
    expect(report.pages.map((p: { url: string }) => p.url)).toEqual([home, `${site.origin}/contact.html`]);
    expect(report.findings).toEqual([
      {
        kind: 'before-consent',
        page: home,
        phase: 'first-visit',
        cookie: '_fx_track',
        service: 'fixture-ads',
        purpose: 'marketing',
      },
      {
        kind: 'after-reject',
        page: home,
        phase: 'after-reject',
        cookie: '_fx_track',
        service: 'fixture-ads',
        purpose: 'marketing',
      },
      {
        kind: 'undeclared-host',
        page: home,
        phase: 'after-accept',
        host: `127.0.0.1:${b}`,
        url: `http://127.0.0.1:${b}/pixel.gif`,
      },
      { kind: 'declared-unused', page: null, phase: 'after-accept', service: 'fixture-maps', purpose: 'maps' },
    ]);
    // What was seen, as the schema says: the gated service only after accept-all, from its declared host.
    const passes = report.pages[0].passes;
    const names = (pass: string) => passes[pass].cookies.map((c: { name: string }) => c.name).sort();
    expect(names('first-visit')).toEqual(['_fx_track', 'fx_session']);
    // After a decision the SDK's own cl_consent cookie is there too (necessary: never a finding).
    expect(names('after-reject')).toEqual(['_fx_track', 'cl_consent', 'fx_session']);
    expect(names('after-accept')).toEqual(['_fx_stats', '_fx_track', '_fx_widget', 'cl_consent', 'fx_session']);
    // The embed's third-party cookie: refused by Chromium, still reported as attempted, and attributed.
    expect(passes['after-accept'].cookies.find((c: { name: string }) => c.name === '_fx_widget')).toMatchObject({
      domain: 'localhost',
      party: 'third',
      stored: false,
      sameSite: 'None',
      service: 'fixture-stats',
      purpose: 'analytics',
    });
    expect(passes['after-accept'].frames).toContainEqual({
      url: `http://localhost:${b}/widget.html`,
      party: 'third',
      gatedBy: 'analytics',
      service: 'fixture-stats',
      purpose: 'analytics',
    });
    expect(passes['after-reject'].decision).toBe('banner');
    expect(passes['first-visit'].cookies.find((c: { name: string }) => c.name === 'fx_session')).toMatchObject({
      httpOnly: true,
      party: 'first',
      stored: true,
      service: 'fixture-session',
      purpose: 'necessary',
      expires: null,
    });
    expect(passes['after-accept'].requests).toContainEqual(
      expect.objectContaining({
        host: `localhost:${b}`,
        url: `http://localhost:${b}/stats.js`,
        type: 'script',
        service: 'fixture-stats',
      }),
    );
    for (const pass of ['first-visit', 'after-reject'])
      expect(passes[pass].requests.filter((r: { service?: string }) => r.service !== 'consent-ledger')).toEqual([]);
    expect(passes['first-visit'].requests.length, "consent.js from the collector's port").toBeGreaterThan(0);

    const page = await readFile(html, 'utf8');
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain(
      `Sur ${home}, le cookie «\u00a0_fx_track\u00a0» est déposé avant que le visiteur ait fait un choix`,
    );
    expect(page.match(/<img src="data:image\/jpeg;base64,/g)).toHaveLength(6);
    const declaration = await readFile(md, 'utf8');
    for (const row of ['| fx\\_session | cookie |', '| \\_fx\\_stats | cookie |', '| \\_fx\\_track | cookie |'])
      expect(declaration).toContain(row);
    expect(declaration).toContain('Également prévus (non observés lors de l’analyse)\u00a0: MAPS\\_ID');
  });

  it('fails only on the kinds asked, with a config file instead of the collector', SCAN_TIMEOUT, async () => {
    const config = join(out, 'scanfix.json');
    await writeFile(config, JSON.stringify(site.config));
    const args = ['scan', `${site.origin}/`, '--config', config, '--collector', collector.origin, '--pages', '1'];
    const clean = await consentLedger([...args, '--fail-on', 'undeclared-cookie']);
    expect(clean.code, clean.stderr).toBe(0);
    expect(clean.stdout).toContain('before-consent (1)\n');
    expect(clean.stdout).toMatch(/undeclared-host \(1\)\n/);
    expect(clean.stdout).toMatch(/4 finding\(s\), 0 of kinds undeclared-cookie \(--fail-on\)$/m);
  });
});

describe('bad input: one line, exit 2, and what was gathered still written', () => {
  const lastLine = (stderr: string) => stderr.trim().split('\n').at(-1);

  it('stops at a page that never loads, keeping the pages and findings before it', SCAN_TIMEOUT, async () => {
    const json = join(out, 'partial.json');
    const run = await consentLedger(['scan', `${site.origin}/start.html`, '--timeout', '10', '--json', json]);
    expect(run.code).toBe(2);
    expect(lastLine(run.stderr)).toBe(
      `consent-ledger: scan: ${site.origin}/never.html did not load within 10 s (--timeout)`,
    );
    const report = await readJson(json);
    expect(report).toMatchObject({ complete: false, error: { code: 'timeout' } });
    expect(report.pages[0].url).toBe(`${site.origin}/start.html`);
    // declared-unused needs the whole site: a stopped scan does not claim it.
    expect(report.findings.map((f: { kind: string; cookie?: string }) => `${f.kind} ${f.cookie}`)).toEqual([
      'before-consent _fx_track',
      'after-reject _fx_track',
    ]);
  });

  it(
    'names an unreachable site, a TLS error, a redirect elsewhere, an unknown site, a bad config, a missing browser',
    SCAN_TIMEOUT,
    async () => {
      const closed = await freePort();
      const cases: Array<[string[], Record<string, string>, RegExp]> = [
        [[`http://127.0.0.1:${closed}/`], {}, /: connection refused \(ERR_CONNECTION_REFUSED\)$/],
        [[`https://${site.origin.slice('http://'.length)}/`], {}, /: TLS error \(ERR_[A-Z_]+\)$/],
        [
          [`${site.origin}/moved`],
          {},
          /\/moved redirects to http:\/\/localhost:\d+\/, another origin: scan that URL instead$/,
        ],
        [[`${site.origin}/`, '--collector', collector.origin, '--site', 'nosuch'], {}, /does not know site "nosuch"/],
        [[`${site.origin}/`, '--config', join(out, 'missing.json')], {}, /--config .*missing\.json: ENOENT$/],
        [
          [`${site.origin}/`],
          { CHROMIUM_PATH: '/nonexistent/chromium' },
          /CHROMIUM_PATH names \/nonexistent\/chromium, which does not exist$/,
        ],
      ];
      for (const [args, env, message] of cases) {
        const json = join(out, 'bad.json');
        await rm(json, { force: true });
        const run = await consentLedger(['scan', ...args, '--json', json, '--timeout', '10'], env);
        expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(2);
        expect(lastLine(run.stderr)).toMatch(/^consent-ledger: scan: /);
        expect(lastLine(run.stderr)).toMatch(message);
        expect((await readJson(json)).complete, `${args.join(' ')}: a report written anyway`).toBe(false);
      }
    },
  );

  it('refuses bad flags as usage errors', async () => {
    for (const args of [
      ['--fail-on', 'sometimes'],
      ['--lang', 'xx'],
      ['--pages', '0'],
    ]) {
      const run = await consentLedger(['scan', `${site.origin}/`, ...args]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^consent-ledger: --(fail-on|lang|pages)/);
    }
  });
});

describe('Ctrl-C', () => {
  /** Every live descendant of `pid` (Chromium and its helpers, for the CLI). */
  function descendants(pid: number): number[] {
    const parents = new Map<number, number>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        // Fields after the command name (which may hold spaces) start with state, then the parent's pid.
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      } catch {
        // Gone while listing.
      }
    }
    const found: number[] = [];
    const walk = (parent: number) => {
      for (const [child, ppid] of parents)
        if (ppid === parent) {
          found.push(child);
          walk(child);
        }
    };
    walk(pid);
    return found;
  }

  it('closes every browser process, writes what was gathered and exits 2', SCAN_TIMEOUT, async () => {
    const json = join(out, 'interrupted.json');
    const child = spawn(
      process.execPath,
      [CLI, 'scan', `${site.origin}/start.html`, '--timeout', '60', '--json', json],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    // The first page is done: the scan is now waiting on /never.html, which never answers.
    await eventually('the first page scanned', async () => /\[1\/2\]/.test(stderr), 120_000);
    const browsers = await eventually('Chromium running', async () => {
      const pids = descendants(child.pid!);
      return pids.length > 0 && pids;
    });
    child.kill('SIGINT');
    expect(await exited).toBe(2);
    expect(stderr).toMatch(/consent-ledger: scan: SIGINT: closing the browser/);
    expect(stderr.trim().split('\n').at(-1)).toBe('consent-ledger: scan: interrupted: the browser was closed');
    await eventually(
      'every Chromium process gone',
      async () => browsers.every((pid) => !existsSync(`/proc/${pid}`)),
      5_000,
    );
    const report = await readJson(json);
    expect(report).toMatchObject({ complete: false, error: { code: 'interrupted' } });
    expect(report.findings.map((f: { kind: string }) => f.kind)).toEqual(['before-consent', 'after-reject']);
  });
});
