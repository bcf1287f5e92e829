// The README's TypeScript examples are part of the contract with a newcomer: each ```ts or ```tsx block is
// written to a module and run, so an example that no longer works fails the build.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```(tsx?)\n([\s\S]*?)```/g)].map((m) => ({ ext: m[1], code: m[2] }));

describe('README examples', () => {
  afterEach(() => vi.restoreAllMocks());

  it('has TypeScript examples to run', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  blocks.forEach(({ ext, code }, n) => {
    it(`example ${n + 1} runs and prints what the README says`, async () => {
      // Inside a workspace package that depends on every published one, so its imports resolve.
      const dir = join(root, 'contract', '.tmp');
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `readme-example-${n + 1}.${ext}`);
      // The workspace compiles JSX for Preact by default; the README's React example is React's.
      writeFileSync(file, ext === 'tsx' ? `/** @jsxImportSource react */\n${code}` : code);
      const printed: string[] = [];
      vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
      const cwd = process.cwd();
      process.chdir(root);
      try {
        await import(/* @vite-ignore */ `${file}?t=${Date.now()}`);
      } finally {
        process.chdir(cwd);
      }
      // Each example ends with a `// prints: …` comment naming the start of what it prints.
      const expected = [...code.matchAll(/\/\/ prints: (.+)/g)].map((m) => m[1].trim());
      expect(expected.length).toBeGreaterThan(0);
      for (const line of expected) expect(printed.join('\n')).toContain(line);
    });
  });
});
