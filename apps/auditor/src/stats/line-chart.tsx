// A line per series over the periods (the consent rate per purpose). Missing values break the line;
// a single period (a one-day range) has no line to draw, so each series gets a bar with its value.
import { useI18n } from '../i18n/i18n';
import { ChartFrame, colourOf, Legend, MARGIN, PLOT_W, readoutAt, yOf } from './chart-frame';
import type { ChartData } from './chart-types';
import { niceTicks } from './scale';

/** A line chart; `max` fixes the value axis (1 for rates), else it fits the data. */
export function LineChart({ data, max }: { data: ChartData; max?: number }) {
  const { t } = useI18n();
  const n = data.categories.length;
  const xOf = (i: number) => MARGIN.left + (n === 1 ? PLOT_W / 2 : (i * PLOT_W) / (n - 1));
  const highest = Math.max(0, ...data.series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  const ticks = max === undefined ? niceTicks(highest) : niceTicks(max, { count: 4 });
  const top = ticks[ticks.length - 1];
  return (
    <div class="chart-box">
      <ChartFrame
        label={t('stats.chart', { title: data.title })}
        ticks={ticks}
        format={data.format}
        categories={data.categories}
        xOf={xOf}
      >
        {n === 1 && <OnePeriod data={data} top={top} />}
        {data.series.map((s, si) => {
          if (n === 1) return null;
          const colour = colourOf(si);
          // Consecutive defined values form one polyline.
          const runs: string[][] = [[]];
          s.values.forEach((v, i) => {
            if (v === null) runs.push([]);
            else runs[runs.length - 1].push(`${xOf(i)},${yOf(v, top)}`);
          });
          return (
            <g key={s.id} class="series" data-series={s.id}>
              {runs
                .filter((r) => r.length > 1)
                .map((r) => (
                  <polyline key={r[0]} points={r.join(' ')} fill="none" stroke={colour} stroke-width="2.5" />
                ))}
              {s.values.map((v, i) => {
                if (v === null) return null;
                const text = t('stats.point', { series: s.label, period: data.categories[i], value: data.format(v) });
                const at = { x: xOf(i), y: yOf(v, top), text };
                return (
                  <g key={i} class="point" {...readoutAt(at.x, at.y, text)}>
                    <circle cx={at.x} cy={at.y} r="4" fill={colour} />
                    {/* A larger, invisible target, so the point is easy to hover. */}
                    <circle cx={at.x} cy={at.y} r="12" fill="transparent">
                      <title>{text}</title>
                    </circle>
                  </g>
                );
              })}
            </g>
          );
        })}
      </ChartFrame>
      <Legend series={data.series} />
    </div>
  );
}

/** One period: a bar per series side by side, its value written above it (a lone dot per series said nothing). */
function OnePeriod({ data, top }: { data: ChartData; top: number }) {
  const { t } = useI18n();
  const count = data.series.length;
  const width = Math.min(56, (PLOT_W * 0.8) / Math.max(1, count));
  const left = MARGIN.left + (PLOT_W - width * count) / 2;
  return (
    <g class="one-period">
      {data.series.map((s, si) => {
        const v = s.values[0];
        if (v === null || v === undefined) return null;
        const x = left + si * width;
        const y = yOf(v, top);
        const text = t('stats.point', { series: s.label, period: data.categories[0], value: data.format(v) });
        return (
          <g key={s.id} class="series" data-series={s.id}>
            <rect
              x={x + 4}
              y={y}
              width={width - 8}
              height={yOf(0, top) - y}
              fill={colourOf(si)}
              {...readoutAt(x + width / 2, y, text)}
            >
              <title>{text}</title>
            </rect>
            <text class="value" x={x + width / 2} y={y - 6} text-anchor="middle">
              {data.format(v)}
            </text>
          </g>
        );
      })}
    </g>
  );
}
