/** Inflected alias forms: the paradigm table, agreement across words, and the author's errors. */
import { describe, expect, it } from 'vitest';
import { aliasForms, inflect, PARADIGMS } from '../../data/inflect';

/** One real word per code, with every form it must give (lemma first, no repeats). */
const samples: Record<string, [string, string[]][]> = {
  'ru-m': [
    ['Казахстан', ['Казахстан', 'Казахстана', 'Казахстану', 'Казахстаном', 'Казахстане']],
    ['Совет', ['Совет', 'Совета', 'Совету', 'Советом', 'Совете']],
    ['Ташкент', ['Ташкент', 'Ташкента', 'Ташкенту', 'Ташкентом', 'Ташкенте']],
    ['Париж', ['Париж', 'Парижа', 'Парижу', 'Парижем', 'Париже']],
  ],
  'ru-m-anim': [
    ['Владимир', ['Владимир', 'Владимира', 'Владимиру', 'Владимиром', 'Владимире']],
    ['Нурсултан', ['Нурсултан', 'Нурсултана', 'Нурсултану', 'Нурсултаном', 'Нурсултане']],
    ['Касым-Жомарт', ['Касым-Жомарт', 'Касым-Жомарта', 'Касым-Жомарту', 'Касым-Жомартом', 'Касым-Жомарте']],
  ],
  'ru-m-soft': [['Кремль', ['Кремль', 'Кремля', 'Кремлю', 'Кремлём', 'Кремлем', 'Кремле']]],
  'ru-m-y': [['Китай', ['Китай', 'Китая', 'Китаю', 'Китаем', 'Китае']]],
  'ru-surname': [
    ['Путин', ['Путин', 'Путина', 'Путину', 'Путиным', 'Путине']],
    ['Токаев', ['Токаев', 'Токаева', 'Токаеву', 'Токаевым', 'Токаеве']],
    ['Тоқаев', ['Тоқаев', 'Тоқаева', 'Тоқаеву', 'Тоқаевым', 'Тоқаеве']],
    ['Назарбаев', ['Назарбаев', 'Назарбаева', 'Назарбаеву', 'Назарбаевым', 'Назарбаеве']],
  ],
  'ru-f-a': [
    ['Москва', ['Москва', 'Москвы', 'Москве', 'Москву', 'Москвой', 'Москвою']],
    ['Америка', ['Америка', 'Америки', 'Америке', 'Америку', 'Америкой', 'Америкою']],
  ],
  'ru-f-ya': [
    ['Россия', ['Россия', 'России', 'Россию', 'Россией', 'Россиею']],
    ['Армения', ['Армения', 'Армении', 'Армению', 'Арменией', 'Армениею']],
    ['Азия', ['Азия', 'Азии', 'Азию', 'Азией', 'Азиею']],
  ],
  'ru-f-soft': [['Беларусь', ['Беларусь', 'Беларуси', 'Беларусью']]],
  'ru-adj': [
    [
      'российский',
      [
        'российский',
        'российская',
        'российское',
        'российские',
        'российского',
        'российской',
        'российских',
        'российскому',
        'российским',
        'российскую',
        'российскою',
        'российскими',
        'российском',
      ],
    ],
    [
      'коллективный',
      [
        'коллективный',
        'коллективная',
        'коллективное',
        'коллективные',
        'коллективного',
        'коллективной',
        'коллективных',
        'коллективному',
        'коллективным',
        'коллективную',
        'коллективною',
        'коллективными',
        'коллективном',
      ],
    ],
  ],
  'ru-pl-y': [
    ['протесты', ['протесты', 'протестов', 'протестам', 'протестами', 'протестах']],
    ['беспорядки', ['беспорядки', 'беспорядков', 'беспорядкам', 'беспорядками', 'беспорядках']],
  ],
  'de-s': [
    ['Kasachstan', ['Kasachstan', 'Kasachstans']],
    ['Putin', ['Putin', 'Putins']],
    ['Russland', ['Russland', 'Russlands']],
    ['Paris', ['Paris']],
    ['Kreuz', ['Kreuz']],
  ],
  'de-es': [
    ['Rat', ['Rat', 'Rates', 'Rats', 'Rate']],
    ['NATO-Russland-Rat', ['NATO-Russland-Rat', 'NATO-Russland-Rates', 'NATO-Russland-Rats', 'NATO-Russland-Rate']],
  ],
  'de-n': [
    ['Präsident', ['Präsident', 'Präsidenten']],
    ['Soldat', ['Soldat', 'Soldaten']],
    ['Kollege', ['Kollege', 'Kollegen']],
  ],
  'de-pl-n': [
    ['Massenproteste', ['Massenproteste', 'Massenprotesten']],
    ['Proteste', ['Proteste', 'Protesten']],
  ],
  'de-adj': [
    ['russisch', ['russisch', 'russische', 'russischen', 'russischer', 'russisches', 'russischem']],
    ['kasachisch', ['kasachisch', 'kasachische', 'kasachischen', 'kasachischer', 'kasachisches', 'kasachischem']],
  ],
  'de-f': [['Ukraine', ['Ukraine']]],
};

