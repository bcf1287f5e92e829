import type { StatsAnswer } from '@consent-ledger/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/i18n';
import { flush, mount, texts } from '../test-dom';
import { StackedBarChart } from './bar-chart';
import { HEIGHT, MARGIN, PLOT_H, PLOT_W } from './chart-frame';
import { ChartTable } from './chart-table';
import { LineChart } from './line-chart';
import { niceTicks } from './scale';
import { statsCharts } from './stats-data';

afterEach(() => {
  document.body.innerHTML = '';
});
const en = createI18n('en');

/** Three days of a site: analytics asked every day (3/4 granted, then 1/4, then none asked), maps on day 1 and 3. */
const STATS: StatsAnswer = {
  site: 'demo-site',
  interval: 'day',
  buckets: [
    {
      start: '2026-11-20',
      receipts: 4,
      methods: { 'accept-all': 3, 'reject-all': 1 },
      purposes: {
        analytics: { granted: 3, denied: 1, withdrawn: 0, rate: 0.75 },
        maps: { granted: 3, denied: 1, withdrawn: 0, rate: 0.75 },
      },
    },
    {
      start: '2026-11-21',
      receipts: 4,
      methods: { save: 1, withdraw: 2, gpc: 1 },
      purposes: { analytics: { granted: 1, denied: 3, withdrawn: 2, rate: 0.25 } },
    },
    {
      start: '2026-11-22',
      receipts: 2,
      methods: { embed: 2 },
      purposes: { maps: { granted: 2, denied: 0, withdrawn: 0, rate: 1 } },
    },
  ],
  total: {
    receipts: 10,
    methods: { 'accept-all': 3, 'reject-all': 1, save: 1, withdraw: 2, gpc: 1, embed: 2 },
    purposes: {
      analytics: { granted: 4, denied: 4, withdrawn: 2, rate: 0.5 },
      maps: { granted: 5, denied: 1, withdrawn: 0, rate: 5 / 6 },
    },
  },
};

describe('statsCharts', () => {
  it('turns buckets into a rate line per purpose, withdrawals per purpose and receipts per method', () => {
    const { rate, withdrawals, methods } = statsCharts(STATS, en, {});
    expect(rate.data.categories).toEqual(['Nov 20, 2026', 'Nov 21, 2026', 'Nov 22, 2026']);
    expect(rate.data.series.map((s) => [s.id, s.values])).toEqual([
      ['analytics', [0.75, 0.25, null]],
      ['maps', [0.75, null, 1]],
    ]);
    expect(rate.total).toEqual([0.5, 5 / 6]);
    expect(withdrawals.data.series.map((s) => s.values)).toEqual([
      [0, 2, 0],
      [0, 0, 0],
    ]);
    // Methods in the protocol's order, only those that occur.
    expect(methods.data.series.map((s) => s.label)).toEqual([
      'Accept all',
      'Reject all',
      'Saved choices',
      'Embed, “Always allow”',
      'Withdrawal',
      'Global Privacy Control',
    ]);
    expect(methods.data.series.find((s) => s.id === 'withdraw')!.values).toEqual([0, 2, 0]);
    expect(methods.total).toEqual([3, 1, 1, 2, 2, 1]);
  });
});

describe('LineChart', () => {
  it('plots each rate at its height on a 0–100 % axis, breaks the line where a purpose was not asked', async () => {
    const { rate } = statsCharts(STATS, en, {});
    const root = await mount(<LineChart data={rate.data} max={1} />);
    const svg = root.querySelector('svg.chart')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe(
      'Chart: Consent rate per purpose. The table next to it gives the same numbers.',
    );
    expect(texts(svg, '.grid text').slice(0, 3)).toEqual(['0%', '50%', '100%']);
    const analytics = svg.querySelector('[data-series=analytics]')!;
    // One line through days 1 and 2; day 3 has no value.
    const lines = analytics.querySelectorAll('polyline');
    expect(lines.length).toBe(1);
    const y = (v: number) => MARGIN.top + PLOT_H - v * PLOT_H;
    expect(lines[0].getAttribute('points')).toBe(`${MARGIN.left},${y(0.75)} ${MARGIN.left + PLOT_W / 2},${y(0.25)}`);
    // Maps: values on days 1 and 3 only, so two lone points and no line.
    expect(svg.querySelectorAll('[data-series=maps] polyline').length).toBe(0);
    expect(svg.querySelectorAll('[data-series=maps] .point').length).toBe(2);
    expect(texts(analytics, 'title')).toEqual(['Analytics, Nov 20, 2026: 75%', 'Analytics, Nov 21, 2026: 25%']);
  });

  it('shows the hovered point’s numbers in the chart, and hides them on leaving', async () => {
    const { rate } = statsCharts(STATS, en, {});
    const root = await mount(<LineChart data={rate.data} max={1} />);
    const point = root.querySelectorAll('[data-series=maps] .point')[1];
    point.dispatchEvent(new MouseEvent('mousemove', { bubbles: true }));
    await flush();
    expect(root.querySelector('.readout text')!.textContent).toBe(`${en.purpose('maps')}, Nov 22, 2026: 100%`);
    // Off the points, then out of the chart.
    root.querySelector('.grid line')!.dispatchEvent(new MouseEvent('mousemove', { bubbles: true }));
    await flush();
    expect(root.querySelector('.readout')).toBeNull();
    point.dispatchEvent(new MouseEvent('mousemove', { bubbles: true }));
    await flush();
    expect(root.querySelector('.readout')).not.toBeNull();
    root.querySelector('svg.chart')!.dispatchEvent(new MouseEvent('mouseleave'));
    await flush();
    expect(root.querySelector('.readout')).toBeNull();
  });
});

