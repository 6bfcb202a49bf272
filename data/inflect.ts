/**
 * Expands an alias lemma into its German and Russian case forms, so the matcher finds
 * "Путина", "Москве", "Kasachstans" without the pack author typing every form.
 *
 * No library: the Russian morphology packages on npm (petrovich, lvovich, russian-nouns-js)
 * cover personal names or common nouns only, none covers German, and they add size to the
 * build. The handful of paradigms the packs use fit in the table below, which has its own tests.
 *
 * Each paradigm gives one list of endings per case slot; a multi-word alias is expanded slot by
 * slot, so its words agree in case ("Владимира Путина", never "Владимира Путину").
 */

export interface Paradigm {
  readonly lang: 'ru' | 'de';
  /** What a lemma must look like, for the error message. */
  readonly fits: string;
  /** The lemma's ending the slot endings replace; a word it does not match does not fit. */
  readonly ending: RegExp;
  /** Alternative endings per case slot (ru: nom gen dat acc ins prep; de: nom gen dat acc).
   *  "~" is the lemma's own ending. */
  readonly slots: readonly (readonly string[])[];
}

const paradigm = (lang: Paradigm['lang'], fits: string, ending: RegExp, slots: string): Paradigm => ({
  lang,
  fits,
  ending,
  slots: slots.split(' ').map((slot) => slot.split('/')),
});

// A hard stem: its endings start with а/о/ы/у, which the spelling rules in `attach` then adjust.
const HARD = '[бвгджзклмнпрстфхцчшщ]';
const re = (source: string): RegExp => new RegExp(source, 'u');

/** Paradigm codes, one per word of the alias, space-separated; "-" keeps a word as it is. */
export const PARADIGMS: Readonly<Record<string, Paradigm>> = {
  'ru-m': paradigm('ru', 'masculine in a hard consonant', re(`(?<=${HARD})$`), '~ а у ~ ом е'),
  'ru-m-anim': paradigm('ru', 'masculine in a hard consonant', re(`(?<=${HARD})$`), '~ а у а ом е'),
  'ru-m-soft': paradigm('ru', 'masculine in -ь', /ь$/, '~ я ю ~ ём/ем е'),
  'ru-m-y': paradigm('ru', 'masculine in a vowel + -й', /(?<=[аеёоуэюя])й$/, '~ я ю ~ ем е'),
  'ru-surname': paradigm('ru', 'surname in -ов/-ев/-ёв/-ин/-ын', /(?<=ов|ев|ёв|ин|ын)$/, '~ а у а ым е'),
  'ru-f-a': paradigm('ru', 'feminine in a consonant + -а', re(`(?<=${HARD})а$`), '~ ы е у ой/ою е'),
  'ru-f-ya': paradigm('ru', 'feminine in -ия', /ия$/, '~ ии ии ию ией/иею ии'),
  'ru-f-soft': paradigm('ru', 'feminine in -ь', /ь$/, '~ и и ~ ью и'),
  // An adjective may stand before a noun of any gender or number, so every slot holds all of them.
  'ru-adj': paradigm(
    'ru',
    'adjective in -ый/-ой, or -ий after г/к/х/ж/ш/щ/ч',
    /(?<=[гкхжшщч])ий$|(?<![гкхжшщч])ый$|ой$/,
    '~/ая/ое/ые ого/ой/ых ому/ой/ым ~/ого/ую/ое/ые/ых ым/ой/ою/ыми ом/ой/ых',
  ),
  'ru-pl-y': paradigm(
    'ru',
    'inanimate plural in -ы, or -и after г/к/х',
    /(?<=[бвдзлмнпрстфц])ы$|(?<=[гкх])и$/,
    '~ ов ам ~ ами ах',
  ),
  'de-s': paradigm('de', 'a word in a lower-case letter', /(?<=\p{Ll})$/u, '~ s ~ ~'),
  'de-es': paradigm('de', 'a word in a lower-case letter', /(?<=\p{Ll})$/u, '~ es/s ~/e ~'),
  'de-n': paradigm('de', 'a word in a lower-case letter', /(?<=\p{Ll})$/u, '~ en en en'),
  // A plural already in -n or -s (Truppen, Autos) takes no dative -n: "-" is the code for it.
  'de-pl-n': paradigm('de', 'a plural not in -n or -s', /(?<=\p{Ll})(?<![ns])$/u, '~ ~ n ~'),
  // Never the bare stem: "russisch" alone is not an inflected form ("Russisch Brot" is a biscuit).
  'de-adj': paradigm(
    'de',
    'a word in a lower-case letter',
    /(?<=\p{Ll})$/u,
    'e/en/er/es/em e/en/er/es/em e/en/er/es/em e/en/er/es/em',
  ),
  'de-f': paradigm('de', 'any word', /$/, '~ ~ ~ ~'),
};