describe('inflect: one word per code', () => {
  it('every code in the table has a sample here', () => {
    expect(Object.keys(samples).sort()).toEqual(Object.keys(PARADIGMS).sort());
  });

  for (const [code, cases] of Object.entries(samples)) {
    it.each(cases)(`${code}: %s`, (word, forms) => {
      expect(inflect(word, code)).toEqual(forms);
    });
  }

  it('ru-adj: ы is и after г/к/х/ж/ш/щ/ч', () => {
    expect(inflect('белорусский', 'ru-adj')).toContain('белорусские');
    expect(inflect('казахстанский', 'ru-adj')).toEqual(
      expect.arrayContaining(['казахстанских', 'казахстанским', 'казахстанскими']),
    );
    expect(inflect('казахстанский', 'ru-adj').some((form) => /ы/.test(form))).toBe(false);
  });

  it('ru-adj: unstressed о is е after hissing consonants, stressed -ой keeps о', () => {
    expect(inflect('хороший', 'ru-adj')).toEqual(
      expect.arrayContaining(['хорошего', 'хорошему', 'хорошей', 'хорошее', 'хорошем', 'хорошие']),
    );
    expect(inflect('большой', 'ru-adj')).toEqual(
      expect.arrayContaining(['большого', 'большому', 'большое', 'большом', 'большие', 'большая']),
    );
    expect(inflect('молодой', 'ru-adj')).toContain('молодые');
  });

  it('ru-pl-y: after ц the genitive is -ев', () => {
    expect(inflect('немцы', 'ru-pl-y')).toContain('немцев');
  });

  it('de-adj: every slot holds an ending, never the bare stem', () => {
    // Only the alias text itself is bare: no slot yields "Russisch Brot" (a biscuit, not Russia).
    const forms = inflect('russisch Brot', 'de-adj -');
    expect(forms[0]).toBe('russisch Brot');
    expect(forms.slice(1)).not.toContain('russisch Brot');
    expect(forms.slice(1)).toEqual([
      'russische Brot',
      'russischen Brot',
      'russischer Brot',
      'russisches Brot',
      'russischem Brot',
    ]);
  });

  it('"-" and a hyphenated prefix keep their case and text', () => {
    expect(inflect('Ex-Präsident', 'de-n')).toEqual(['Ex-Präsident', 'Ex-Präsidenten']);
    expect(inflect('НАТО', '-')).toEqual(['НАТО']);
    expect(inflect('Путин', '-')).toEqual(['Путин']);
  });

  it('words split on spaces only: other whitespace stays inside the word', () => {
    expect(inflect('Владимир\u00a0Путин', 'ru-surname')).toContain('Владимир\u00a0Путина');
  });
});

describe('inflect: words agree in case', () => {
  it('"Владимир Путин": one form per case slot, never mixed cases', () => {
    const forms = inflect('Владимир Путин', 'ru-m-anim ru-surname');
    // Six slots; the accusative equals the genitive, so five distinct forms.
    expect(forms).toEqual([
      'Владимир Путин',
      'Владимира Путина',
      'Владимиру Путину',
      'Владимиром Путиным',
      'Владимире Путине',
    ]);
    expect(forms).not.toContain('Владимира Путину');
    expect(forms).not.toContain('Владимиру Путина');
  });

  it('"Совет Россия — НАТО": the apposition, the dash and НАТО stay as written', () => {
    expect(inflect('Совет Россия — НАТО', 'ru-m - - -')).toEqual([
      'Совет Россия — НАТО',
      'Совета Россия — НАТО',
      'Совету Россия — НАТО',
      'Советом Россия — НАТО',
      'Совете Россия — НАТО',
    ]);
  });

  it('alternatives within one slot combine; slots do not', () => {
    const forms = inflect('российский президент', 'ru-adj ru-m-anim');
    expect(forms).toEqual(
      expect.arrayContaining(['российского президента', 'российской президента', 'российским президентом']),
    );
    expect(forms).not.toContain('российского президенту');
    expect(inflect('Москва', 'ru-f-a')).toEqual(expect.arrayContaining(['Москвой', 'Москвою']));
  });

  it('"Präsident Kasachstans": the second word as given', () => {
    expect(inflect('Präsident Kasachstans', 'de-n -')).toEqual(['Präsident Kasachstans', 'Präsidenten Kasachstans']);
  });

  it('German agreement with alternatives in the genitive', () => {
    expect(inflect('NATO-Russland-Rat Russlands', 'de-es -')).toEqual([
      'NATO-Russland-Rat Russlands',
      'NATO-Russland-Rates Russlands',
      'NATO-Russland-Rats Russlands',
      'NATO-Russland-Rate Russlands',
    ]);
  });
});

