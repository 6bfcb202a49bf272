// @vitest-environment happy-dom
/** The page's own publication date, for the side panel's "as of" line. */
import { describe, expect, it } from 'vitest';
import { publishedDate } from '../../page/published';

const docOf = (html: string) =>
  new DOMParser().parseFromString(`<!doctype html><html><head></head><body>${html}</body></html>`, 'text/html');

describe('publishedDate', () => {
  it('reads article:published_time first', () => {
    const doc = docOf('<time datetime="2020-01-01">old</time>');
    const meta = doc.createElement('meta');
    meta.setAttribute('property', 'article:published_time');
    meta.setAttribute('content', '2026-03-01T09:00:00+01:00');
    doc.head.append(meta);
    expect(publishedDate(doc)).toBe('2026-03-01');
  });

  it('finds datePublished in JSON-LD, also inside @graph, and skips broken JSON-LD', () => {
    const doc = docOf(
      '<script type="application/ld+json">{ not json</script>' +
        '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2025-12-24T08:00:00Z"}]}</script>',
    );
    expect(publishedDate(doc)).toBe('2025-12-24');
  });

  it('falls back to the article’s <time datetime>, preferring one inside the article', () => {
    const doc = docOf(
      '<footer><time datetime="2019-05-05">page footer</time></footer><article><time datetime="2024-07-01T10:00">1 July</time></article>',
    );
    expect(publishedDate(doc)).toBe('2024-07-01');
  });

  it('says nothing when the page declares no date or only nonsense', () => {
    expect(publishedDate(docOf('<p>No date here.</p>'))).toBeNull();
    expect(publishedDate(docOf('<time datetime="soon">soon</time>'))).toBeNull();
  });
});
