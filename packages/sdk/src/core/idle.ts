/** Runs `task` when the browser is idle (soon after, where it cannot tell): how lazily loaded parts are prefetched. */
export const whenIdle = (task: () => void): unknown =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(task) : setTimeout(task, 200);
