// Receipts of one subject must form one chain even with several tabs open: the Web Locks API
// serialises across tabs; where it is missing, an in-page queue at least serialises this page.
const tails = new Map<string, Promise<unknown>>();

/** Runs `task` holding the lock `name` (a Web Lock when available, else an in-page mutex). */
export function withLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks?.request) return locks.request(name, task) as Promise<T>;
  const run = (tails.get(name) ?? Promise.resolve()).then(task);
  tails.set(
    name,
    run.catch(() => undefined),
  );
  return run;
}
