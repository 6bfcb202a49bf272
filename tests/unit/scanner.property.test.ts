// @vitest-environment happy-dom
/**
 * The scanner against a model of random DOM trees: the model says which text is visible and how
 * it falls into runs (blocks and <br> end a run, inline elements do not, skipped regions add
 * nothing), and the scanner must agree on every tree. Seeded, so a failure reproduces.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../core/matcher';
import { collectRuns, placeOf, RunCollector } from '../../page/scanner';

const SEED = 20_260_601;

type Model =
  | { kind: 'text'; text: string }
  | { kind: 'br' }
  | { kind: 'inline'; tag: string; children: Model[] }
  | { kind: 'block'; tag: string; children: Model[] }
  | { kind: 'skip'; how: SkipKind; children: Model[] };

const SKIP_KINDS = [
  'script',
  'style',
  'textarea',
  'template',
  'noscript',
  'hidden',
  'display-none',
  'contenteditable',
  'svg',
  'own-ui',
] as const;
type SkipKind = (typeof SKIP_KINDS)[number];

/** Whole aliases, halves of them (so a name can be split over inline elements) and filler. */
const TOKENS = ['NATO', 'Putin', 'NA', 'TO', 'Pu', 'tin', 'the', 'Russia', ' ', ' ', '  ', '\n', 'and '];
const ALIASES = ['NATO', 'Putin'];
const matcher = compileMatcher(ALIASES.map((text) => ({ text, entityId: text.toLowerCase(), lang: 'en' })));

const textArb = fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));

const modelArb: fc.Arbitrary<Model[]> = fc.letrec<{ node: Model; nodes: Model[] }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: textArb.map((text): Model => ({ kind: 'text', text })), weight: 6 },
    { arbitrary: fc.constant<Model>({ kind: 'br' }), weight: 1 },
    {
      arbitrary: fc.record({
        kind: fc.constant('inline' as const),
        tag: fc.constantFrom('span', 'em', 'b', 'a'),
        children: tie('nodes'),
      }),
      weight: 3,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('block' as const),
        tag: fc.constantFrom('div', 'section', 'blockquote'),
        children: tie('nodes'),
      }),
      weight: 2,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('skip' as const),
        how: fc.constantFrom(...SKIP_KINDS),
        children: tie('nodes'),
      }),
      weight: 2,
    },
  ),
  nodes: fc.array(tie('node'), { maxLength: 4 }),
})).nodes;

/** Builds the tree with DOM calls (not markup), so the parser cannot reshape it. */
function build(doc: Document, parent: Node, nodes: Model[]) {
  for (const node of nodes) {
    if (node.kind === 'text') parent.appendChild(doc.createTextNode(node.text));
    else if (node.kind === 'br') parent.appendChild(doc.createElement('br'));
    else if (node.kind === 'inline' || node.kind === 'block') {
      const el = doc.createElement(node.tag);
      build(doc, el, node.children);
      parent.appendChild(el);
    } else parent.appendChild(skipped(doc, node.how, node.children));
  }
}

/** A region whose text must never be reported; `data-skip` lets the test find it again. */
function skipped(doc: Document, how: SkipKind, children: Model[]): Element {
  const textOnly = (tag: string) => {
    const el = doc.createElement(tag);
    el.textContent = flatText(children) || 'NATO';
    return el;
  };
  let el: Element;
  switch (how) {
    case 'script':
      // A data block: the test environment must not try to run it.
      el = textOnly('script');
      el.setAttribute('type', 'application/json');
      break;
    case 'style':
    case 'textarea':
      el = textOnly(how);
      break;
    case 'template':
    case 'noscript':
      el = doc.createElement(how);
      build(doc, (el as HTMLTemplateElement).content ?? el, children);
      break;
    case 'svg': {
      el = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
      const text = doc.createElementNS('http://www.w3.org/2000/svg', 'text');
      text.textContent = flatText(children) || 'Putin';
      el.appendChild(text);
      break;
    }
    default:
      el = doc.createElement(how === 'own-ui' ? 'gloss-ui' : 'div');
      if (how === 'hidden') el.setAttribute('hidden', '');
      if (how === 'display-none') el.setAttribute('style', 'display:none');
      if (how === 'contenteditable') el.setAttribute('contenteditable', 'true');
      build(doc, el, children);
  }
  el.setAttribute('data-skip', how);
  return el;
}

