/** Bundles `bench/in-page.ts` (Gloss's scanner, matcher, highlighter, page scan, mark.js) into one IIFE. */
import { build } from 'esbuild';
import { resolve } from 'node:path';

export async function bundleInPage(): Promise<string> {
  const result = await build({
    entryPoints: [resolve(import.meta.dirname, 'in-page.ts')],
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
