// The numbers of a chart as a table beside it: what a screen reader, a keyboard user or anyone
// copying figures into a report reads.
import { useI18n } from '../i18n/i18n';
import type { ChartData } from './chart-types';

/** A period per row, a series per column, and an optional total row. */
export function ChartTable({ data, total }: { data: ChartData; total?: Array<number | null> }) {
  const { t } = useI18n();
  const cell = (v: number | null | undefined) => (v === null || v === undefined ? '—' : data.format(v));
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region takes focus so a keyboard can scroll it (WCAG 2.1.1)
    <section class="table-scroll" tabIndex={0} aria-label={data.title}>
      <table class="numbers">
        <caption class="sr">{data.title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stats.period')}</th>
            {data.series.map((s) => (
              <th key={s.id} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.categories.map((category, i) => (
            <tr key={category}>
              <th scope="row">{category}</th>
              {data.series.map((s) => (
                <td key={s.id}>{cell(s.values[i])}</td>
              ))}
            </tr>
          ))}
        </tbody>
        {total && (
          <tfoot>
            <tr>
              <th scope="row">{t('stats.total')}</th>
              {total.map((v, i) => (
                <td key={data.series[i]?.id ?? i}>{cell(v)}</td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </section>
  );
}