const flatText = (nodes: Model[]): string =>
  nodes.map((n) => (n.kind === 'text' ? n.text : n.kind === 'br' ? '' : flatText(n.children))).join('');

/** The model's runs: what a reader sees, split where the layout breaks the line. */
function expectedRuns(nodes: Model[]): string[] {
  const runs: string[] = [];
  let current = '';
  const end = () => {
    if (current) runs.push(current);
    current = '';
  };
  const walk = (list: Model[]) => {
    for (const node of list) {
      // A run starts at its first text node with a non-space character.
      if (node.kind === 'text') current += current || /\S/.test(node.text) ? node.text : '';
      else if (node.kind === 'br') end();
      else if (node.kind === 'inline') walk(node.children);
      else if (node.kind === 'block') {
        end();
        walk(node.children);
        end();
      }
      // Skipped regions add no text and, being invisible, do not break the line either.
    }
  };
  walk(nodes);
  end();
  return runs;
}

const countAliases = (runs: string[]) =>
  runs.reduce((n, run) => n + (run.match(/(?<![\p{L}\p{N}])(?:NATO|Putin)(?![\p{L}\p{N}])/gu)?.length ?? 0), 0);

const exclude = (el: Element) => el.localName === 'gloss-ui';

function render(model: Model[]): HTMLElement {
  document.body.replaceChildren();
  const root = document.createElement('div');
  build(document, root, model);
  document.body.appendChild(root);
  return root;
}

describe('scanner properties (random DOM trees)', () => {
  it('reports every visible alias once, nothing from skipped regions, and leaves the DOM alone', () => {
    fc.assert(
      fc.property(modelArb, (model) => {
        const root = render(model);
        const before = root.innerHTML;
        const runs = collectRuns(root, { exclude });
        expect(runs.map((r) => r.text)).toEqual(expectedRuns(model));

        let reported = 0;
        for (const run of runs) {
          for (const match of matcher.find(run.text)) {
            reported++;
            expect(run.text.slice(match.start, match.end)).toBe(match.alias);
            // A name may run around a hidden element ("Pu<span hidden>x</span>tin"): the range then
            // spans it, but starts and ends in visible text, and only visible nodes index it.
            const { range, nodes } = placeOf(run, match.start, match.end);
            expect(nodes[0]).toBe(range.startContainer);
            expect(nodes.at(-1)).toBe(range.endContainer);
            for (const node of nodes) expect(node.parentElement?.closest('[data-skip]')).toBeNull();
          }
        }
        expect(reported).toBe(countAliases(expectedRuns(model)));
        expect(root.innerHTML).toBe(before);
      }),
      { seed: SEED, numRuns: 6000 },
    );
  }, 120_000);

  it('gives the same runs however often it yields', () => {
    // The collector asks whether to yield every 256 nodes: repeat the tree so it gets to ask.
    fc.assert(
      fc.property(modelArb, fc.integer({ min: 1, max: 3 }), (model, every) => {
        const root = render(Array.from({ length: 60 }, () => model).flat());
        const whole = collectRuns(root, { exclude }).map((r) => r.text);
        let calls = 0;
        const collector = new RunCollector(root, { exclude, shouldYield: () => ++calls % every === 0 });
        const pieces: string[] = [];
        while (!collector.done) pieces.push(...collector.next().map((r) => r.text));
        expect(pieces).toEqual(whole);
      }),
      { seed: SEED + 1, numRuns: 250 },
    );
  }, 120_000);
});
