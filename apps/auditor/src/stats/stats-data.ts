// From the stats answer to the three charts: consent rate per purpose, withdrawals per purpose,
// receipts per method. Pure, so the charts can be tested with known numbers.

import type { StatsAnswer } from '@consent-ledger/protocol';
import { METHODS } from '@consent-ledger/protocol';
import type { I18n } from '../i18n/i18n';
import type { ChartData } from './chart-types';

/** One chart's data and the values of its total row. */
export interface ChartWithTotal {
  data: ChartData;
  total: Array<number | null>;
}

/** Builds the three charts of the stats view. */
export function statsCharts(
  stats: StatsAnswer,
  i18n: I18n,
  siteTitles: Record<string, string> = {},
): { rate: ChartWithTotal; withdrawals: ChartWithTotal; methods: ChartWithTotal } {
  const categories = stats.buckets.map((b) => i18n.day(b.start));
  const purposes = Object.keys(stats.total.purposes);
  const methods = METHODS.filter((m) => (stats.total.methods[m] ?? 0) > 0);
  const count = (n: number) => i18n.number(n);
  const purposeLabel = (p: string) => i18n.purpose(p, siteTitles);
  return {
    rate: {
      data: {
        title: i18n.t('stats.rate'),
        categories,
        format: i18n.percent,
        series: purposes.map((p) => ({
          id: p,
          label: purposeLabel(p),
          values: stats.buckets.map((b) => b.purposes[p]?.rate ?? null),
        })),
      },
      total: purposes.map((p) => stats.total.purposes[p].rate),
    },
    withdrawals: {
      data: {
        title: i18n.t('stats.withdrawals'),
        categories,
        format: count,
        series: purposes.map((p) => ({
          id: p,
          label: purposeLabel(p),
          values: stats.buckets.map((b) => b.purposes[p]?.withdrawn ?? 0),
        })),
      },
      total: purposes.map((p) => stats.total.purposes[p].withdrawn),
    },
    methods: {
      data: {
        title: i18n.t('stats.methods'),
        categories,
        format: count,
        series: methods.map((m) => ({
          id: m,
          label: i18n.t(`method.${m}`),
          values: stats.buckets.map((b) => b.methods[m] ?? 0),
        })),
      },
      total: methods.map((m) => stats.total.methods[m]),
    },
  };
}
