/**
 * One language's aliases: the text and, for German and Russian, the paradigm codes that expand its
 * case forms (data/inflect.ts: one code per word, "-" keeps a word as it is).
 */
import { useId } from 'preact/hooks';
import { PARADIGMS } from '../../data/inflect';
import { t } from '../../shared/i18n';
import { languageName } from '../../shared/format';
import type { AliasInput } from './draft-model';

const textOf = (alias: AliasInput) => (typeof alias === 'string' ? alias : alias.text);
const inflectOf = (alias: AliasInput) => (typeof alias === 'string' ? '' : (alias.inflect ?? ''));

/** An alias with only a text is written as a plain string, as the shipped packs do. */
function withParts(alias: AliasInput, text: string, inflect: string): AliasInput {
  const rest = typeof alias === 'string' ? {} : alias;
  const next = { ...rest, text, inflect: inflect.trim() || undefined };
  const keys = Object.entries(next).filter(([, v]) => v !== undefined);
  return keys.length === 1 ? text : (Object.fromEntries(keys) as unknown as AliasInput);
}

export function AliasRows(props: {
  lang: string;
  aliases: AliasInput[];
  onChange: (aliases: AliasInput[]) => void;
  testId: string;
}) {
  const id = useId();
  const codes = Object.entries(PARADIGMS).filter(([, p]) => p.lang === props.lang);
  const set = (i: number, alias: AliasInput) => props.onChange(props.aliases.map((a, j) => (j === i ? alias : a)));
  const language = languageName(props.lang);
  return (
    <fieldset class="aliases" data-testid={props.testId}>
      <legend>{t('editorAliasesIn', language)}</legend>
      {codes.length > 0 && (
        <datalist id={`${id}-codes`}>
          {codes.map(([code, p]) => (
            <option key={code} value={code}>
              {p.fits}
            </option>
          ))}
        </datalist>
      )}
      {props.aliases.map((alias, i) => (
        <div class="row alias-row" key={i}>
          <label>
            <span class="sr-only">{t('editorAliasText', [language, String(i + 1)])}</span>
            <input
              value={textOf(alias)}
              data-testid={`${props.testId}-text`}
              onInput={(e) => set(i, withParts(alias, (e.target as HTMLInputElement).value, inflectOf(alias)))}
            />
          </label>
          {codes.length > 0 && (
            <label>
              <span class="sr-only">{t('editorAliasInflect', [language, String(i + 1)])}</span>
              <input
                class="inflect"
                list={`${id}-codes`}
                placeholder={t('editorInflectPlaceholder')}
                value={inflectOf(alias)}
                data-testid={`${props.testId}-inflect`}
                onInput={(e) => set(i, withParts(alias, textOf(alias), (e.target as HTMLInputElement).value))}
              />
            </label>
          )}
          <button type="button" onClick={() => props.onChange(props.aliases.filter((_, j) => j !== i))}>
            {t('editorRemove')}
            <span class="sr-only"> {textOf(alias)}</span>
          </button>
        </div>
      ))}
      <button type="button" data-testid={`${props.testId}-add`} onClick={() => props.onChange([...props.aliases, ''])}>
        {t('editorAddAlias', language)}
      </button>
    </fieldset>
  );
}