describe('inflect: order and duplicates', () => {
  it('the lemma is always first, and no form repeats', () => {
    for (const [code, cases] of Object.entries(samples)) {
      for (const [word] of cases) {
        const forms = inflect(word, code);
        expect(forms[0]).toBe(word);
        expect(new Set(forms).size).toBe(forms.length);
      }
    }
  });

  it('the same input gives the same order every time', () => {
    const once = inflect('российский президент', 'ru-adj ru-m-anim');
    expect(inflect('российский президент', 'ru-adj ru-m-anim')).toEqual(once);
    expect(once.slice(0, 3)).toEqual(['российский президент', 'российская президент', 'российское президент']);
  });

  it('codes tolerate extra spaces; all "-" gives the text alone', () => {
    expect(inflect('Путин', '  ru-surname ')).toContain('Путина');
    expect(inflect('Russisch Brot', '- -')).toEqual(['Russisch Brot']);
  });
});

describe('inflect: errors name the alias and the problem', () => {
  it('word count differs from code count', () => {
    expect(() => inflect('Владимир Путин', 'ru-surname')).toThrow(
      new Error('inflect "Владимир Путин": 2 words but 1 code ("ru-surname")'),
    );
    expect(() => inflect('Путин', 'ru-m-anim ru-surname')).toThrow(
      new Error('inflect "Путин": 1 word but 2 codes ("ru-m-anim ru-surname")'),
    );
  });

  it('unknown code, including names on Object.prototype', () => {
    expect(() => inflect('Путин', 'ru-x')).toThrow(new Error('inflect "Путин": unknown code "ru-x"'));
    expect(() => inflect('Путин', 'constructor')).toThrow(new Error('inflect "Путин": unknown code "constructor"'));
  });

  it('a word whose ending does not fit its paradigm', () => {
    expect(() => inflect('Казахстан', 'ru-f-a')).toThrow(
      new Error('inflect "Казахстан": "Казахстан" does not fit ru-f-a (feminine in a consonant + -а)'),
    );
    expect(() => inflect('синий', 'ru-adj')).toThrow(/"синий" does not fit ru-adj/);
    expect(() => inflect('Геннадий', 'ru-m-y')).toThrow(/"Геннадий" does not fit ru-m-y/);
    expect(() => inflect('Truppen', 'de-pl-n')).toThrow(
      new Error('inflect "Truppen": "Truppen" does not fit de-pl-n (a plural not in -n or -s)'),
    );
  });

  it('an all-caps word takes "-", not a paradigm', () => {
    expect(() => inflect('NATO', 'de-s')).toThrow(new Error('inflect "NATO": "NATO" is in capitals; use "-"'));
    expect(() => inflect('Совет НАТО', 'ru-m ru-m')).toThrow(
      new Error('inflect "Совет НАТО": "НАТО" is in capitals; use "-"'),
    );
  });

  it('Russian and German codes in one alias', () => {
    expect(() => inflect('Präsident Путин', 'de-n ru-surname')).toThrow(
      new Error('inflect "Präsident Путин": mixes Russian and German codes ("de-n ru-surname")'),
    );
  });
});

describe('aliasForms', () => {
  it('drops a German adjective’s bare stem but keeps an inflected lemma', () => {
    expect(aliasForms({ text: 'russisch', inflect: 'de-adj' })).toEqual([
      'russische',
      'russischen',
      'russischer',
      'russisches',
      'russischem',
    ]);
    expect(aliasForms({ text: 'russische Regierung', inflect: 'de-adj -' })[0]).toBe('russische Regierung');
    expect(aliasForms('Putin')).toEqual(['Putin']);
    expect(aliasForms({ text: 'Putin' })).toEqual(['Putin']);
  });
});
