// `pnpm screenshots`: copies the screenshots the documentation shows from the last e2e run
// (e2e/screenshots/, ignored by git) to docs/screenshots/, which the README and docs link to. Tests
// never write into tracked files; refreshing what the documentation shows is a deliberate step,
// reviewed like any change. Run the e2e tests that take them first (`pnpm test:e2e`, or one file).
// Only a shot newer than the docs copy is copied: a worktree where some e2e files did not run since
// the last rebase holds older shots of the others, which must not replace what main now shows
// (`--force` copies them anyway).
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The screenshot names (`docs/screenshots/<name>.png`) that these Markdown texts show. */
export function shownIn(texts) {
  return [
    ...new Set(texts.flatMap((text) => [...text.matchAll(/docs\/screenshots\/([\w.-]+\.png)/g)].map((m) => m[1]))),
  ].sort();
}

/**
 * What to do with each shown screenshot: `copy` the fresh shots newer than their docs copy (or without
 * one), `stale` those older than it (kept, unless `force`), `current` those the docs hold already,
 * `missing` those the last run did not take.
 */
export function plan(names, freshDir, docsDir, force = false) {
  const out = { copy: [], stale: [], current: [], missing: [] };
  for (const name of names) {
    const fresh = join(freshDir, name);
    const docs = join(docsDir, name);
    if (!existsSync(fresh)) out.missing.push(name);
    else if (!existsSync(docs)) out.copy.push(name);
    else if (readFileSync(fresh).equals(readFileSync(docs))) out.current.push(name);
    else if (!force && statSync(fresh).mtimeMs <= statSync(docs).mtimeMs) out.stale.push(name);
    else out.copy.push(name);
  }
  return out;
}

/** Copies the fresh shots the documents under `root` show (see plan()); returns what it did. */
export function refresh(root, force = false) {
  const documents = [
    'README.md',
    ...readdirSync(join(root, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];
  const fresh = join(root, 'e2e/screenshots');
  const docs = join(root, 'docs/screenshots');
  const done = plan(shownIn(documents.map((file) => readFileSync(join(root, file), 'utf8'))), fresh, docs, force);
  for (const name of done.copy) copyFileSync(join(fresh, name), join(docs, name));
  return done;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { copy, stale, current, missing } = refresh(
    join(dirname(fileURLToPath(import.meta.url)), '..'),
    process.argv.includes('--force'),
  );
  for (const name of copy) console.log(`docs/screenshots/${name}`);
  if (current.length > 0) console.log(`${current.length} already in docs/screenshots`);
  if (stale.length > 0)
    console.log(
      `skipped, older than the docs copy (run their e2e test again, or --force): ${stale.map((n) => `e2e/screenshots/${n}`).join(', ')}`,
    );
  if (missing.length > 0) {
    console.error(`not in e2e/screenshots (run pnpm test:e2e first): ${missing.join(', ')}`);
    process.exitCode = 1;
  }
}
