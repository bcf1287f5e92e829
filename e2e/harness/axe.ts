// axe-core, injected from node_modules (no CDN), run over our UI including its open shadow roots.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

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
 * Runs axe-core (WCAG 2.0–2.2 A and AA rules, plus best practices), in a page or a frame, on the elements matching
 * `selectors` (light-DOM hosts; axe descends into their open shadow roots) and returns the violations.
 * Throws when the elements hold shadow roots but axe checked nothing inside them.
 */
export async function axeViolations(page: Page | Frame, selectors: string[]): Promise<AxeViolation[]> {
  source ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated, not added as a <script>: a page's CSP cannot refuse it.
  await page.evaluate(`${source}\n;void 0`);
  const { violations, shadowNodes, hasShadow } = await page.evaluate(async (selectors) => {
    type Nodes = Array<{ target: unknown[] }>;
    type AxeResult = {
      violations: Array<{ id: string; impact?: string | null; help: string; nodes: Nodes }>;
      passes: Array<{ nodes: Nodes }>;
    };
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<AxeResult> } }).axe;
    const missing = selectors.filter((s) => !document.querySelector(s));
    if (missing.length) throw new Error(`axe: nothing matches ${missing.join(', ')}`);
    const result = await axe.run(
      { include: selectors.map((s) => [s]) },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } },
    );
    return {
      violations: result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        targets: v.nodes.map((n) => JSON.stringify(n.target)),
      })),
      // A node inside a shadow root has a target path of several selectors (host, then inside).
      shadowNodes: result.passes.flatMap((p) => p.nodes).filter((n) => Array.isArray(n.target[0])).length,
      hasShadow: selectors.some((s) =>
        [...document.querySelectorAll(s)].some(
          (el) => el.shadowRoot || [...el.querySelectorAll('*')].some((e) => e.shadowRoot),
        ),
      ),
    };
  }, selectors);
  // Our UI lives in shadow roots: a run that checked nothing there would pass for the wrong reason.
  if (hasShadow && shadowNodes === 0)
    throw new Error(`axe checked no element inside the shadow roots of ${selectors.join(', ')}`);
  return violations;
}
