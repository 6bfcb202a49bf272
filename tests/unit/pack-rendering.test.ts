// @vitest-environment happy-dom
/**
 * Pack strings are data: the views render them as text, so markup in a pack stays inert, and a
 * reference link is only ever http(s), even if a bad URL got past the schema.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { HoverCard } from '../../page/card/HoverCard';
import { ExternalLink, Reference, SourceCitation } from '../../components/panel/parts';
import { parsePack } from '../../data/load';
import type { Source } from '../../data/schema';
import { HOSTILE, hostilePack } from '../fixtures/hostile-pack';

const ROOT = resolve(import.meta.dirname, '../..');

function renderInto(vnode: preact.VNode<any>): HTMLElement {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  render(vnode, root);
  return root;
}

/** No element or attribute the markup asked for made it into the DOM. */
function expectInert(root: HTMLElement) {
  expect(root.querySelector('script, img, b, i, u, iframe, object')).toBeNull();
  for (const el of root.querySelectorAll('*')) {
    for (const attr of el.attributes) expect(attr.name.startsWith('on'), `${el.tagName} ${attr.name}`).toBe(false);
    if (el.hasAttribute('href')) expect(el.getAttribute('href')).toMatch(/^(https?:|chrome-extension:|moz-extension:)/);
  }
}

describe('pack strings in the views', () => {
  const parsed = parsePack(hostilePack());
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const pack = parsed.pack;
  const sources = new Map(pack.sources.map((s) => [s.id, s]));

  it('the hover card shows markup as text', () => {
    const entity = pack.entities[0];
    const root = renderInto(
      h(HoverCard, {
        entity,
        sources,
        alias: '<script>x</script>',
        lang: 'en',
        pageDate: '2022-01-10',
        sidebarHint: null,
        onOpenSidebar: () => undefined,
        onReject: () => undefined,
        onClose: () => undefined,
      }),
    );
    expectInert(root);
    expect(root.textContent).toContain(HOSTILE);
    expect(root.querySelector('h2')?.textContent).toBe(entity.name);
    // The fact that held on the page's date is shown, as text.
    expect(root.querySelector('[data-testid="card-current"]')?.textContent).toContain(HOSTILE);
  });

  it('references and citations link http(s) only', () => {
    const source: Source = { ...pack.sources[0], url: 'https://example.org/a' };
    const root = renderInto(
      h('div', null, [
        h(SourceCitation, { source, paragraph: 2 }),
        // Past the schema (a corrupt store): never a link.
        h(ExternalLink, { href: 'javascript:alert(1)', children: HOSTILE }),
        h(ExternalLink, { href: 'data:text/html,<script>alert(1)</script>', children: 'data' }),
        h(Reference, { reference: ' JavaScript:alert(1)', sources }),
        h(Reference, {
          reference: {
            publisher: HOSTILE,
            title: HOSTILE,
            date: '2021',
            url: 'https://example.org/r',
            archive: 'javascript:alert(1)',
          },
          sources,
        }),
      ]),
    );
    expectInert(root);
    const links = [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['https://example.org/a', 'https://example.org/r']);
    expect(root.textContent).toContain(HOSTILE);
  });
});

describe('extension code', () => {
  /** Every source file that ends up in a bundle. */
  function files(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return files(path);
      return /\.(ts|tsx)$/.test(name) ? [path] : [];
    });
  }

  it('never turns a string into markup or code', () => {
    const offenders = ['components', 'core', 'page', 'shared', 'background', 'entrypoints', 'data'].flatMap((dir) =>
      files(join(ROOT, dir)).flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        return /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write(ln)?\(|\beval\(|new Function\(/.test(
          text,
        )
          ? [file.slice(ROOT.length + 1)]
          : [];
      }),
    );
    expect(offenders).toEqual([]);
  });

  it('does not listen to window messages, which any page can post', () => {
    const offenders = ['core', 'page', 'shared', 'background', 'entrypoints'].flatMap((dir) =>
      files(join(ROOT, dir)).flatMap((file) =>
        /addEventListener\(\s*['"]message['"]|\bonmessage\s*=/.test(
          // The scan's own MessageChannel (`channel.port1.onmessage`) is private to it.
          readFileSync(file, 'utf8').replace(/channel\.port1\.onmessage\s*=/g, ''),
        )
          ? [file.slice(ROOT.length + 1)]
          : [],
      ),
    );
    expect(offenders).toEqual([]);
  });
});
