/**
 * A small static server on 127.0.0.1 for the demo, the E2E tests and the benchmark.
 * Routes: `/` the pages of `pages`, `/corpus/<file>` the real-page corpus (`CORPUS_DIR`) with its scripts
 * stripped and blocked (nothing outside this machine can be reached, and a page's own scripts would only
 * add noise).
 */
import { readFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { isAbsolute, join, normalize, relative, resolve } from 'node:path';

/**
 * The real-page corpus: `GLOSS_CORPUS` names a full copy (the shared 130-page corpus, for the
 * complete sweep and the benchmark); without it, the subset kept in the repository, so that a
 * fresh clone runs everything with nothing beside it.
 */
export const VENDORED_CORPUS = resolve(import.meta.dirname, '../tests/fixtures/corpus');
export const CORPUS_DIR = process.env.GLOSS_CORPUS ? resolve(process.env.GLOSS_CORPUS) : VENDORED_CORPUS;

export function stripScripts(html: string): string {
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '').replace(/<script\b[^>]*\/>/gi, '');
}

/**
 * The file a `/corpus/…` request names, or null when it names none or lies outside `dir`: a
 * prefix test alone let `/corpus/../corpus-other/x` reach a folder beside the corpus.
 */
export function corpusFile(dir: string, requestPath: string): string | null {
  if (!requestPath.startsWith('/corpus/')) return null;
  const file = normalize(join(dir, requestPath.slice('/corpus/'.length)));
  const inside = relative(dir, file);
  if (!inside || inside.startsWith('..') || isAbsolute(inside)) return null;
  return existsSync(file) ? file : null;
}

export interface PageServer {
  origin: string;
  /** Serves `html` at `path` from now on (tests add fixture pages on the fly). */
  set(path: string, html: string): void;
  close(): Promise<void>;
}

/**
 * Cross-origin isolation (COOP and COEP): a page's `performance.now()` then ticks in 5 µs instead of
 * 100 µs, which the benchmark needs to time a small page's sub-millisecond walk. Nothing a page
 * here loads comes from another origin (such requests are aborted), so the isolation blocks nothing.
 */
const ISOLATION_HEADERS = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'credentialless',
};

export async function servePages(
  pages: Record<string, string | (() => string)> = {},
  options: { isolated?: boolean } = {},
): Promise<PageServer> {
  const routes = new Map(Object.entries(pages));
  const isolation = options.isolated ? ISOLATION_HEADERS : {};
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let body: string | undefined;
    let headers: Record<string, string> = {};
    const route = routes.get(path);
    if (route !== undefined) body = typeof route === 'function' ? route() : route;
    else if (path.startsWith('/corpus/')) {
      const file = corpusFile(CORPUS_DIR, path);
      if (file) body = stripScripts(readFileSync(file, 'utf8'));
      // Stripping misses scripts in `srcdoc` frames and event attributes: the CSP stops those
      // (content scripts are exempt from a page's CSP).
      headers = { 'content-security-policy': "script-src 'none'" };
    }
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res
      .writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        ...isolation,
        ...headers,
      })
      .end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    set: (path, html) => routes.set(path, html),
    close: () => new Promise((done) => server.close(() => done())),
  };
}
