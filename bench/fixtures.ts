/**
 * Generated inputs for the benchmark, deterministic (seeded) so every run measures the same thing:
 * - `generatedPage(paragraphs)`: a long article (20,000 paragraphs ≈ 4 MB) with planted mentions;
 * - `generatedAliases(count, base)`: a pack-sized list of plausible Latin/Cyrillic names.
 * Pure functions: used by the runner (Node) and bundled into the in-page script.
 */
import type { AliasInput } from '../core/matcher';

/** mulberry32: small, fast, good enough to pick words. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;

const EN_WORDS = (
  'the a of and to in that is was for on with as by at from said it were has have had its this be are ' +
  'government minister protest city people country troops security forces capital officials report week ' +
  'president talks agreement border region economy energy prices fuel gas oil market unrest crowd police ' +
  'statement parliament alliance treaty council meeting foreign defence interior spokesman news agency ' +
  'according during after before while since under over about against between within without across ' +
  'international peacekeeping mission withdrawal deployment request emergency decree internet curfew ' +
  'airport square streets morning evening night January Monday Tuesday Wednesday Thursday Friday ' +
  'thousands dozens hundreds several many most some their his her they we he she new old former'
).split(' ');

const RU_WORDS = (
  'и в не на что с по как это он к но из у за от о так для же все она был мы же только ' +
  'правительство министр протест город люди страна войска силы столица заявление неделя ' +
  'президент переговоры соглашение граница регион экономика цены газ топливо рынок полиция ' +
  'парламент союз договор совет встреча внешний оборона министерство агентство сообщил ' +
  'миротворцы миссия вывод просьба чрезвычайное положение интернет аэропорт площадь улицы'
).split(' ');

/** Surface forms from the bundled pack, planted into the generated page (with inflections). */
const PLANTED = [
  'Vladimir Putin',
  'Putin',
  'Kassym-Jomart Tokayev',
  'Tokayev',
  'Nursultan Nazarbayev',
  'Nazarbayev',
  'the CSTO',
  'CSTO',
  'Collective Security Treaty Organization',
  'Kazakhstan',
  'Almaty',
  'Nur-Sultan',
  'Russia',
  'Russia’s',
  'NATO',
  'the Kremlin',
  'Kremlin',
  'Путин',
  'Токаев',
  'ОДКБ',
  'Казахстан',
  'Алматы',
  'Назарбаев',
  'Kasachstan',
  'Lukashenko',
  'Pashinyan',
  'Blinken',
];

function sentence(r: () => number, words: readonly string[], plant: boolean): string {
  const n = 8 + Math.floor(r() * 14);
  const out: string[] = [];
  const at = plant ? Math.floor(r() * n) : -1;
  for (let i = 0; i < n; i++) {
    if (i === at) out.push(pick(r, PLANTED));
    else out.push(pick(r, words));
  }
  const s = out.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A news-like page: header, nav, then `paragraphs` paragraphs (about 200 bytes each, 15 % in
 * Russian, one in three with a planted mention, some inline markup, a heading every 40),
 * a hidden block and a footer. 20,000 paragraphs ≈ 4 MB.
 */
export function generatedPage(paragraphs: number, seed = 42): string {
  const r = rng(seed);
  const parts: string[] = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Generated long page</title>',
    '<style>body{font:16px/1.5 serif;max-width:40em;margin:auto}.hidden{display:none}aside{color:#555}</style>',
    '</head><body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/asia">Asia</a></nav>',
    '<h1>Kazakhstan: a long generated report</h1></header><main><article>',
  ];
  for (let p = 0; p < paragraphs; p++) {
    if (p % 40 === 0) parts.push(`<h2>${escapeHtml(sentence(r, EN_WORDS, r() < 0.3))}</h2>`);
    const words = r() < 0.15 ? RU_WORDS : EN_WORDS;
    let html = '';
    let bytes = 0;
    while (bytes < 150) {
      let s = escapeHtml(sentence(r, words, r() < 0.2));
      const roll = r();
      if (roll < 0.1) s = `<em>${s}</em>`;
      else if (roll < 0.18) s = `<a href="/p/${p}">${s}</a>`;
      else if (roll < 0.22) s = s.replace(' ', ' <strong>') + '</strong>';
      html += (html ? ' ' : '') + s;
      bytes += s.length;
    }
    parts.push(`<p>${html}</p>`);
    if (p % 500 === 250) parts.push(`<div class="hidden"><p>${escapeHtml(sentence(r, EN_WORDS, true))}</p></div>`);
  }
  parts.push('</article></main><footer><p>Generated for the Gloss benchmark.</p></footer></body></html>');
  return parts.join('\n');
}

const LATIN_FIRST = (
  'Anna Maria Elena Olga Irina Sofia Laura Julia Clara Emma Lena Nadia Alina Daria Vera Marta Ilse Greta ' +
  'Ivan Pavel Sergei Dmitri Alexei Nikolai Mikhail Andrei Boris Oleg Yuri Viktor Igor Roman Arman Daniyar ' +
  'Nurlan Yerlan Askar Marat Timur Ruslan Bakyt Serik Aidos Johann Peter Thomas Michael Stefan Lukas Jonas ' +
  'Felix Paul David Daniel Martin Jan Tomas Piotr Marek Karel Jean Pierre Louis Henri Marco Luca Giovanni ' +
  'Carlos Jose Miguel Juan Pedro John James Robert William Richard Charles Joseph Edward George Henry'
).split(' ');