/** Stem + ending, after the spelling rules the endings in the table leave out. */
function attach(p: Paradigm, stem: string, own: string, end: string): string {
  if (end === '~') return stem + own;
  const last = stem.slice(-1).toLowerCase();
  if (p.lang === 'ru') {
    if (end.startsWith('ы') && /[гкхжшщч]/.test(last)) end = 'и' + end.slice(1);
    // Unstressed о is written е after hissing consonants and ц (Парижем, хорошего, немцев). Stress
    // is unknown except in an adjective in -ой, which is end-stressed (большого).
    if (end.startsWith('о') && /[жшщчц]/.test(last) && own !== 'ой') end = 'е' + end.slice(1);
  } else {
    if (end === 's' && /[sßxz]/.test(last)) end = ''; // des Paris, not "des Pariss"
    if (end.startsWith('e') && last === 'e') end = end.slice(1); // Kollege → Kollegen
  }
  return stem + end;
}

/** Every form of `text` under `codes` (the text itself first), deduplicated, in a stable order.
 *  Throws an Error whose message names the alias and the problem (word count differs from code
 *  count, unknown code, a word whose ending does not fit its paradigm). */
export function inflect(text: string, codes: string): string[] {
  const fail = (problem: string): never => {
    throw new Error(`inflect "${text}": ${problem}`);
  };
  const words = text.split(' ');
  const list = codes.trim().split(/\s+/);
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  if (words.length !== list.length) {
    fail(`${count(words.length, 'word')} but ${count(list.length, 'code')} ("${codes.trim()}")`);
  }
  const paradigms = list.map((code) =>
    code === '-' ? null : Object.hasOwn(PARADIGMS, code) ? PARADIGMS[code] : fail(`unknown code "${code}"`),
  );
  const langs = new Set(paradigms.map((p) => p?.lang).filter(Boolean));
  if (langs.size > 1) fail(`mixes Russian and German codes ("${codes.trim()}")`);

  // Per word, per slot, its alternatives; a "-" word is the same in every slot.
  const slots = paradigms.find(Boolean)?.slots.length ?? 0;
  const table = words.map((word, i) => {
    const p = paradigms[i];
    if (!p) return Array.from({ length: slots }, () => [word]);
    // Capitals are an acronym (NATO, США): it does not decline, or not by these rules.
    const tail = word.split(/[-‐‑]/).pop() ?? '';
    if (tail.length > 1 && tail === tail.toUpperCase() && tail !== tail.toLowerCase()) {
      fail(`"${word}" is in capitals; use "-"`);
    }
    const match = p.ending.exec(word) ?? fail(`"${word}" does not fit ${list[i]} (${p.fits})`);
    const stem = word.slice(0, match.index);
    return p.slots.map((slot) => slot.map((end) => attach(p, stem, match[0], end)));
  });

  const forms = new Set([text]);
  for (let s = 0; s < slots; s++) {
    // Within one slot, every combination of the words' alternatives.
    let phrases = [''];
    table.forEach((word, i) => {
      phrases = phrases.flatMap((head) => word[s].map((form) => (i === 0 ? form : `${head} ${form}`)));
    });
    for (const phrase of phrases) forms.add(phrase);
  }
  return [...forms];
}

/** Every form an alias stands for: itself, and its inflections where it names a paradigm. */
export function aliasForms(alias: string | { text: string; inflect?: string }): string[] {
  if (typeof alias === 'string') return [alias];
  if (!alias.inflect) return [alias.text];
  const forms = inflect(alias.text, alias.inflect);
  // An adjective's bare stem is no form of its own: "russisch" alone is "Russisch Brot", a biscuit.
  const codes = alias.inflect.trim().split(/\s+/);
  const words = alias.text.trim().split(/\s+/);
  const bareStem = codes.some((code, i) => code === 'de-adj' && !/(?:e|en|er|es|em)$/.test(words[i] ?? ''));
  return bareStem ? forms.slice(1) : forms;
}
