// From the samples of the side-by-side banner bench to the figures it prints: each contender's medians,
// its bytes on the wire, and the two budgets (ours against the fastest peer of the same run).
import type { Transfer } from './probe';

/** What one first visit and the return after accepting measured, for one contender. */
export interface Sample {
  /** The first frame whose layout shows the accept button; null for the page alone. */
  bannerFrame: number | null;
  firstContentfulPaint: number;
  layoutShift: number;
  /** The first visit's document and resources as transferred. */
  transfers: { document: number; resources: Transfer[] };
  /** Navigation start to the granted analytics script having run, on the return after accepting all. */
  returning: number | null;
}

/** One contender's figures: medians over its runs. */
export interface Figures {
  name: string;
  runs: number;
  bannerFrame: number | null;
  firstContentfulPaint: number;
  /** When the banner is on screen: its frame, or the first contentful paint if that comes later. */
  onScreen: number | null;
  layoutShift: number;
  /** The largest CLS of its runs. */
  layoutShiftWorst: number;
  /** Bytes on the wire the banner needs: the requests asked before its frame, plus what its embed adds to the page's HTML. */
  bytes: number | null;
  /** Bytes of the requests the tool makes after its banner is shown, while the first visit settles (prefetches, revalidations). */
  bytesAfter: number | null;
  /** The requests counted, by path, with their median size and whether they come before the banner. */
  requests: Array<Transfer & { beforeBanner: boolean }>;
  returning: number | null;
}

/** The median (the lower middle value of an even count, so it is always a measured value). */
export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

const present = (xs: Array<number | null>) => xs.filter((x): x is number => x !== null);
const medianOrNull = (xs: Array<number | null>) => (present(xs).length === xs.length ? median(present(xs)) : null);
const sum = (transfers: Transfer[]) => transfers.reduce((total, r) => total + r.transferSize, 0);

/**
 * A contender's figures from its samples. `page` holds the samples of the same page without any consent
 * tool: the resources it fetches too (its stylesheet, its icon) are the page's and not counted, and its
 * document's size is taken off the contender's, leaving what the embed adds to the HTML.
 */
export function figuresOf(name: string, samples: Sample[], page: Sample[]): Figures {
  const pageOwn = new Set(page.flatMap((s) => s.transfers.resources.map((r) => r.path)));
  const pageDocument = median(page.map((s) => s.transfers.document));
  const requests = new Map<string, { sizes: number[]; starts: number[]; before: number }>();
  const split = samples.map((s) => {
    const own = s.transfers.resources.filter((r) => !pageOwn.has(r.path));
    const before = own.filter((r) => s.bannerFrame !== null && r.startTime <= s.bannerFrame);
    for (const r of own) {
      const seen = requests.get(r.path) ?? { sizes: [], starts: [], before: 0 };
      seen.sizes.push(r.transferSize);
      seen.starts.push(r.startTime);
      if (before.includes(r)) seen.before += 1;
      requests.set(r.path, seen);
    }
    const embed = Math.max(0, s.transfers.document - pageDocument);
    return { before: embed + sum(before), after: sum(own) - sum(before) };
  });
  const onScreen = samples.map((s) =>
    s.bannerFrame === null ? null : Math.max(s.bannerFrame, s.firstContentfulPaint),
  );
  const isPage = samples === page;
  return {
    name,
    runs: samples.length,
    bannerFrame: medianOrNull(samples.map((s) => s.bannerFrame)),
    firstContentfulPaint: median(samples.map((s) => s.firstContentfulPaint)),
    onScreen: medianOrNull(onScreen),
    layoutShift: median(samples.map((s) => s.layoutShift)),
    layoutShiftWorst: Math.max(...samples.map((s) => s.layoutShift)),
    bytes: isPage ? null : median(split.map((s) => s.before)),
    bytesAfter: isPage ? null : median(split.map((s) => s.after)),
    requests: [...requests].map(([path, seen]) => ({
      path,
      startTime: median(seen.starts),
      transferSize: median(seen.sizes),
      beforeBanner: seen.before * 2 > seen.sizes.length,
    })),
    returning: medianOrNull(samples.map((s) => s.returning)),
  };
}

/** A budget of the form "ours <= the fastest peer's", on one figure. */
export interface Versus {
  ours: number;
  fastest: { name: string; value: number };
  ok: boolean;
}

/** Ours against the lowest value of `figure` among the peers (those that have it). */
export function versusFastest(ours: Figures, peers: Figures[], figure: 'onScreen' | 'returning'): Versus | null {
  const mine = ours[figure];
  const measured = peers.filter((p) => p[figure] !== null);
  if (mine === null || measured.length === 0) return null;
  const fastest = measured.reduce((best, p) => (p[figure]! < best[figure]! ? p : best));
  return { ours: mine, fastest: { name: fastest.name, value: fastest[figure]! }, ok: mine <= fastest[figure]! };
}
