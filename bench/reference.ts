/**
 * Reference content scripts (bench/reference-content.ts): the extension's build copied with its
 * content script replaced, each loaded in a browser of its own on the cost pages, content-script
 * time traced as for Gloss (bench/loads.ts).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_BUILD, launchChromium } from '../scripts/chromium';
import { bundleScript } from './bundle';
import { onlyFrom, Tab, type Metrics } from './loads';
import type { BenchPage } from './pages';
import { REFERENCES, type Reference } from './summary';

async function referenceBuild(reference: Reference, dir: string): Promise<string> {
  const out = join(dir, reference);
  cpSync(CHROME_BUILD, out, { recursive: true });
  const script = await bundleScript('reference-content.ts', { REFERENCE: JSON.stringify(reference) });
  // The background registers this file for every page, as it does Gloss's.
  writeFileSync(join(out, 'content-scripts', 'content.js'), script);
  return out;
}

/** Per reference, per page (in the order given): the traced metrics of each load. */
export async function measureReferences(
  origin: string,
  pages: readonly BenchPage[],
  reps: number,
  log: (msg: string) => void,
): Promise<Record<Reference, Metrics[][]>> {
  const dir = mkdtempSync(join(tmpdir(), 'gloss-reference-'));
  const results = {} as Record<Reference, Metrics[][]>;
  try {
    for (const reference of REFERENCES) {
      const launched = await launchChromium({ extension: true, build: await referenceBuild(reference, dir) });
      try {
        await onlyFrom(launched.context, origin);
        const tab = await Tab.open(launched.context);
        // The first load also starts the service worker: not measured, as for Gloss.
        await tab.costOf(launched.context, origin + pages[0]!.path);
        results[reference] = pages.map(() => []);
        for (let rep = 0; rep < reps; rep++) {
          for (const [p, page] of pages.entries())
            results[reference][p]!.push(await tab.costOf(launched.context, origin + page.path));
        }
      } finally {
        await launched.close();
      }
      log(`reference content script "${reference}" measured`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
