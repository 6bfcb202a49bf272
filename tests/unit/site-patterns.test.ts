/**
 * The registered match patterns inject the content script on exactly the pages the site decision
 * enables: checked against a model of the browser's match-pattern rules on random lists and URLs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_PAGES, patternsOf, registrationOf } from '../../core/site-patterns';
import { decideSite, type SiteRules } from '../../core/site-rules';

/** Chrome's match patterns, for the shapes we register: scheme, host (optional `*.`), path `/*`. */
function patternMatches(pattern: string, url: string): boolean {
  const m = /^(\*|https?|file):\/\/([^/]*)\/\*$/.exec(pattern);
  if (!m) throw new Error(`unexpected pattern ${pattern}`);
  const [, scheme, host] = m;
  const u = new URL(url);
  const protocol = u.protocol.slice(0, -1);
  if (scheme === 'file') return protocol === 'file';
  if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : protocol !== scheme) return false;
  const hostname = u.hostname;
  if (host === '*') return true;
  if (host!.startsWith('*.')) {
    const base = host!.slice(2);
    return hostname === base || hostname.endsWith(`.${base}`);
  }
  return hostname === host;
}

const injected = (rules: SiteRules, url: string) => {
  const registration = registrationOf(rules);
  if (!registration) return false;
  return (
    registration.matches.some((p) => patternMatches(p, url)) &&
    !registration.excludeMatches.some((p) => patternMatches(p, url))
  );
};

describe('site patterns', () => {
  it('turns each kind of entry into the patterns that cover the same hosts', () => {
    expect(patternsOf('example.com')).toEqual(['*://example.com/*', '*://www.example.com/*']);
    expect(patternsOf('www.example.com')).toEqual(['*://example.com/*', '*://www.example.com/*']);
    expect(patternsOf('*.example.com')).toEqual(['*://*.example.com/*']);
    expect(patternsOf('file://')).toEqual(['file:///*']);
    // The browser refuses "www.127.0.0.1" as a pattern's host, and no URL can have it.
    expect(patternsOf('127.0.0.1')).toEqual(['*://127.0.0.1/*']);
    expect(patternsOf('Bücher.example')).toEqual(['*://xn--bcher-kva.example/*', '*://www.xn--bcher-kva.example/*']);
    expect(patternsOf('http://example.com/x')).toEqual([]);
  });

  it('registers everywhere but the listed sites, or only on them; nowhere for an empty "only" list', () => {
    expect(registrationOf({ mode: 'except', sites: [] })).toEqual({ matches: ALL_PAGES, excludeMatches: [] });
    expect(registrationOf({ mode: 'except', sites: ['a.com', 'www.a.com'] })).toEqual({
      matches: ALL_PAGES,
      excludeMatches: ['*://a.com/*', '*://www.a.com/*'],
    });
    expect(registrationOf({ mode: 'except', sites: ['127.0.0.1'] })?.excludeMatches).toEqual(['*://127.0.0.1/*']);
    expect(registrationOf({ mode: 'only', sites: ['*.b.org'] })).toEqual({
      matches: ['*://*.b.org/*'],
      excludeMatches: [],
    });
    expect(registrationOf({ mode: 'only', sites: [] })).toBeNull();
  });

  it('injects exactly where decideSite enables Gloss (2,000 random lists and URLs)', () => {
    const base = fc.constantFrom(
      'example.com',
      'news.example.com',
      'www.example.com',
      'www.www.example.com',
      'example.org',
      '127.0.0.1',
      'xn--bcher-kva.example',
    );
    const entry = fc.oneof(
      base,
      base.map((h) => `*.${h}`),
      fc.constant('file://'),
      fc.constant('not a host'),
    );
    const url = fc.oneof(
      fc
        .tuple(
          fc.constantFrom('http', 'https'),
          fc.constantFrom('', 'www.', 'a.', 'www.www.', 'x.news.'),
          base,
          fc.constantFrom('', ':8080'),
          fc.constantFrom('/', '/p?q=1#h'),
        )
        .map(
          ([scheme, sub, host, port, path]) => `${scheme}://${host === '127.0.0.1' ? '' : sub}${host}${port}${path}`,
        ),
      fc.constant('file:///home/reader/page.html'),
    );
    fc.assert(
      fc.property(
        fc.constantFrom<SiteRules['mode']>('except', 'only'),
        fc.array(entry, { maxLength: 4 }),
        url,
        (mode, sites, page) => {
          const rules = { mode, sites };
          expect(injected(rules, page), `${mode} ${JSON.stringify(sites)} ${page}`).toBe(
            decideSite(rules, page).enabled,
          );
        },
      ),
      { numRuns: 2000, seed: 20261130 },
    );
  });
});