describe('LineChart of one period', () => {
  it('draws a bar per series with its value written above, not a lone dot', async () => {
    const oneDay = { ...STATS, buckets: STATS.buckets.slice(0, 1) };
    const { rate } = statsCharts(oneDay, en, {});
    const root = await mount(<LineChart data={rate.data} max={1} />);
    expect(root.querySelectorAll('polyline, circle')).toHaveLength(0);
    const bars = [...root.querySelectorAll<SVGRectElement>('.one-period rect')];
    expect(bars.map((b) => b.parentElement!.getAttribute('data-series'))).toEqual(['analytics', 'maps']);
    // 75 % of the plot's height, from the axis up.
    expect(Number(bars[0].getAttribute('height'))).toBeCloseTo(PLOT_H * 0.75, 5);
    expect(texts(root, '.one-period .value')).toEqual(['75%', '75%']);
    expect(texts(root, '.grid text').at(-1)).toBe('Nov 20, 2026');
    bars[1].dispatchEvent(new MouseEvent('mousemove', { bubbles: true }));
    await flush();
    expect(root.querySelector('.readout text')!.textContent).toBe(`${en.purpose('maps')}, Nov 20, 2026: 75%`);
  });
});

describe('StackedBarChart', () => {
  it('stacks each period’s counts, heights proportional on a round axis, with a readout on hover', async () => {
    const { methods } = statsCharts(STATS, en, {});
    const root = await mount(<StackedBarChart data={methods.data} />);
    const svg = root.querySelector('svg.chart')!;
    // The highest stack is 4 receipts: the axis goes 0, 1, 2, 3, 4.
    expect(texts(svg, '.grid text').slice(0, 5)).toEqual(['0', '1', '2', '3', '4']);
    const bars = svg.querySelectorAll('g.bar');
    expect(bars.length).toBe(3);
    const heights = (bar: Element) =>
      [...bar.querySelectorAll('rect')].map((r) => [r.getAttribute('data-series'), Number(r.getAttribute('height'))]);
    const unit = PLOT_H / 4;
    expect(heights(bars[0])).toEqual([
      ['accept-all', 3 * unit],
      ['reject-all', unit],
    ]);
    expect(heights(bars[1])).toEqual([
      ['save', unit],
      ['withdraw', 2 * unit],
      ['gpc', unit],
    ]);
    // Stacked: the second layer sits right on the first, and the stack ends on the axis.
    const [accept, reject] = bars[0].querySelectorAll('rect');
    expect(Number(reject.getAttribute('y')) + Number(reject.getAttribute('height'))).toBeCloseTo(
      Number(accept.getAttribute('y')),
      6,
    );
    expect(Number(accept.getAttribute('y')) + Number(accept.getAttribute('height'))).toBeCloseTo(
      HEIGHT - MARGIN.bottom,
      6,
    );
    bars[1].querySelectorAll('rect')[1].dispatchEvent(new MouseEvent('mousemove', { bubbles: true }));
    await flush();
    expect(root.querySelector('.readout text')!.textContent).toBe('Withdrawal, Nov 21, 2026: 2');
    expect(texts(root, '.legend li')).toEqual(methods.data.series.map((s) => s.label));
  });
});

describe('ChartTable', () => {
  it('lists every period and series with formatted numbers, a dash where there is none, and the totals', async () => {
    const { rate } = statsCharts(STATS, en, {});
    const root = await mount(<ChartTable data={rate.data} total={rate.total} />);
    expect(texts(root, 'thead th')).toEqual(['Period', 'Analytics', en.purpose('maps')]);
    const rows = [...root.querySelectorAll('tbody tr')].map((tr) => texts(tr, 'th,td'));
    expect(rows).toEqual([
      ['Nov 20, 2026', '75%', '75%'],
      ['Nov 21, 2026', '25%', '—'],
      ['Nov 22, 2026', '—', '100%'],
    ]);
    expect(texts(root, 'tfoot th,tfoot td')).toEqual(['Total', '50%', '83.3%']);
    expect(root.querySelector('caption')!.textContent).toBe('Consent rate per purpose');
  });

  it('writes numbers the auditor’s way (French: comma decimals, non-breaking space before %)', async () => {
    const fr = createI18n('fr');
    const { rate } = statsCharts(STATS, fr, {});
    const root = await mount(<ChartTable data={rate.data} total={rate.total} />, 'fr');
    expect(texts(root, 'tfoot td')).toEqual([fr.percent(0.5), fr.percent(5 / 6)]);
    expect(fr.percent(5 / 6)).toMatch(/^83,3\s%$/);
    expect(texts(root, 'thead th')[0]).toBe('Période');
  });
});

describe('niceTicks', () => {
  it('rounds the axis up to 1, 2 or 5 times a power of ten, never fractional for counts', () => {
    expect(niceTicks(1, { count: 4 })).toEqual([0, 0.5, 1]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(130)).toEqual([0, 50, 100, 150]);
    expect(niceTicks(3, { integers: true })).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});
