import { describe, expect, it } from 'vitest';
import { figuresOf, median, type Sample, versusFastest } from './figures';

const sample = (over: Partial<Sample> = {}): Sample => ({
  bannerFrame: 100,
  firstContentfulPaint: 80,
  layoutShift: 0,
  transfers: { document: 1_000, resources: [] },
  returning: 50,
  ...over,
});
const page = [
  sample({
    bannerFrame: null,
    returning: null,
    transfers: {
      document: 1_000,
      resources: [
        { path: '/demo.css', startTime: 5, transferSize: 900 },
        { path: '/favicon.svg', startTime: 60, transferSize: 400 },
      ],
    },
  }),
];

describe('median', () => {
  it('is the middle value, the lower one of an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2);
    expect(median([])).toBeNaN();
  });
});

describe('figuresOf', () => {
  it("counts the tool's requests and what its embed adds to the HTML, not the page's own files", () => {
    const visit = sample({
      bannerFrame: 120,
      transfers: {
        document: 1_250,
        resources: [
          { path: '/demo.css', startTime: 5, transferSize: 900 },
          { path: '/tool.css', startTime: 6, transferSize: 1_500 },
          { path: '/tool.js', startTime: 7, transferSize: 12_000 },
          { path: '/tool-lang.js', startTime: 110, transferSize: 1_600 },
          { path: '/tool-prefetch.js', startTime: 300, transferSize: 3_000 },
          { path: '/favicon.svg', startTime: 60, transferSize: 400 },
        ],
      },
    });
    const figures = figuresOf('tool', [visit], page);
    expect(figures.bytes).toBe(250 + 1_500 + 12_000 + 1_600);
    expect(figures.bytesAfter).toBe(3_000);
    expect(figures.requests.map((r) => [r.path, r.beforeBanner])).toEqual([
      ['/tool.css', true],
      ['/tool.js', true],
      ['/tool-lang.js', true],
      ['/tool-prefetch.js', false],
    ]);
  });

  it('puts the banner on screen no earlier than the first contentful paint', () => {
    const early = sample({ bannerFrame: 40, firstContentfulPaint: 90 });
    const late = sample({ bannerFrame: 200, firstContentfulPaint: 90 });
    const middle = sample({ bannerFrame: 95, firstContentfulPaint: 90 });
    const figures = figuresOf('tool', [early, late, middle], page);
    expect(figures.onScreen).toBe(95);
    expect(figures.bannerFrame).toBe(95);
  });

  it('has no on-screen or returning figure when a run lacks one, and no bytes for the page alone', () => {
    const figures = figuresOf('tool', [sample(), sample({ returning: null })], page);
    expect(figures.returning).toBeNull();
    const alone = figuresOf('page alone', page, page);
    expect([alone.onScreen, alone.bytes, alone.bytesAfter]).toEqual([null, null, null]);
  });
});

describe('versusFastest', () => {
  const figures = (name: string, onScreen: number | null, returning: number | null) => ({
    ...figuresOf(name, [sample()], page),
    onScreen,
    returning,
  });

  it('compares ours with the lowest value among the peers that have one', () => {
    const ours = figures('ours', 120, 40);
    const peers = [figures('a', 130, 35), figures('b', 110, null), figures('c', 150, 45)];
    expect(versusFastest(ours, peers, 'onScreen')).toEqual({
      ours: 120,
      fastest: { name: 'b', value: 110 },
      ok: false,
    });
    expect(versusFastest(ours, peers, 'returning')).toEqual({ ours: 40, fastest: { name: 'a', value: 35 }, ok: false });
    expect(versusFastest(figures('ours', 110, 35), peers, 'onScreen')?.ok).toBe(true);
  });

  it('is null when ours was not measured', () => {
    expect(versusFastest(figures('ours', null, 40), [figures('a', 130, 35)], 'onScreen')).toBeNull();
  });
});
