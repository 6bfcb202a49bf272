/**
 * The layering is enforced by lint, and a crossing says why: a zod value or Preact in page code,
 * page code imported by the background, a browser API in the pure core.
 */
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

async function lint(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, file) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer boundaries', () => {
  it('refuses a zod value in page code and says why; a type import is fine', async () => {
    const value = await lint(
      'page/x.ts',
      "import { packSchema } from '../data/schema';\nexport const s = packSchema;\n",
    );
    expect(value).toHaveLength(1);
    expect(value[0]).toContain('carry zod: the content script may import their types only');
    expect(await lint('page/x.ts', "import type { Pack } from '../data/schema';\nexport type P = Pack;\n")).toEqual([]);
    expect((await lint('page/x.ts', "import { z } from 'zod';\nexport const s = z;\n"))[0]).toContain('carries no zod');
  });

  it('keeps Preact in the card view', async () => {
    const code = "import { render } from 'preact';\nexport const r = render;\n";
    expect((await lint('page/hover-x.ts', code))[0]).toContain("belong to the card's view");
    expect(await lint('page/card/x.ts', code)).toEqual([]);
  });

  it('keeps page code out of the background and extension pages, and browser APIs out of the core', async () => {
    expect(
      (
        await lint('background/x.ts', "import { GlossPage } from '../page/gloss-page';\nexport const g = GlossPage;\n")
      )[0],
    ).toContain('reach it by message');
    expect(
      (await lint('core/x.ts', "import { browser } from 'wxt/browser';\nexport const b = browser;\n"))[0],
    ).toContain('core/ is pure and runs in node');
  });
});
