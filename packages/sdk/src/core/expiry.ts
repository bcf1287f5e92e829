const DAY_MS = 86_400_000;

/** True when a choice made at `decidedAt` is older than `days` days at `now` (so it must be asked again). */
export const isExpired = (decidedAt: string, days: number, now = Date.now()): boolean =>
  now - Date.parse(decidedAt) > days * DAY_MS;