const CYR_FIRST = (
  'Анна Мария Елена Ольга Ирина София Юлия Дарья Вера Наталья Татьяна Светлана Айгерим Динара Асель ' +
  'Иван Павел Сергей Дмитрий Алексей Николай Михаил Андрей Борис Олег Юрий Виктор Игорь Роман Арман ' +
  'Нурлан Ерлан Аскар Марат Тимур Руслан Бакыт Серик Айдос Данияр Ержан Кайрат Максат Жанибек Болат'
).split(' ');

const LATIN_SYL =
  'ba be bo ka ko ku la le li ma mi mo na ne no ra re ri sa se so ta te to va ve vi za zo dan ber gen hol kov man nov ren sen ter vin'.split(
    ' ',
  );
const LATIN_END = 'ov ev in sky ski enko ovich ayev ulin berg mann son sen ez ini escu idis yan'.split(' ');
const CYR_SYL =
  'ба бе бо ка ко ку ла ле ли ма ми мо на не но ра ре ри са се со та те то ва ве ви за зо дан бер ген хол ков ман нов рен сен тер'.split(
    ' ',
  );
const CYR_END = 'ов ев ин ский енко ович аев улин берг ман сон ян баев бек ұлы'.split(' ');
const ORG_LATIN = [
  'Ministry of',
  'Committee for',
  'Agency of',
  'Union of',
  'Council of',
  'Institute of',
  'Bank of',
  'Party of',
];
const ORG_CYR = ['Министерство', 'Комитет', 'Агентство', 'Союз', 'Совет', 'Институт', 'Банк', 'Партия'];

function surname(r: () => number, syl: readonly string[], end: readonly string[]): string {
  const n = 1 + Math.floor(r() * 3);
  let s = '';
  for (let i = 0; i < n; i++) s += pick(r, syl);
  s += pick(r, end);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const GENERATED_ID = 'gen-';

/** Aliases of the scaling figures, the bundled pack's included. */
export const MANY_ALIASES = 50_000;

/**
 * `count` aliases: `base` first (e.g. the bundled pack's), then generated people ("Anna Kovalenko",
 * "Анна Бекова", also surname alone), organisations ("Ministry of Zobera", "Банк Ленов") and a
 * few acronyms, grouped about 3 aliases per entity.
 */
export function generatedAliases(count: number, base: readonly AliasInput[] = [], seed = 7): AliasInput[] {
  const r = rng(seed);
  const out: AliasInput[] = base.slice(0, count);
  const seen = new Set(out.map((a) => a.text));
  let entity = 0;
  const add = (text: string, lang: string, caseSensitive = false) => {
    if (out.length >= count || seen.has(text)) return;
    seen.add(text);
    out.push({ text, entityId: `${GENERATED_ID}${entity}`, lang, caseSensitive });
  };
  while (out.length < count) {
    entity++;
    const roll = r();
    const cyr = r() < 0.4;
    if (roll < 0.8) {
      const first = pick(r, cyr ? CYR_FIRST : LATIN_FIRST);
      const last = surname(r, cyr ? CYR_SYL : LATIN_SYL, cyr ? CYR_END : LATIN_END);
      add(`${first} ${last}`, cyr ? 'ru' : 'en');
      add(last, cyr ? 'ru' : 'en');
      if (r() < 0.3) add(`${first.charAt(0)}. ${last}`, cyr ? 'ru' : 'en');
    } else if (roll < 0.97) {
      const org = pick(r, cyr ? ORG_CYR : ORG_LATIN);
      const name = surname(r, cyr ? CYR_SYL : LATIN_SYL, cyr ? CYR_END : LATIN_END);
      add(`${org} ${name}`, cyr ? 'ru' : 'en');
    } else {
      let acro = '';
      const letters = cyr ? 'АБВГДЕКЛМНОПРСТ' : 'ABCDEFGHKLMNPRST';
      for (let i = 0, n = 3 + Math.floor(r() * 2); i < n; i++) acro += pick(r, letters.split(''));
      add(acro, cyr ? 'ru' : 'en', true);
    }
  }
  return out;
}

/**
 * A pack for importing into the extension: one entity per generated entity id of `aliases`, each
 * alias under its language, with the languages the schema requires filled from the first alias.
 * Plain JSON in the pack format (no schema import: this file is bundled into the in-page script).
 */
export function generatedPack(aliases: readonly AliasInput[], id = 'bench-generated'): Record<string, unknown> {
  type PackAlias = string | { text: string; caseSensitive: true };
  const byEntity = new Map<string, Record<string, PackAlias[]>>();
  for (const a of aliases) {
    let langs = byEntity.get(a.entityId);
    if (!langs) byEntity.set(a.entityId, (langs = {}));
    (langs[a.lang] ??= []).push(a.caseSensitive ? { text: a.text, caseSensitive: true } : a.text);
  }
  const entities = [...byEntity].map(([entityId, langs]) => {
    const alias = Object.values(langs)[0]![0]!;
    const first = typeof alias === 'string' ? alias : alias.text;
    for (const lang of ['en', 'de', 'ru']) langs[lang] ??= [first];
    return {
      id: entityId,
      kind: 'person',
      name: first,
      summary: 'Generated for the Gloss benchmark.',
      aliases: langs,
      analysis: [],
      facts: [],
      timeline: [],
      related: [],
    };
  });
  return {
    id,
    title: 'Generated aliases for the benchmark',
    version: '1.0.0',
    language: 'en',
    updated: '2026-01-01',
    sources: [{ id: 'bench', title: 'Generated', date: '2026-01-01', kind: 'reference', license: 'CC0' }],
    entities,
  };
}

/** The pack to import for `generatedAliases`' output: its generated aliases only, as the base ones are the bundled pack's. */
export const packOfGenerated = (aliases: readonly AliasInput[]): Record<string, unknown> =>
  generatedPack(aliases.filter((a) => a.entityId.startsWith(GENERATED_ID)));
