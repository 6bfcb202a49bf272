// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { collectRuns, liveRange, placeOf, RunCollector, type TextRun } from '../../page/scanner';

const rangeOf = (run: TextRun, start: number, end: number) => liveRange(placeOf(run, start, end).range);

const texts = (html: string, exclude?: (el: Element) => boolean) => {
  document.body.innerHTML = html;
  return collectRuns(document.body, { exclude }).map((run) => run.text);
};

describe('scanner', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('joins text across inline elements into one run', () => {
    expect(texts('<p>Vladimir <em>Pu</em><a href="#">tin</a> spoke.</p>')).toEqual(['Vladimir Putin spoke.']);
  });

  it('never joins across blocks or <br>', () => {
    expect(texts('<div>NATO<p>Russia</p>Council</div><p>a<br>b</p>')).toEqual(['NATO', 'Russia', 'Council', 'a', 'b']);
  });

  it('treats inline-block and styled blocks as boundaries', () => {
    expect(
      texts('<p>a <span style="display:inline-block">b</span> c <span style="display:block">d</span></p>'),
    ).toEqual(['a ', 'b', ' c ', 'd']);
  });

  it('skips scripts, styles, form controls, templates, SVG and editable regions', () => {
    expect(
      texts(
        '<p>one</p><script>two</script><style>p{}</style><noscript>x</noscript><textarea>three</textarea>' +
          '<select><option>four</option></select><template>five</template><svg><text>six</text></svg>' +
          '<div contenteditable="true">seven</div><div contenteditable="false">eight</div>',
      ),
    ).toEqual(['one', 'eight']);
  });

  it('skips hidden content but keeps visible children of visibility:hidden parents', () => {
    expect(
      texts(
        '<p hidden>a</p><p style="display:none">b</p><p style="visibility:hidden">c<span style="visibility:visible">d</span></p><p>e</p>',
      ),
    ).toEqual(['d', 'e']);
  });

  it('leaves out excluded elements (our own UI)', () => {
    expect(texts('<p>a</p><gloss-ui><p>b</p></gloss-ui>', (el) => el.localName === 'gloss-ui')).toEqual(['a']);
  });

  it('maps run offsets back to ranges over several text nodes', () => {
    document.body.innerHTML = '<p>The <b>Kremlin</b>’s <i>Vladi</i>mir Putin</p>';
    const [run] = collectRuns(document.body);
    const start = run.text.indexOf('Vladimir');
    const range = rangeOf(run, start, start + 'Vladimir Putin'.length);
    expect(range.toString()).toBe('Vladimir Putin');
    expect(range.startContainer.textContent).toBe('Vladi');
    const k = run.text.indexOf('Kremlin');
    expect(rangeOf(run, k, k + 7).toString()).toBe('Kremlin');
    expect(rangeOf(run, k, k + 7).endContainer.textContent).toBe('Kremlin');
  });

  it('is resumable: yielding every check gives the same runs', () => {
    const html = Array.from({ length: 600 }, (_, i) => `<p>para <b>${i}</b> text</p>`).join('');
    const whole = texts(html);
    const collector = new RunCollector(document.body, { shouldYield: () => true });
    const pieces: string[] = [];
    let slices = 0;
    while (!collector.done) {
      pieces.push(...collector.next().map((r) => r.text));
      slices++;
    }
    expect(slices).toBeGreaterThan(2);
    expect(pieces).toEqual(whole);
  });

  it('reports nothing below a hidden or editable ancestor of the root (rescans of a changed block)', () => {
    document.body.innerHTML =
      '<div style="display:none"><p id="a">NATO</p></div><div contenteditable="true"><p id="b">NATO</p></div>' +
      '<textarea id="c">NATO</textarea><div hidden><p id="d">NATO</p></div><p id="e">NATO</p>';
    const runsOf = (id: string) => collectRuns(document.getElementById(id)!).map((r) => r.text);
    expect(['a', 'b', 'c', 'd'].map(runsOf)).toEqual([[], [], [], []]);
    expect(runsOf('e')).toEqual(['NATO']);
    document.documentElement.style.display = 'none';
    try {
      expect(collectRuns(document.body)).toEqual([]);
    } finally {
      document.documentElement.style.display = '';
    }
  });

  it('ends a run at an empty block or line break, not at an empty inline element', () => {
    expect(texts('<p>NATO<span></span> summit<div></div>Putin<img>Kremlin<br>Astana</p>')).toEqual([
      'NATO summit',
      'Putin',
      'Kremlin',
      'Astana',
    ]);
  });

  it('starts a run at its first non-space text, so leading space nodes are not part of it', () => {
    document.body.innerHTML = '<p>\n  <b> </b><i>NATO</i> summit</p>';
    const [run] = collectRuns(document.body);
    expect(run.text).toBe('NATO summit');
    expect(run.nodes.map((n) => n.data)).toEqual(['NATO', ' summit']);
  });

  it('knows when the page moved the part it stands on between slices', () => {
    document.body.innerHTML = `<section id="s">${'<p>para <b>x</b> text</p>'.repeat(300)}</section><div id="d"></div>`;
    const collector = new RunCollector(document.body, { shouldYield: () => true });
    collector.next();
    expect(collector.done).toBe(false);
    expect(collector.connected).toBe(true);
    // The section moves under another element: the path the walk keeps no longer leads to it.
    document.getElementById('d')!.appendChild(document.getElementById('s')!);
    expect(collector.connected).toBe(false);
  });

  it('does not change the DOM', () => {
    const html = '<p>The <b>Kremlin</b> and <i>NATO</i></p><textarea>x</textarea>';
    document.body.innerHTML = html;
    collectRuns(document.body);
    expect(document.body.innerHTML).toBe(html);
  });
});
