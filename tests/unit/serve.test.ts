/** The test page server serves the corpus and nothing beside it. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusFile } from '../../scripts/serve';

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
