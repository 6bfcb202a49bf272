/** A draft's own fields (id, title, version, language, date, license) and its sources with their saved texts. */
import { SOURCE_KINDS, type PackInput } from '../../data/schema';
import { t } from '../../shared/i18n';
import { Field, Group, Select } from './fields';

type Edit = (key: string, change: (pack: PackInput) => void) => void;

export function PackForm(props: {
  pack: PackInput;
  texts: Record<string, string>;
  messages: string[];
  sourceMessages: (id: string) => string[];
  onChange: Edit;
}) {
  const { pack, onChange } = props;
  const used = new Set(pack.entities.flatMap((e) => (e.analysis ?? []).map((p) => p.source)));
  return (
    <>
      <Group title={t('editorPack')} messages={props.messages} testId="pack-fields">
        <div class="grid">
          <Field
            label={t('editorPackTitle')}
            value={pack.title}
            testId="pack-title"
            onInput={(v) => onChange('title', (p) => (p.title = v))}
          />
          <Field
            label={t('editorPackId')}
            hint={t('editorEntityIdHint')}
            value={pack.id}
            testId="pack-id"
            onInput={(v) => onChange('id', (p) => (p.id = v))}
          />
          <Field
            label={t('editorPackVersion')}
            value={pack.version}
            onInput={(v) => onChange('version', (p) => (p.version = v))}
          />
          <Field
            label={t('editorPackLanguage')}
            value={pack.language}
            onInput={(v) => onChange('language', (p) => (p.language = v))}
          />
          <Field
            label={t('editorPackUpdated')}
            hint="YYYY-MM-DD"
            value={pack.updated}
            onInput={(v) => onChange('updated', (p) => (p.updated = v))}
          />
        </div>
        <Field
          label={t('editorPackLicense')}
          value={pack.license ?? ''}
          onInput={(v) => onChange('license', (p) => (p.license = v || undefined))}
        />
      </Group>
      <Group title={t('editorSources')}>
        {!pack.sources.length && <p class="small muted">{t('editorNoSources')}</p>}
        {pack.sources.map((source, i) => {
          const key = (field: string) => `sources.${i}.${field}`;
          const text = source.file ? props.texts[source.file] : undefined;
          return (
            <div class="item" key={source.id} data-testid="source">
              <p>
                <strong>{source.id}</strong>{' '}
                <span class="small muted">
                  {text === undefined ? t('editorSourceNoText') : t('editorSourceText', String(text.length))}
                </span>
              </p>
              <div class="grid">
                <Field
                  label={t('editorRefTitle')}
                  value={source.title}
                  onInput={(v) => onChange(key('title'), (p) => (p.sources[i]!.title = v))}
                />
                <Field
                  label={t('editorRefDate')}
                  hint="YYYY-MM-DD"
                  value={source.date}
                  testId="source-date"
                  onInput={(v) => onChange(key('date'), (p) => (p.sources[i]!.date = v))}
                />
                <Select
                  label={t('editorSourceKind')}
                  value={source.kind}
                  options={SOURCE_KINDS.map((k) => ({ value: k, label: t(`sourceKind_${k}`) }))}
                  onChange={(v) => onChange(key('kind'), (p) => (p.sources[i]!.kind = v))}
                />
                <Field
                  label={t('editorSourceAuthor')}
                  value={source.author ?? ''}
                  onInput={(v) => onChange(key('author'), (p) => (p.sources[i]!.author = v || undefined))}
                />
              </div>
              <Field
                label={t('editorRefUrl')}
                type="url"
                value={source.url ?? ''}
                onInput={(v) => onChange(key('url'), (p) => (p.sources[i]!.url = v || undefined))}
              />
              <Field
                label={t('editorSourceLicense')}
                value={source.license}
                onInput={(v) => onChange(key('license'), (p) => (p.sources[i]!.license = v))}
              />
              <ul class="errors small">
                {props.sourceMessages(source.id).map((m, j) => (
                  <li key={j}>{m}</li>
                ))}
              </ul>
              {!used.has(source.id) && (
                <button type="button" onClick={() => onChange('sources', (p) => p.sources.splice(i, 1))}>
                  {t('editorRemove')}
                  <span class="sr-only"> {source.id}</span>
                </button>
              )}
            </div>
          );
        })}
      </Group>
    </>
  );
}
