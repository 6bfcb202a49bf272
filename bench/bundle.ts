/** Bundles a script of the bench into one IIFE: the in-page half (bench/in-page.ts), the reference content scripts. */
import { build } from 'esbuild';
import { resolve } from 'node:path';

/** `entry` is relative to bench/; `define` replaces the script's declared constants. */
export async function bundleScript(entry: string, define: Record<string, string> = {}): Promise<string> {
  const result = await build({
    entryPoints: [resolve(import.meta.dirname, entry)],
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    minify: true,
    write: false,
    logLevel: 'silent',
    define,
  });
  return result.outputFiles[0]!.text;
}

/** Gloss's scanner, matcher, highlighter, page scan and mark.js, exposed as `window.__glossBench`. */
export const bundleInPage = () => bundleScript('in-page.ts');
