// Stacked bars over the periods (withdrawals per purpose, the method mix): one layer per series.
import { useI18n } from '../i18n/i18n';
import { ChartFrame, colourOf, Legend, MARGIN, PLOT_W, readoutAt, yOf } from './chart-frame';
import type { ChartData } from './chart-types';
import { niceTicks } from './scale';

/** A stacked bar chart of counts. */
export function StackedBarChart({ data }: { data: ChartData }) {
  const { t } = useI18n();
  const n = Math.max(1, data.categories.length);
  const band = PLOT_W / n;
  const xOf = (i: number) => MARGIN.left + band * (i + 0.5);
  const totals = data.categories.map((_, i) => data.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const ticks = niceTicks(Math.max(0, ...totals), { integers: true });
  const top = ticks[ticks.length - 1];
  const barWidth = Math.min(48, band * 0.7);
  return (
    <div class="chart-box">
      <ChartFrame
        label={t('stats.chart', { title: data.title })}
        ticks={ticks}
        format={data.format}
        categories={data.categories}
        xOf={xOf}
      >
        {data.categories.map((category, i) => {
          let below = 0;
          return (
            <g key={category} class="bar">
              {data.series.map((s, si) => {
                const v = s.values[i] ?? 0;
                if (v === 0) return null;
                const y = yOf(below + v, top);
                const height = yOf(below, top) - y;
                below += v;
                const text = t('stats.point', { series: s.label, period: category, value: data.format(v) });
                return (
                  <rect
                    key={s.id}
                    data-series={s.id}
                    x={xOf(i) - barWidth / 2}
                    y={y}
                    width={barWidth}
                    height={height}
                    fill={colourOf(si)}
                    {...readoutAt(xOf(i), y, text)}
                  >
                    <title>{text}</title>
                  </rect>
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
