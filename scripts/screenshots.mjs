// `pnpm screenshots`: copies the screenshots the documentation shows from the last e2e run
// (e2e/screenshots/, ignored by git) to docs/screenshots/, which the README and docs link to. Tests
// never write into tracked files; refreshing what the documentation shows is a deliberate step,
// reviewed like any change. Run `pnpm test:e2e` first.
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const documents = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const shown = new Set(
  documents.flatMap((file) =>
    [...readFileSync(join(root, file), 'utf8').matchAll(/docs\/screenshots\/([\w.-]+\.png)/g)].map((m) => m[1]),
  ),
);
const missing = [];
for (const name of [...shown].sort()) {
  const fresh = join(root, 'e2e/screenshots', name);
  if (!existsSync(fresh)) {
    missing.push(name);
    continue;
  }
  copyFileSync(fresh, join(root, 'docs/screenshots', name));
  console.log(`docs/screenshots/${name}`);
}
if (missing.length > 0) {
  console.error(`not in e2e/screenshots (run pnpm test:e2e first): ${missing.join(', ')}`);
  process.exitCode = 1;
}
