/** The benchmark's figures rendered: the table printed after a run, and RESULTS.md. */
import { fmtKB, fmtMs, fmtSpread, fmtX, quartiles, ratio } from './stats';
import type { PageSummary, RunResult, Summary } from './summary';

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

const PAGE_COLUMNS = [
  'page',
  'KB',
  'floor ms',
  'scan',
  'full',
  '50k',
  'mark.js',
  'mark.js/full',
  'extrapolated',
  'mentions',
  'content script ms (/floor)',
  '50k aliases ms (/floor)',
  'cost ms (quartiles)',
];
const pageRow = (p: PageSummary) => [
  p.name.replace(/\.html$/, ''),
  p.kb.toFixed(0),
  fmtMs(p.floor),
  fmtX(p.scanX),
  fmtX(p.fullX),
  fmtX(p.scan50kX),
  `${p.markCapped ? '≥' : ''}${fmtX(ratio(p.markjs, p.floor))}`,
  `${p.markCapped ? '≥' : ''}${fmtX(p.markVsFull)}`,
  fmtX(ratio(p.markEstimate, p.full)),
  String(p.mentions),
  Number.isFinite(p.cs) ? `${fmtMs(p.cs)} (${fmtX(p.csX)})` : '—',
  Number.isFinite(p.cs50k) ? `${fmtMs(p.cs50k)} (${fmtX(p.cs50kX)})` : '—',
  Number.isFinite(p.cost.median) ? `${fmtMs(p.cost.median)} (${fmtMs(p.cost.q1)}–${fmtMs(p.cost.q3)})` : '—',
];

function budgetLines(s: Summary): string[][] {
  return s.budgets.map((b) => [b.pass === null ? 'n/a' : b.pass ? 'pass' : 'MISS', b.name, b.value, b.limit]);
}

