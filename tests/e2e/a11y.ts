/**
 * axe-core in a page: the source is evaluated over CDP (which the extension pages' CSP does not
 * block), then `axe.run()`. Only serious and critical violations fail a test.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** `within`: a CSS selector to check only that part (our card host on a page that is not ours). */
export async function axeViolations(page: Page, colorScheme: 'light' | 'dark', within?: string): Promise<Violation[]> {
  await page.emulateMedia({ colorScheme });
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  // Let transitions (the popup switch) settle before colours are measured.
  await page.waitForTimeout(250);
  return page.evaluate(async (within) => {
    type AxeResult = {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: string[]; failureSummary?: string }[];
      }[];
      passes: { nodes: unknown[] }[];
    };
    const axe = (window as unknown as { axe: { run(context: unknown, options: object): Promise<AxeResult> } }).axe;
    const result = await axe.run(within ? { include: [[within]] } : document, { resultTypes: ['violations'] });
    // A check that saw nothing (a selector that matched nothing, a closed shadow root) must not pass.
    if (result.passes.length + result.violations.length === 0)
      throw new Error(`axe checked nothing in ${within ?? 'the page'}`);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
    }));
  }, within);
}

export async function seriousViolations(
  page: Page,
  colorScheme: 'light' | 'dark',
  within?: string,
): Promise<Violation[]> {
  const all = await axeViolations(page, colorScheme, within);
  return all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
