/**
 * `tsx bench/startup.ts [--rounds N] [--pages N] [--only pack|50k|4mb] --build DIR --build DIR`: the
 * content script's main-thread time per page (start-up included), bundled pack and 50,000 aliases,
 * and on the generated 4 MB page its longest task and the garbage collection in its tasks, for
 * several builds in one run. Each build has its own browser; every round loads each page once in each
 * browser, so load on this shared machine falls on all builds alike. Prints each page's median per
 * build, then per build the median over pages of those, and each build's ratio to the first, per page
 * (quartiles over pages).
 */
import { launchChromium, type Launched } from '../scripts/chromium';
import { servePages } from '../scripts/serve';
import { generatedAliases, generatedPage, MANY_ALIASES, packOfGenerated } from './fixtures';
import { importPacks, onlyFrom, Tab } from './loads';
import { corpusPages, GENERATED_PATH, quickSubset } from './pages';
import { traceLoad, type ContentScriptTasks } from './trace';
import { median, quartiles } from './stats';
import packJson from '../data/packs/kazakhstan-2022.json';
import type { Pack } from '../data/schema';
import { aliasesOf } from '../core/pack-aliases';
import { tagOf } from '../core/group-tags';

const args = process.argv.slice(2);
const numberArg = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const rounds = numberArg('--rounds', 5);
const onlyAt = args.indexOf('--only');
const wanted = (set: string) => onlyAt < 0 || args[onlyAt + 1] === set;
const sets = (['pack', '50k'] as const).filter(wanted);
const builds = args.flatMap((a, i) => (a === '--build' ? [args[i + 1]!] : []));
if (builds.length === 0) throw new Error('usage: tsx bench/startup.ts --build DIR [--build DIR]...');
const started = Date.now();
const log = (msg: string) => console.error(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}`);

const pages = quickSubset(corpusPages(), numberArg('--pages', 8));
const server = await servePages(wanted('4mb') ? { [GENERATED_PATH]: generatedPage(20_000) } : {});
const bigPack = packOfGenerated(generatedAliases(MANY_ALIASES, aliasesOf([packJson as unknown as Pack], [], tagOf)));

interface Run {
  launched: Launched;
  tab: Tab;
  /** Per pack set, per page: content-script ms of each load. */
  ms: Record<'pack' | '50k', number[][]>;
  /** The 4 MB page's loads. */
  long: ContentScriptTasks[];
}

const runs: Run[] = [];
try {
  for (const build of builds) {
    const launched = await launchChromium({ extension: true, build });
    await onlyFrom(launched.context, server.origin);
    runs.push({ launched, tab: await Tab.open(launched.context), ms: { pack: [], '50k': [] }, long: [] });
  }
  // The 4 MB page first, with the bundled pack: the 50,000 aliases stay imported once measured.
  if (wanted('4mb')) {
    for (let round = 0; round < rounds; round++) {
      for (const run of round % 2 ? [...runs].reverse() : runs) {
        await run.tab.page.bringToFront();
        const url = server.origin + GENERATED_PATH;
        run.long.push(await traceLoad(run.launched.context, run.tab.page, url, () => run.tab.quiet(500, 60_000)));
      }
      log(`4mb: round ${round + 1}/${rounds}`);
    }
    runs.forEach((run, b) => {
      const total = quartiles(run.long.map((t) => t.totalMs));
      const gc = quartiles(run.long.map((t) => t.tasks.reduce((sum, ms, i) => sum + ms - t.tasksLessGc[i]!, 0)));
      const max = run.long.map((t) => t.maxMs);
      console.log(
        `4mb ${builds[b]}: content script ${total.median.toFixed(1)} ms (${total.q1.toFixed(1)}–${total.q3.toFixed(1)}), ` +
          `of it GC ${gc.median.toFixed(1)} ms (${gc.q1.toFixed(1)}–${gc.q3.toFixed(1)}); longest task per load ${max.map((ms) => ms.toFixed(1)).join(', ')} ms`,
      );
    });
  }
  for (const set of sets) {
    for (const run of runs) {
      if (set === '50k') await importPacks(run.launched.worker, [bigPack]);
      // The first load after a pack change waits for the background's compile: not measured.
      await run.tab.costOf(run.launched.context, server.origin + pages[0]!.path);
      run.ms[set] = pages.map(() => []);
    }
    for (let round = 0; round < rounds; round++) {
      // Which build goes first alternates, as in the page-cost pairs.
      const order = round % 2 ? [...runs].reverse() : runs;
      for (const [p, page] of pages.entries()) {
        for (const run of order) {
          await run.tab.page.bringToFront();
          run.ms[set][p]!.push((await run.tab.costOf(run.launched.context, server.origin + page.path)).scriptMs);
        }
      }
      log(`${set}: round ${round + 1}/${rounds}`);
    }
  }
  for (const set of sets) {
    const base = runs[0]!.ms[set].map(median);
    pages.forEach((page, p) =>
      console.log(`${set} ${page.name}: ${runs.map((run) => median(run.ms[set][p]!).toFixed(2)).join(' / ')} ms`),
    );
    runs.forEach((run, b) => {
      const perPage = run.ms[set].map(median);
      const ms = quartiles(perPage);
      const ratio = quartiles(perPage.map((v, p) => v / base[p]!));
      console.log(
        `${set} ${builds[b]}: ${ms.median.toFixed(2)} ms (${ms.q1.toFixed(2)}–${ms.q3.toFixed(2)})` +
          (b ? `; / first build ${ratio.median.toFixed(2)}× (${ratio.q1.toFixed(2)}–${ratio.q3.toFixed(2)})` : ''),
      );
    });
  }
} finally {
  for (const run of runs) await run.launched.close();
  await server.close();
}
