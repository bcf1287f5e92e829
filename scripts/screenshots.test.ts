import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script, without types
import { refresh, shownIn } from './screenshots.mjs';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Writes files (name: [content, written at, in seconds since the epoch]) into a folder of `root`. */
function write(dir: string, files: Record<string, [string, number]>) {
  mkdirSync(join(root, dir), { recursive: true });
  for (const [name, [content, at]] of Object.entries(files)) {
    writeFileSync(join(root, dir, name), content);
    utimesSync(join(root, dir, name), at, at);
  }
}

describe('pnpm screenshots', () => {
  it('knows the shots the documents show, once each', () => {
    expect(
      shownIn([
        '![Banner](docs/screenshots/banner.png) and ![](docs/screenshots/dialog.png)',
        '<img src="docs/screenshots/banner.png"> docs/screenshots/not-an-image.txt',
      ]),
    ).toEqual(['banner.png', 'dialog.png']);
  });

  it('copies only a shot newer than the docs copy, keeps the newer docs copies, and names what the run lacks', () => {
    root = mkdtempSync(join(tmpdir(), 'screenshots-'));
    write('.', {
      'README.md': [
        '![](docs/screenshots/banner.png) ![](docs/screenshots/dialog.png) ![](docs/screenshots/same.png)',
        0,
      ],
    });
    write('docs', {
      'design.md': [
        '![](docs/screenshots/history.png) ![](docs/screenshots/ask.png) ![](docs/screenshots/gone.png)',
        0,
      ],
    });
    // banner: a newer shot; dialog: an older one (taken before the last rebase); history: the same age;
    // ask: none in the docs yet; same: the very shot the docs hold, older.
    write('docs/screenshots', {
      'banner.png': ['docs', 2000],
      'dialog.png': ['docs', 2000],
      'history.png': ['docs', 2000],
      'same.png': ['same', 2000],
    });
    write('e2e/screenshots', {
      'banner.png': ['e2e', 3000],
      'dialog.png': ['e2e', 1000],
      'history.png': ['e2e', 2000],
      'ask.png': ['e2e', 1000],
      'same.png': ['same', 1000],
      'unshown.png': ['e2e', 3000],
    });
    expect(refresh(root)).toEqual({
      copy: ['ask.png', 'banner.png'],
      stale: ['dialog.png', 'history.png'],
      current: ['same.png'],
      missing: ['gone.png'],
    });
    const docs = (name: string) => readFileSync(join(root, 'docs/screenshots', name), 'utf8');
    expect(['ask.png', 'banner.png', 'dialog.png', 'history.png'].map(docs)).toEqual(['e2e', 'e2e', 'docs', 'docs']);

    // Once copied, a shot is current; --force copies the older ones too.
    expect(refresh(root, true)).toMatchObject({
      copy: ['dialog.png', 'history.png'],
      stale: [],
      current: ['ask.png', 'banner.png', 'same.png'],
    });
    expect(docs('dialog.png')).toBe('e2e');
  });
});
