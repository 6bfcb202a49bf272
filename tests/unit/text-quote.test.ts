/** The curator's quote found again in the saved source text (data/text-quote.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paragraphsOf } from '../../data/check';
import { anchorQuote, describeQuote, normalizeForQuote, paragraphOf } from '../../data/text-quote';

const SOURCE = [
  'Moscow’s troops — “peacekeepers” — landed in Almaty.',
  'The bloc said its mission would be short. The bloc said so twice.',
  'Analysts  doubted\u00a0it: “The mission is a signal,” one wrote.',
].join('\n\n');

describe('text quote selector', () => {
  it('describes a quote with 32 characters of context either side', () => {
    const start = SOURCE.indexOf('landed');
    const selector = describeQuote(SOURCE, start, start + 6);
    expect(selector).toEqual({
      type: 'TextQuoteSelector',
      exact: 'landed',
      prefix: SOURCE.slice(start - 32, start),
      suffix: SOURCE.slice(start + 6, start + 38),
    });
  });

  it('anchors an exact quote and names its paragraph', () => {
    const anchor = anchorQuote(SOURCE, { exact: 'its mission would be short', prefix: '', suffix: '' });
    expect(anchor).not.toBeNull();
    expect(SOURCE.slice(anchor!.start, anchor!.end)).toBe('its mission would be short');
    expect(paragraphOf(SOURCE, anchor!)).toBe(2);
  });

  it('picks the occurrence its prefix and suffix describe', () => {
    const second = SOURCE.lastIndexOf('The bloc said');
    const selector = describeQuote(SOURCE, second, second + 'The bloc said'.length);
    expect(anchorQuote(SOURCE, selector)).toEqual({ start: second, end: second + 13 });
    const first = SOURCE.indexOf('The bloc said');
    expect(anchorQuote(SOURCE, describeQuote(SOURCE, first, first + 13))).toEqual({ start: first, end: first + 13 });
  });

  it('anchors across whitespace differences, mapping back to the saved text', () => {
    // The page's selection reads single spaces where the saved text has a double and a no-break space.
    const anchor = anchorQuote(SOURCE, { exact: 'Analysts doubted it:', prefix: '', suffix: '' });
    expect(SOURCE.slice(anchor!.start, anchor!.end)).toBe('Analysts  doubted\u00a0it:');
    expect(paragraphOf(SOURCE, anchor!)).toBe(3);
  });

  it('anchors across typographic quotes, apostrophes and dashes', () => {
    const anchor = anchorQuote(SOURCE, {
      exact: 'Moscow\'s troops - "peacekeepers" - landed',
      prefix: '',
      suffix: ' in Almaty',
    });
    expect(SOURCE.slice(anchor!.start, anchor!.end)).toBe('Moscow’s troops — “peacekeepers” — landed');
    const quoted = anchorQuote(SOURCE, { exact: '"The mission is a signal,"', prefix: '', suffix: '' });
    expect(SOURCE.slice(quoted!.start, quoted!.end)).toBe('“The mission is a signal,”');
  });

  it('uses the normalized context where the quote occurs twice in a different spelling', () => {
    const text = 'He said “no” here.\n\nThen  he said “no” there.';
    const anchor = anchorQuote(text, { exact: 'said "no"', prefix: 'Then he ', suffix: ' there' });
    expect(anchor!.start).toBe(text.lastIndexOf('said'));
    expect(paragraphOf(text, anchor!)).toBe(2);
  });

  it('finds nothing where the quote is not in the text, and no paragraph across a blank line', () => {
    expect(anchorQuote(SOURCE, { exact: 'never said', prefix: '', suffix: '' })).toBeNull();
    const across = anchorQuote(SOURCE, { exact: 'Almaty. The bloc', prefix: '', suffix: '' });
    expect(across).not.toBeNull();
    expect(paragraphOf(SOURCE, across!)).toBeNull();
  });

  it('property: any slice of a paragraph, respaced and requoted, anchors back to a verbatim quote in that paragraph', () => {
    const word = fc.constantFrom('the', 'bloc', '“troops”', 'Moscow’s', 'ex—allies', 'said', 'it', 'mission');
    const paragraph = fc.array(word, { minLength: 3, maxLength: 12 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 5 }), fc.nat(), fc.nat(), (paras, a, b) => {
        const text = paras.join('\n\n');
        const blocks = paragraphsOf(text);
        const p = a % blocks.length;
        const block = blocks[p]!;
        const words = block.split(' ');
        const from = b % words.length;
        const exact = words.slice(from, from + 3).join(' ');
        const start = text.indexOf(block) + block.indexOf(exact);
        const selector = describeQuote(text, start, start + exact.length);
        // What a page's selection may read instead: straight quotes, doubled spaces.
        const variant = {
          ...selector,
          exact: normalizeForQuote(selector.exact).text.replace(/ /g, '  '),
        };
        const anchor = anchorQuote(text, variant);
        if (!anchor) return false;
        const quote = text.slice(anchor.start, anchor.end);
        const para = paragraphOf(text, anchor);
        return (
          para !== null &&
          blocks[para - 1]!.includes(quote) &&
          normalizeForQuote(quote).text === normalizeForQuote(exact).text
        );
      }),
      { numRuns: 500 },
    );
  });
});
