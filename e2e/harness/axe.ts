// axe-core, injected from node_modules (no CDN), run over our UI including its open shadow roots.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
let source: string | null = null;

/** One axe violation, reduced to what a failure message needs. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (WCAG 2.0–2.2 A and AA rules, plus best practices) on the elements matching
 * `selectors` (light-DOM hosts; axe descends into their open shadow roots) and returns the violations.
 */
export async function axeViolations(page: Page, selectors: string[]): Promise<AxeViolation[]> {
  source ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated, not added as a <script>: a page's CSP cannot refuse it.
  await page.evaluate(`${source}\n;void 0`);
  return page.evaluate(async (selectors) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Array<{ id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const present = selectors.filter((s) => document.querySelector(s));
    if (present.length !== selectors.length) throw new Error(`axe: nothing matches ${selectors.filter((s) => !present.includes(s)).join(', ')}`);
    const result = await axe.run(
      { include: present.map((s) => [s]) },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }, resultTypes: ['violations'] },
    );
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  }, selectors);
}
