/** The test page server serves the corpus and nothing beside it. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusFile, servePages } from '../../scripts/serve';

describe('corpusFile', () => {
  const root = mkdtempSync(join(tmpdir(), 'gloss-serve-'));
  const corpus = join(root, 'corpus');
  mkdirSync(corpus);
  mkdirSync(join(root, 'corpus-other'));
  writeFileSync(join(corpus, 'page.html'), 'x');
  writeFileSync(join(root, 'corpus-other', 'secret.html'), 'x');
  writeFileSync(join(root, 'secret.html'), 'x');

  it('serves a page of the corpus', () => {
    expect(corpusFile(corpus, '/corpus/page.html')).toBe(join(corpus, 'page.html'));
  });

  it('never reaches beside or above the corpus, whatever the path says', () => {
    expect(corpusFile(corpus, '/corpus/../corpus-other/secret.html')).toBeNull();
    expect(corpusFile(corpus, '/corpus/../secret.html')).toBeNull();
    expect(corpusFile(corpus, '/corpus/')).toBeNull();
    expect(corpusFile(corpus, '/corpus/missing.html')).toBeNull();
    expect(corpusFile(corpus, '/other/page.html')).toBeNull();
  });
});

describe('servePages', () => {
  it('isolates its pages cross-origin only when asked, so the benchmark gets a 5 µs clock and the tests plain pages', async () => {
    const isolated = await servePages({ '/a.html': '<p>a</p>' }, { isolated: true });
    const plain = await servePages({ '/a.html': '<p>a</p>' });
    try {
      const headers = async (origin: string) => (await fetch(`${origin}/a.html`)).headers;
      const on = await headers(isolated.origin);
      expect(on.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(on.get('cross-origin-embedder-policy')).toBe('credentialless');
      const off = await headers(plain.origin);
      expect(off.get('cross-origin-opener-policy')).toBeNull();
      expect(off.get('cross-origin-embedder-policy')).toBeNull();
    } finally {
      await isolated.close();
      await plain.close();
    }
  });
});
