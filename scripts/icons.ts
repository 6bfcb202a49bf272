/**
 * `npm run icons`: renders assets/icon.svg to the PNGs the manifests list, at every size a store
 * or a browser asks for, and the dimmed variant the toolbar shows on a tab where Gloss is off.
 * The PNGs are committed (a build needs no renderer); tests/unit/icons.test.ts fails when they
 * no longer match the SVG.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const ROOT = resolve(import.meta.dirname, '..');
export const ICON_SVG = resolve(ROOT, 'assets/icon.svg');
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

/** On → off: the same shapes in greys, so "off" reads as the same mark, switched off. */
const OFF_COLOURS: Record<string, string> = { '#F4B400': '#C4C7CB', '#1B2A4A': '#6B7075' };

export type IconVariant = 'on' | 'off';

/** Where WXT finds the "on" icons (public/icon/<size>.png becomes the manifest's `icons`). */
export const iconPath = (variant: IconVariant, size: number) =>
  resolve(ROOT, 'public', variant === 'on' ? 'icon' : 'icon-off', `${size}.png`);

export function iconSvg(variant: IconVariant): string {
  const svg = readFileSync(ICON_SVG, 'utf8');
  if (variant === 'on') return svg;
  return Object.entries(OFF_COLOURS).reduce((text, [from, to]) => {
    if (!text.includes(from)) throw new Error(`assets/icon.svg no longer uses ${from}: update OFF_COLOURS`);
    return text.replaceAll(from, to);
  }, svg);
}

export function renderIcon(variant: IconVariant, size: number): Buffer {
  return new Resvg(iconSvg(variant), { fitTo: { mode: 'width', value: size } }).render().asPng();
}

function main() {
  for (const variant of ['on', 'off'] as const) {
    for (const size of ICON_SIZES) {
      const path = iconPath(variant, size);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, renderIcon(variant, size));
      console.log(path.slice(ROOT.length + 1));
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
