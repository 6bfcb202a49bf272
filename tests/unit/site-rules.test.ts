import { describe, expect, it } from 'vitest';
import { decideSite, parseSiteEntry, readSiteLines, setSiteEnabled, siteOf } from '../../core/site-rules';
import { sanitizeSites } from '../../core/site-settings';

const on = (mode: 'except' | 'only', sites: string[], url: string) => decideSite({ mode, sites }, url).enabled;

describe('site decision', () => {
  it('is on everywhere by default and off on listed sites in "except" mode', () => {
    expect(on('except', [], 'https://news.example.com/a')).toBe(true);
    expect(on('except', ['news.example.com'], 'https://news.example.com/a')).toBe(false);
    expect(on('except', ['news.example.com'], 'https://other.example.com/a')).toBe(true);
  });

  it('is on only on listed sites in "only" mode', () => {
    expect(on('only', [], 'https://news.example.com/')).toBe(false);
    expect(on('only', ['news.example.com'], 'https://news.example.com/')).toBe(true);
    expect(on('only', ['news.example.com'], 'https://example.com/')).toBe(false);
  });

  it('treats www. as the same site, but not other subdomains without a wildcard', () => {
    expect(on('only', ['example.com'], 'https://www.example.com/')).toBe(true);
    expect(on('only', ['www.example.com'], 'https://example.com/')).toBe(true);
    expect(on('only', ['example.com'], 'https://news.example.com/')).toBe(false);
  });

  it('matches subdomains and the bare domain with *.', () => {
    expect(on('only', ['*.example.com'], 'https://a.b.example.com/')).toBe(true);
    expect(on('only', ['*.example.com'], 'https://example.com/')).toBe(true);
    expect(on('only', ['*.example.com'], 'https://badexample.com/')).toBe(false);
  });

  it('ignores ports and case, and compares IDN host names in punycode', () => {
    expect(on('except', ['Example.COM'], 'http://example.com:8080/x')).toBe(false);
    expect(on('only', ['bücher.de'], 'https://xn--bcher-kva.de/')).toBe(true);
    expect(on('only', ['xn--bcher-kva.de'], 'https://bücher.de/')).toBe(true);
    expect(on('only', ['127.0.0.1'], 'http://127.0.0.1:4173/page.html')).toBe(true);
  });

  it('handles local files through the file:// entry', () => {
    expect(on('except', [], 'file:///home/me/a.html')).toBe(true);
    expect(on('except', ['file://'], 'file:///home/me/a.html')).toBe(false);
    expect(on('only', ['file://'], 'file:///home/me/a.html')).toBe(true);
  });

  it('never runs on browser and extension pages', () => {
    for (const url of [
      'chrome://extensions',
      'chrome-extension://abc/popup.html',
      'moz-extension://x/a.html',
      'about:blank',
      'not a url',
    ]) {
      expect(decideSite({ mode: 'except', sites: [] }, url)).toEqual({
        enabled: false,
        scannable: false,
        host: null,
        reason: 'not-a-web-page',
      });
    }
  });

  it('finds the site of a URL', () => {
    expect(siteOf('https://WWW.Example.com./x')).toBe('www.example.com');
    expect(siteOf('file:///tmp/x.html')).toBe('file://');
    expect(siteOf('about:blank')).toBeNull();
  });
});

describe('site list entries', () => {
  it('explains each bad line', () => {
    const { sites, problems } = readSiteLines(
      'example.com\n\nhttps://x.org/path\n*.ok.org\nfoo*.org\nbad host\nexample.com\nhost:80',
    );
    expect(sites).toEqual(['example.com', '*.ok.org']);
    expect(problems).toEqual([
      { line: 3, entry: 'https://x.org/path', error: 'scheme' },
      { line: 5, entry: 'foo*.org', error: 'wildcard' },
      { line: 6, entry: 'bad host', error: 'invalid-host' },
      { line: 8, entry: 'host:80', error: 'port-or-path' },
    ]);
  });

  it('reads the lines of the textarea and of a stored list with one parser', () => {
    const text = ' example.com \r\n\nfoo*.org\n*.ok.org\nexample.com';
    expect(readSiteLines(text)).toEqual({
      sites: ['example.com', '*.ok.org'],
      problems: [{ line: 3, entry: 'foo*.org', error: 'wildcard' }],
    });
    // A stored list skips what is not text, and numbers its lines like the textarea does.
    expect(readSiteLines(['example.com', 42, 'bad host', '*.ok.org'])).toEqual({
      sites: ['example.com', '*.ok.org'],
      problems: [{ line: 3, entry: 'bad host', error: 'invalid-host' }],
    });
  });

  it('keeps in the stored setting exactly what Options would save', () => {
    const text = 'example.com\nhttps://x.org\n*.ok.org\nfile://\nexample.com';
    expect(sanitizeSites({ mode: 'only', sites: text, otherSites: text.split('\n') })).toEqual({
      mode: 'only',
      sites: readSiteLines(text).sites,
      otherSites: readSiteLines(text).sites,
    });
  });

  it('accepts host names with hyphens and IDN', () => {
    expect(parseSiteEntry('my-news.co.uk').ok).toBe(true);
    expect(parseSiteEntry('bücher.de').ok).toBe(true);
    expect(parseSiteEntry('a..b').ok).toBe(false);
  });
});

describe('switching a site', () => {
  it('adds and removes the host in "except" mode, wildcards included', () => {
    expect(setSiteEnabled({ mode: 'except', sites: [] }, 'news.example.com', false)).toEqual(['news.example.com']);
    expect(setSiteEnabled({ mode: 'except', sites: ['a.org', '*.example.com'] }, 'news.example.com', true)).toEqual([
      'a.org',
    ]);
  });

  it('does the reverse in "only" mode and never duplicates', () => {
    expect(setSiteEnabled({ mode: 'only', sites: ['a.org'] }, 'b.org', true)).toEqual(['a.org', 'b.org']);
    expect(setSiteEnabled({ mode: 'only', sites: ['*.b.org'] }, 'x.b.org', true)).toEqual(['*.b.org']);
    expect(setSiteEnabled({ mode: 'only', sites: ['a.org', 'b.org'] }, 'b.org', false)).toEqual(['a.org']);
  });
});
