// Statistics: consent rate per purpose, withdrawals and the method mix, per day or week, each as a
// small SVG chart with its table beside it.

import type { StatsAnswer } from '@consent-ledger/protocol';
import { useEffect, useState } from 'preact/hooks';
import type { Api, ApiResult } from '../api';
import { ErrorMessage } from '../error-message';
import { useI18n } from '../i18n/i18n';
import { StackedBarChart } from './bar-chart';
import { ChartTable } from './chart-table';
import { LineChart } from './line-chart';
import { type ChartWithTotal, statsCharts } from './stats-data';

/** The stats view of one site. */
export function StatsView({ api, siteTitles }: { api: Api; siteTitles: Record<string, string> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [form, setForm] = useState({ interval: 'day' as 'day' | 'week', from: '', to: '' });
  const [answer, setAnswer] = useState<ApiResult<StatsAnswer> | null>(null);
  const load = async (q: typeof form) => {
    setAnswer(null);
    setAnswer(await api.stats({ interval: q.interval, from: q.from || undefined, to: q.to || undefined }));
  };
  useEffect(() => void load(form), [api]);

  const charts = answer?.ok ? statsCharts(answer.value, i18n, siteTitles) : null;
  return (
    <section aria-labelledby="view-title">
      <h2 id="view-title" tabIndex={-1}>
        {t('stats.title')}
      </h2>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void load(form);
        }}
      >
        <label>
          {t('stats.interval')}
          <select
            value={form.interval}
            onChange={(e) =>
              setForm({ ...form, interval: (e.currentTarget as HTMLSelectElement).value as 'day' | 'week' })
            }
          >
            <option value="day">{t('stats.day')}</option>
            <option value="week">{t('stats.week')}</option>
          </select>
        </label>
        <label>
          {t('stats.from')}
          <input type="date" value={form.from} onInput={(e) => setForm({ ...form, from: e.currentTarget.value })} />
        </label>
        <label>
          {t('stats.to')}
          <input type="date" value={form.to} onInput={(e) => setForm({ ...form, to: e.currentTarget.value })} />
        </label>
        <button class="btn" type="submit">
          {t('stats.update')}
        </button>
      </form>
      {answer === null && <p role="status">{t('app.loading')}</p>}
      {answer && !answer.ok && <ErrorMessage error={answer} site={api.site} />}
      {charts && answer?.ok && answer.value.buckets.length === 0 && <p role="status">{t('stats.empty')}</p>}
      {charts && answer?.ok && answer.value.buckets.length > 0 && (
        <>
          <ChartSection id="rate" hint={t('stats.rateHint')} chart={charts.rate} line />
          <ChartSection id="withdrawals" hint={t('stats.withdrawalsHint')} chart={charts.withdrawals} />
          <ChartSection id="methods" hint={t('stats.methodsHint')} chart={charts.methods} />
        </>
      )}
    </section>
  );
}

function ChartSection({ id, hint, chart, line }: { id: string; hint: string; chart: ChartWithTotal; line?: boolean }) {
  return (
    <section class="chart-section">
      <h3 id={`chart-${id}`}>{chart.data.title}</h3>
      <p class="hint">{hint}</p>
      <div class="chart-pair">
        {line ? <LineChart data={chart.data} max={1} /> : <StackedBarChart data={chart.data} />}
        <ChartTable data={chart.data} total={chart.total} />
      </div>
    </section>
  );
}