function figureLines(run: RunResult, s: Summary): string[][] {
  const g = s.generated;
  const z = run.sizes;
  return [
    ['real pages (≥ 5 KB)', String(s.realPages)],
    ['floor, median page', `${fmtMs(s.floorMedianMs)} ms`],
    ['gloss-scan / floor (median page, quartiles over pages)', fmtSpread(s.spread.scanX)],
    ['gloss-full / floor', `${fmtSpread(s.spread.fullX)}, worst ${fmtX(s.worstFullX.x)} on ${s.worstFullX.page}`],
    [
      'real pages gloss-full walked (its first look at the rendered text found a name; the others need no walk)',
      `${s.walkedPages} of ${s.realPages}`,
    ],
    ['gloss-scan, 50,000 aliases / floor', fmtSpread(s.spread.scan50kX)],
    ['floor walked like the scanner (no filter, no Map) / floor', fmtSpread(s.spread.floorDirectX)],
    ['gloss-full / floor walked like the scanner', fmtSpread(s.spread.fullVsDirectX)],
    [
      'mark.js / gloss-full',
      `${s.markCappedPages ? '≥ ' : ''}${fmtX(s.markVsFull)}${s.markCappedPages ? ` (lower bound: mark.js stopped at ${run.markCap.timesFull}× gloss-full's time on ${s.markCappedPages} pages)` : ''}`,
    ],
    ['mark.js / gloss-full, mark.js extrapolated to all keywords', fmtX(s.markEstimateVsFull)],
    [
      'matcher load in the page (parse the packed JSON, load), bundled pack / 50,000 aliases',
      `${fmtMs(s.loadPackMs)} ms / ${fmtMs(s.load50kMs)} ms (cold, per page, not in the ratios above)`,
    ],
    [
      `content-script main-thread time per page with Gloss on, start-up included (median of ${s.costPages} pages, quartiles over pages)`,
      `${fmtSpread(s.spread.cs, (v) => `${fmtMs(v)} ms`)}; / floor ${fmtSpread(s.spread.csX)}; with 50,000 aliases / floor ${fmtSpread(s.spread.cs50kX)}`,
    ],
    [
      `reference content scripts on the same pages, time / floor (median, quartiles over pages): one settings message; the floor's walk; the message, then the walk`,
      `${fmtSpread(s.referenceX.message ?? quartiles([]))}; ${fmtSpread(s.referenceX.walk ?? quartiles([]))}; ${fmtSpread(s.referenceX['message-walk'] ?? quartiles([]))}`,
    ],
    [
      `page cost: main-thread time with Gloss on less off, same browser, ${s.costPairs} pairs per page (median over ${s.costPages} pages of each page's median; quartiles over pages)`,
      fmtSpread(s.spread.cost, (v) => `${fmtMs(v)} ms`),
    ],
    ...(g
      ? [
          [
            '4 MB page: floor / scan / full / 50k / mark.js',
            `${fmtMs(g.floor)} / ${fmtMs(g.scan)} / ${fmtMs(g.full)} / ${fmtMs(g.scan50k)} / ${fmtMs(g.markjs)} ms`,
          ],
          [
            '4 MB page: ratios to floor (scan, full, 50k, mark.js)',
            [g.scanX, g.fullX, g.scan50kX].map(fmtX).join(', ') +
              `, ${g.markCapped ? '≥ ' : ''}${fmtX(ratio(g.markjs, g.floor))}`,
          ],
          ...(g.markCapped
            ? [
                [
                  '4 MB page: mark.js extrapolated to all keywords',
                  `≈ ${fmtMs(g.markEstimate / 1000)} s (${fmtX(ratio(g.markEstimate, g.floor))} floor)`,
                ],
              ]
            : []),
          [
            '4 MB page: longest content-script task, median load / worst load',
            `${fmtMs(s.generatedMedianMaxTaskMs)} / ${fmtMs(s.generatedMaxTaskMs)} ms`,
          ],
          [
            '4 MB page: longest content-script task per load, and the same task less the V8 garbage collection in it',
            s.generatedLongestTaskGc.map((t) => `${fmtMs(t.ms)} (${fmtMs(t.lessGcMs)})`).join(', ') + ' ms',
          ],
          [
            '4 MB page: main-thread tasks > 50 ms after the content script started (any cause), per load',
            s.generatedLongTasksAfterStart.join(', '),
          ],
          [
            '4 MB page: page cost, main-thread time on less off (median pair, quartiles)',
            fmtSpread(g.cost, (v) => `${fmtMs(v)} ms`),
          ],
        ]
      : []),
    [
      `dynamic page: the page's own DOM work, Gloss on / off (median of ${run.dynamic.ratios.length} loads each)`,
      `${fmtMs(quartiles(run.dynamic.onMs).median)} / ${fmtMs(quartiles(run.dynamic.offMs).median)} ms; ratio per pair ${fmtSpread(run.dynamic.ratio)}`,
    ],
    [
      'dynamic page: the same with only a bare mutation observer in the page / off (what any observer costs, not Gloss)',
      fmtSpread(run.dynamic.observerRatio),
    ],
    ['switched-off site: content-script main-thread time', `${fmtMs(s.disabledMs)} ms`],
    [
      'content.js raw / gzip',
      `${fmtKB(z.contentJs.raw)} / ${fmtKB(z.contentJs.gzip)}${z.packDataInContentScript ? ' (PACK DATA INSIDE)' : ' (no pack data)'}`,
    ],
    ...(z.cardJs
      ? [
          [
            'card.js (the card view, injected on the first card) raw / gzip',
            `${fmtKB(z.cardJs.raw)} / ${fmtKB(z.cardJs.gzip)}`,
          ],
        ]
      : []),
    ['content.css raw / gzip', `${fmtKB(z.contentCss.raw)} / ${fmtKB(z.contentCss.gzip)}`],
    ['pack data (minified JSON) raw / gzip', `${fmtKB(z.packs.raw)} / ${fmtKB(z.packs.gzip)} (${z.packs.files} pack)`],
  ];
}

function textTable(rows: string[][], right: number[] = []): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows
    .map((r) => r.map((cell, c) => (right.includes(c) ? lpad(cell, widths[c]) : pad(cell, widths[c]))).join('  '))
    .join('\n');
}

