/** The committed icons are the SVG's rendering at every size (run `npm run icons` after editing it). */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES, iconPath, iconSvg, renderIcon } from '../../scripts/icons';

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe('icons', () => {
  for (const variant of ['on', 'off'] as const) {
    it(`${variant}: a PNG at each size, identical to the SVG rendered now`, () => {
      for (const size of ICON_SIZES) {
        const path = iconPath(variant, size);
        expect(existsSync(path), path).toBe(true);
        const png = readFileSync(path);
        expect(pngSize(png), path).toEqual({ width: size, height: size });
        expect(png.equals(renderIcon(variant, size)), `${path} is stale: npm run icons`).toBe(true);
      }
    });
  }

  it('the dimmed variant is the same mark in other colours', () => {
    const on = iconSvg('on');
    const off = iconSvg('off');
    expect(off).not.toBe(on);
    const shapes = (svg: string) => svg.replace(/#[0-9A-F]{6}/gi, '#');
    expect(shapes(off)).toBe(shapes(on));
  });
});
