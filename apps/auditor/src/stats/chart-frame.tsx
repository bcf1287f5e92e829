// What the line and bar charts share: the SVG box, the value axis with its grid, the period labels,
// the legend, and the readout that shows a point's numbers on hover.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Series } from './chart-types';
import { SERIES_COLOURS } from './scale';

export const WIDTH = 640;
export const HEIGHT = 240;
export const MARGIN = { left: 56, right: 16, top: 16, bottom: 36 };
export const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
export const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;
/** Period labels shown along the x axis at most; the table lists every period. */
const MAX_LABELS = 8;

/** The value's y coordinate on a 0..max axis. */
export const yOf = (value: number, max: number) => MARGIN.top + PLOT_H - (value / max) * PLOT_H;

export const colourOf = (index: number) => SERIES_COLOURS[index % SERIES_COLOURS.length];

/** A hovered point: where to draw its readout and what it says. */
interface Hover {
  x: number;
  y: number;
  text: string;
}

/** The attributes that make a chart's element a point with a readout on hover, drawn at (x, y). */
export const readoutAt = (x: number, y: number, text: string) => ({ 'data-readout': text, 'data-x': x, 'data-y': y });

/**
 * The SVG of a chart: grid and ticks on the left, period labels below, `children` drawn in between.
 * To assistive technology the chart is one image, its numbers in the table that goes with it; the
 * readout is a pointer aid, so the image follows the pointer onto the points (see `readoutAt`).
 */
export function ChartFrame(props: {
  label: string;
  ticks: number[];
  format(value: number): string;
  categories: string[];
  xOf(index: number): number;
  children: ComponentChildren;
}) {
  const [hover, setHover] = useState<Hover | null>(null);
  const max = props.ticks[props.ticks.length - 1];
  const every = Math.ceil(props.categories.length / MAX_LABELS);
  const follow = (event: MouseEvent) => {
    const point = (event.target as Element).closest('[data-readout]');
    const text = point?.getAttribute('data-readout');
    setHover((current) =>
      !point || !text
        ? null
        : current?.text === text
          ? current
          : { x: Number(point.getAttribute('data-x')), y: Number(point.getAttribute('data-y')), text },
    );
  };
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={props.label}
      onMouseMove={follow}
      onMouseLeave={() => setHover(null)}
    >
      <g class="grid">
        {props.ticks.map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={yOf(tick, max)} y2={yOf(tick, max)} />
            <text x={MARGIN.left - 6} y={yOf(tick, max)} text-anchor="end" dominant-baseline="middle">
              {props.format(tick)}
            </text>
          </g>
        ))}
        {props.categories.map((category, i) =>
          i % every === 0 ? (
            <text key={category} x={props.xOf(i)} y={HEIGHT - MARGIN.bottom + 18} text-anchor="middle">
              {category}
            </text>
          ) : null,
        )}
      </g>
      {props.children}
      {hover && <Readout {...hover} />}
    </svg>
  );
}

/** The hovered value, boxed next to its point and kept inside the chart. */
function Readout({ x, y, text }: Hover) {
  const width = text.length * 7.5 + 16;
  const left = Math.min(Math.max(x - width / 2, 0), WIDTH - width);
  const top = y - 40 < 0 ? y + 12 : y - 40;
  return (
    <g class="readout" pointer-events="none">
      <rect x={left} y={top} width={width} height={28} rx={4} />
      <text x={left + width / 2} y={top + 14} text-anchor="middle" dominant-baseline="middle">
        {text}
      </text>
    </g>
  );
}

/** The series' names with their colours, as a list (the table repeats them as column headers). */
export function Legend({ series }: { series: Series[] }) {
  return (
    <ul class="legend">
      {series.map((s, i) => (
        <li key={s.id}>
          <svg width="14" height="14" aria-hidden="true">
            <rect width="14" height="14" rx="2" fill={colourOf(i)} />
          </svg>
          {s.label}
        </li>
      ))}
    </ul>
  );
}
