// @vitest-environment happy-dom
// The README's browser examples (```ts browser blocks): run like docs/readme.test.ts runs the others,
// but in a page (happy-dom, fake IndexedDB) whose collector is the SDK's test double, with the
// clikodoc fixture in English; window.confirm answers yes.
import 'fake-indexeddb/auto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConsentRuntime } from '../packages/sdk/src/types';
import { fixtureDocument } from '../packages/sdk/test/collector-double';
import { freshPage, settled } from '../packages/sdk/test/page';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```ts browser\n([\s\S]*?)```/g)].map((m) => m[1]);

describe('README browser examples', () => {
  afterEach(() => vi.restoreAllMocks());

  it('has browser examples to run', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  blocks.forEach((code, n) => {
    it(`browser example ${n + 1} runs and prints what the README says`, async () => {
      await freshPage('clikodoc', 'https://www.clikodoc.com/teleconsultation', fixtureDocument('clikodoc', {}, 'en'));
      const asked = vi.fn(() => true);
      vi.stubGlobal('confirm', asked);
      // Inside a workspace package that depends on every published one, so its imports resolve.
      const dir = join(root, 'contract', '.tmp');
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `readme-browser-example-${n + 1}.ts`);
      writeFileSync(file, code);
      const printed: string[] = [];
      vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
      const example = (await import(/* @vite-ignore */ `${file}?t=${Date.now()}`)) as { consent?: ConsentRuntime };
      const expected = [...code.matchAll(/\/\/ prints: (.+)/g)].map((m) => m[1].trim());
      expect(expected.length).toBeGreaterThan(0);
      for (const line of expected) expect(printed.join('\n')).toContain(line);
      if (code.includes('confirm(')) expect(asked).toHaveBeenCalledWith(expect.stringContaining('Twilio'));
      // The example's runtime (exported) sends its receipts to the double, then stops before the page is reset.
      if (example.consent) {
        expect((await settled(example.consent)).map((r) => [r.method, r.status])).toEqual([
          ['in-context', 'acknowledged'],
        ]);
        example.consent.destroy();
      }
    });
  });
});
