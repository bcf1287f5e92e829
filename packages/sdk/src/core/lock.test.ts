import { expect, it, vi } from 'vitest';
import { withLock } from './lock';

it('runs tasks holding the same lock one at a time, in order, even when one fails', async () => {
  const log: string[] = [];
  const task =
    (name: string, fail = false) =>
    async () => {
      log.push(`${name}:start`);
      await new Promise((r) => setTimeout(r, 5));
      log.push(`${name}:end`);
      if (fail) throw new Error(name);
      return name;
    };
  const results = await Promise.allSettled([
    withLock('l', task('a')),
    withLock('l', task('b', true)),
    withLock('l', task('c')),
  ]);
  expect(log).toEqual(['a:start', 'a:end', 'b:start', 'b:end', 'c:start', 'c:end']);
  expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
});

it('lets different locks run side by side', async () => {
  const log: string[] = [];
  let release!: () => void;
  const held = withLock('x', () => new Promise<void>((r) => (release = r)));
  await withLock('y', async () => void log.push('y ran while x is held'));
  release();
  await held;
  expect(log).toEqual(['y ran while x is held']);
});

it('uses the Web Locks API when the browser has it, so other tabs wait too', async () => {
  const names: string[] = [];
  const request = vi.fn(async (name: string, task: () => Promise<unknown>) => {
    names.push(name);
    return task();
  });
  Object.defineProperty(navigator, 'locks', { value: { request }, configurable: true });
  try {
    expect(await withLock('consent-ledger:clickcare', async () => 42)).toBe(42);
    expect(names).toEqual(['consent-ledger:clickcare']);
  } finally {
    delete (navigator as { locks?: unknown }).locks;
  }
});