export function renderTable(run: RunResult, s: Summary): string {
  const shown = s.pages.filter((p, i) => !run.pages[i].tiny);
  return [
    '',
    textTable([PAGE_COLUMNS, ...shown.map(pageRow)], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
    '',
    textTable(figureLines(run, s)),
    '',
    textTable(budgetLines(s)),
    '',
  ].join('\n');
}

const mdTable = (head: string[], rows: string[][]) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join(
    '\n',
  );

export function renderMarkdown(run: RunResult, s: Summary): string {
  const shown = s.pages.filter((p, i) => !run.pages[i].tiny);
  const m = run.machine;
  return `# Benchmark results

Generated by \`npm run bench${run.quick ? ' -- --quick' : ''}\` on ${run.date.slice(0, 16).replace('T', ' ')} UTC — do not edit by hand.
Machine: ${m.cpu}, ${m.cores} cores, ${m.memGB} GB, ${m.os}, Node ${m.node}. Browser: headless ${run.browser}.
Load average (1, 5, 15 min) at the start / end of the run: ${run.load.start.map((l) => l.toFixed(2)).join(', ')} / ${run.load.end.map((l) => l.toFixed(2)).join(', ')} (the machine is shared).
${run.pages.length - 1} corpus pages (${s.realPages} of them ≥ 5 KB, the only ones in the summary) and the generated 4 MB page; every figure is the median of ${run.reps} fresh loads; the run took ${Math.round(run.durationS / 60)} min.

## Budgets

${mdTable(
  ['', 'budget', 'measured', 'limit'],
  budgetLines(s).map((r) => [
    r[0] === 'pass' ? '✅ pass' : r[0] === 'n/a' ? 'not measured' : '❌ miss',
    r[1],
    r[2],
    r[3],
  ]),
)}

## Figures

${mdTable(['figure', 'value'], figureLines(run, s))}

## How it is measured

- **floor**: one TreeWalker over elements and text below \`<body>\`, rejecting the tags the scanner skips, non-HTML
  elements and \`display: none\` subtrees, reading each element's computed visibility; sums the visible text lengths.
- **floor walked like the scanner**: the same work, but following firstChild/nextSibling with each level's visibility
  on a stack, as \`RunCollector\` does, instead of a TreeWalker whose filter calls into script for every node.
- **gloss-scan**: \`RunCollector\` (page/scanner.ts) over the body, then the matcher on every run; nothing marked.
- **gloss-full**: what the content script does once its matcher is loaded: a first look at the
  page's rendered text (\`innerText\` through the matcher without its context rules, page/rendered-text.ts), and
  unless that finds nothing the walk, then \`PageScan.register\` (match, StaticRange, mention store, \`Highlight.add\`,
  with the dark-page check at the first mark).
  In one go here; the extension cuts it into 4 ms slices. The run stops if gloss-full and gloss-scan disagree on a
  page's mentions, as they would where the first look skipped a page with mentions.
- **mark.js** 8.11 (npm): the bundled pack's alias texts (deduplicated), \`accuracy: "exactly"\`, \`separateWordSearch: false\`,
  \`diacritics: false\`, last in its load (it rewrites the DOM). mark.js makes one full pass over the page per
  keyword, longest first; we make the same calls one keyword at a time and stop once mark.js has spent
  ${run.markCap.timesFull}× gloss-full's time of that load (at least ${run.markCap.minMs} ms, at most ${run.markCap.maxMs} ms; ${run.markCap.generatedMs / 1000} s on the 4 MB page):
  the measured time is then a lower bound ("≥"), and "extrapolated" scales it by keywords / keywords done.
- **50,000 aliases**: the pack's aliases plus generated names (bench/fixtures.ts, seeded), gloss-scan only.
- The matchers are packed in Node as the extension's background packs them (\`packMatcher\`) and fetched by the page
  before any timing; **matcher load** times what the content script does with the background's reply: \`JSON.parse\`
  (for the message's deserialization) and \`loadMatcher\`, cold, once per page.
- Methods are timed in the page with \`performance.now()\`, each followed by a forced layout, after the page has been
  laid out and garbage-collected. The pages are served cross-origin isolated (COOP and COEP headers), so that clock
  ticks in 5 µs rather than 100 µs (until 2026-12-02 it was 100 µs: a small page's 0.2–0.5 ms floor moved in steps of 20–50%).
  The order of the methods rotates page by page and load by load; ratios are per page, then the median over pages.
- **page cost** and **content-script time**: a Chrome trace of each load, from navigation until the main thread is
  quiet (< 1 ms of tasks in 100 ms). One browser with the built extension; each page is loaded with Gloss switched on
  and switched off for the site (\`chrome.storage.local\`), ${s.costPairs} pairs, which state goes first alternating.
  Page cost: all main-thread tasks of the renderer that parsed the page, on less off, per pair. Content-script
  time: the tasks that ran content-script code with Gloss on (receiving and loading the matcher, the scan, the
  marks), over the page's in-page floor. A task that delivers an extension message (\`extensions.mojom.MessagePort\`)
  counts as the content script's: its reply handlers run there as microtasks that name no script (until
  2026-12-01 these were missed, about 5–9 ms a page). ${s.costPages} pages spread over the sizes. With 50,000 aliases: a generated
  pack (bench/fixtures.ts) imported into the extension's storage beside the bundled one, the same pages, ${run.reps} loads.
- **reference content scripts**: the built extension copied with its content script replaced (bench/reference-content.ts),
  each in a browser of its own, the same pages, ${run.reps} loads, traced as Gloss's: one \`runtime.sendMessage\` for the
  page's settings (Gloss's first request, without a matcher); the floor walked like the scanner, at document_idle; the
  message, then that walk in its reply. What any content script that follows settings and reads the page pays, before
  matching anything: the content-script budget's floor is the in-page one, measured in the page's own world after layout.
- **longest task** and **switched-off site**: a Chrome trace of a load with the built extension; every top-level
  main-thread task that runs code of \`content-scripts/content.js\` or delivers it an extension message. The site is switched off through
  \`chrome.storage.local\` (\`sites: { mode: "except", sites: ["127.0.0.1"] }\`); pages: ${run.disabled.pages.join(', ')}.
  "Less the V8 garbage collection" subtracts the trace's MinorGC and MajorGC events inside the task: V8 collects in
  whichever task is running script when the heap asks for it, so those pauses land in ours or in another.
  A task traced twice (RunTask around ThreadControllerImpl::RunTask) counts once.
- **dynamic page**: bench/dynamic.ts. A generated page with 3,000 mentions; the page then runs 20,000 rounds of: append
  and remove a span in a paragraph with mentions, set a ticker's text, append and remove a text node, in tasks of 100
  rounds, each timed in the page. One browser with the built extension; per pair the page is loaded with Gloss on
  (after it marked all 3,000), switched off for the site, and switched off with a bare mutation observer of Gloss's
  options added by the page itself, in a rotating order. Only the page's own loop is timed, not Gloss's tasks.
  The loop makes 500 mutation records a task: past 2,000 a second Gloss steps back (page/change-watch.ts) and
  watches only its marked text until the flood pauses, so the figure is that of a page Gloss has stepped back
  from after its first four tasks. A page changing slower than that is observed in full, at the bare
  observer's cost per record.
- Content script sizes: \`.output/chrome-mv3/content-scripts/content.js\` (and \`card.js\`, which the background injects
  when a page's first card opens), gzip level 9; 1 KB = 1000 bytes.

## Per page (≥ 5 KB; ratios to the floor, mark.js also to gloss-full; content script and cost on the cost pages only)

${mdTable(PAGE_COLUMNS, shown.map(pageRow))}
`;
}
