// Axis arithmetic for the small SVG charts: a "nice" upper bound and its ticks.

/** Ticks from 0 to a round number at or above `max`, a step of 1, 2 or 5 times a power of ten; counts (`integers`) never get fractional steps. */
export function niceTicks(max: number, options: { count?: number; integers?: boolean } = {}): number[] {
  const count = options.count ?? 4;
  if (!(max > 0)) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  let step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  if (options.integers && step < 1) step = 1;
  const ticks = [0];
  while (ticks[ticks.length - 1] < max) ticks.push(Number((ticks[ticks.length - 1] + step).toPrecision(12)));
  return ticks;
}

/** Colours of chart series: each at least 3:1 against white (WCAG 1.4.11), told apart by the legend and table too. */
export const SERIES_COLOURS = ['#1d4ed8', '#b91c1c', '#047857', '#7c3aed', '#b45309', '#0e7490', '#be185d', '#4d5b00'];
