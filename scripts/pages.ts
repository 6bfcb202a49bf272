/**
 * The demo pages: the source analysis laid out as a news article, and a second page that
 * mentions the same actors in other wording and in German and Russian.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { paragraphsOf } from '../data/check';

const SOURCE = resolve(import.meta.dirname, '../data/sources/kazakhstan-2022-01-08.txt');

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const STYLE = `
  body { margin: 0; font: 18px/1.6 Georgia, 'DejaVu Serif', serif; color: #1a1a1a; background: #fbfaf7; }
  header.site { padding: 12px 24px; border-bottom: 3px solid #1a1a1a; font: 700 22px/1 system-ui, sans-serif; letter-spacing: .02em; }
  main { max-width: 680px; margin: 32px auto; padding: 0 24px; }
  h1 { font-size: 34px; line-height: 1.2; margin: 0 0 8px; }
  h2 { font: 700 20px/1.3 system-ui, sans-serif; margin: 32px 0 8px; }
  .meta { color: #666; font: 14px system-ui, sans-serif; margin-bottom: 24px; }
  blockquote { border-left: 3px solid #999; margin: 16px 0; padding-left: 16px; color: #333; }
  aside { font: 15px/1.5 system-ui, sans-serif; background: #f0eee8; padding: 12px 16px; margin-top: 32px; }
`;

export function articlePage(): string {
  const blocks = paragraphsOf(readFileSync(SOURCE, 'utf8'));
  // The source keeps a stray "date … W." prefix on its first line; the page shows the text only.
  const [first, ...rest] = blocks;
  const body = [first.replace(/^date \d{4}-\d{2}-\d{2} W\./, ''), ...rest]
    .map((block) =>
      block.length < 80 && !/[.!?]$/.test(block) ? `<h2>${escape(block)}</h2>` : `<p>${escape(block)}</p>`,
    )
    .join('\n      ');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Why the Kremlin sees an opportunity in Kazakhstan — Demo Daily</title>
    <meta property="article:published_time" content="2022-01-08T09:00:00Z" />
    <style>${STYLE}</style>
  </head>
  <body>
    <header class="site">Demo Daily</header>
    <main>
      <article>
      <h1>Why the Kremlin sees an opportunity in the Kazakh crisis</h1>
      <p class="meta">Commentary · <time datetime="2022-01-08">8 January 2022</time> · English translation</p>
      ${body}
      </article>
      <aside>This demo page reproduces a commentary from 8 January 2022 so that Gloss can be tried on it.</aside>
    </main>
  </body>
</html>
`;
}

/** Other wording and other languages; written for the demo, no quotation of any source. */
export function multilingualPage(): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Looking back: Kazakhstan after the January unrest — Demo Daily</title>
    <meta property="article:published_time" content="2026-11-20T08:00:00Z" />
    <style>${STYLE}</style>
  </head>
  <body>
    <header class="site">Demo Daily</header>
    <main>
      <article>
      <h1>Looking back at January 2022, in three languages</h1>
      <p class="meta">Demo text written for Gloss · <time datetime="2026-11-20">20 November 2026</time></p>
      <p>Looking back, <em>Kassym-Jomart</em> Tokayev's request to the CSTO on 5 January remains the
        turning point: the next day the first Russian paratroopers arrived, and on the same 5 January
        Nursultan Nazarbayev had lost the chair of the Security Council.</p>
      <p>The Kremlin's decision came a week before the U.S.–Russia talks in Geneva and the
        NATO–Russia Council in Brussels, as Moscow kept troops on the border with Ukraine.</p>
      <h2>Auf Deutsch</h2>
      <p lang="de">Russland und die anderen Staaten der OVKS schickten Truppen nach Kasachstan, nachdem
        Tokajew um Hilfe gebeten hatte. Die EU mahnte, die Souveränität Kasachstans zu achten.</p>
      <h2>По-русски</h2>
      <p lang="ru">Миротворцы ОДКБ прибыли в Казахстан по просьбе Токаева. На саммите 10 января Путин
        заявил, что ОДКБ не допустит «цветных революций».</p>
      <p>Not everything named here is the same thing: a Tokay gecko, chicken Kiev and an afghan
        blanket have nothing to do with the story, and neither does Washington State.</p>
      </article>
    </main>
  </body>
</html>
`;
}
