/** Size of the built content script (raw and gzip) and of the pack data it does not carry. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROME_BUILD } from '../scripts/chromium';

export interface SizeFigures {
  contentJs: { raw: number; gzip: number };
  contentCss: { raw: number; gzip: number };
  /** The hover card's view (card.js), injected into a page when its first card opens; absent in older builds. */
  cardJs?: { raw: number; gzip: number };
  /** Bundled packs as minified JSON (what the background holds and sends to each page). */
  packs: { raw: number; gzip: number; files: number };
  /** Whether some pack alias text shows up in content.js (it should not: packs arrive by message). */
  packDataInContentScript: boolean;
}

const sizes = (text: string | Buffer) => ({ raw: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length });

export function measureSizes(): SizeFigures {
  const js = readFileSync(join(CHROME_BUILD, 'content-scripts/content.js'), 'utf8');
  const css = readFileSync(join(CHROME_BUILD, 'content-scripts/content.css'), 'utf8');
  const packDir = resolve(import.meta.dirname, '../data/packs');
  const files = readdirSync(packDir).filter((f) => f.endsWith('.json'));
  const packs = files.map((f) => JSON.stringify(JSON.parse(readFileSync(join(packDir, f), 'utf8')))).join('');
  // A long alias from each pack's first entities: present in content.js only if pack data leaked in.
  const probes = files.flatMap((f) => {
    const pack = JSON.parse(readFileSync(join(packDir, f), 'utf8')) as {
      entities: { summary?: unknown; id: string }[];
    };
    return pack.entities.slice(0, 3).map((e) => JSON.stringify(e.summary ?? e.id).slice(1, 40));
  });
  return {
    contentJs: sizes(js),
    contentCss: sizes(css),
    cardJs: existsSync(join(CHROME_BUILD, 'card.js')) ? sizes(readFileSync(join(CHROME_BUILD, 'card.js'))) : undefined,
    packs: { ...sizes(packs), files: files.length },
    packDataInContentScript: probes.some((p) => p.length > 12 && js.includes(p)),
  };
}
