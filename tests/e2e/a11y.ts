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

export async function axeViolations(page: Page, colorScheme: 'light' | 'dark'): Promise<Violation[]> {
  await page.emulateMedia({ colorScheme });
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  // Let transitions (the popup switch) settle before colours are measured.
  await page.waitForTimeout(250);
  return page.evaluate(async () => {
    type AxeResult = {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] }[];
    };
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
    }));
  });
}

export async function seriousViolations(page: Page, colorScheme: 'light' | 'dark'): Promise<Violation[]> {
  const all = await axeViolations(page, colorScheme);
  return all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
