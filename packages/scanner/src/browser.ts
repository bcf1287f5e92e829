// The system Chromium, driven by playwright-core: never a downloaded browser. CHROMIUM_PATH names
// it, else the usual install paths are tried.
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { ScanError } from './errors';

/** Where Debian, Ubuntu and Google install it, in the order tried. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** Flags that keep a headless Chromium quiet: no sandbox (containers, root), no GPU, no traffic of its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Chromium executable to drive: `CHROMIUM_PATH`, else the first installed candidate. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const named = env.CHROMIUM_PATH;
  if (named) {
    if (!existsSync(named)) throw new ScanError('no-browser', `CHROMIUM_PATH names ${named}, which does not exist`);
    return named;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found)
    throw new ScanError(
      'no-browser',
      `no Chromium found (tried ${CANDIDATES.join(', ')}): install it (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  return found;
}

/** Launches Chromium; the caller closes it (signals are the caller's too, so it can write what it has first). */
export async function launchChromium(executablePath: string): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  try {
    return await chromium.launch({
      executablePath,
      args: CHROMIUM_ARGS,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    const first = String((error as Error).message ?? error).split('\n')[0];
    throw new ScanError('no-browser', `${executablePath} did not start: ${first}`);
  }
}
