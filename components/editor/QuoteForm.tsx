/**
 * A quote a page sent: the curator picks an entity of the draft or creates one (id, kind, name,
 * summary, aliases in English, German and Russian), writes the point the quote makes, and adds it.
 */
import { useState } from 'preact/hooks';
import type { QuoteCapture } from '../../core/messages';
import { ENTITY_KINDS } from '../../data/schema';
import { kindLabel } from '../../shared/format';
import { t } from '../../shared/i18n';
import { AliasRows } from './AliasRows';
import { ALIAS_LANGS, emptyEntity, slugify, type EntityInput, type QuoteError, type QuoteTarget } from './draft-model';
import { Field, Select } from './fields';

const NEW = '';

export function QuoteForm(props: {
  capture: QuoteCapture;
  entities: EntityInput[];
  onAdd: (target: QuoteTarget, point: string) => QuoteError | null;
  onDiscard: () => void;
}) {
  const [choice, setChoice] = useState<string>(props.entities[0]?.id ?? NEW);
  const [entity, setEntity] = useState<EntityInput>(emptyEntity);
  const [idEdited, setIdEdited] = useState(false);
  const [point, setPoint] = useState('');
  const [error, setError] = useState<QuoteError | null>(null);
  const creating = choice === NEW;
  const change = (patch: Partial<EntityInput>) => setEntity((e) => ({ ...e, ...patch }));

  const add = () => {
    const target: QuoteTarget = creating ? { entity } : { entityId: choice };
    setError(props.onAdd(target, point));
  };

  return (
    <section class="quote-form" aria-labelledby="quote-title" data-testid="quote-form">
      <h2 id="quote-title">{t('editorQuoteTitle')}</h2>
      <blockquote data-testid="quote-exact">
        <p>“{props.capture.selector.exact.trim()}”</p>
        <footer class="small muted">
          {props.capture.publisher}
          {props.capture.published ? `, ${props.capture.published}` : ''} · {props.capture.title}
        </footer>
      </blockquote>
      <Select
        label={t('editorQuoteEntity')}
        value={choice}
        testId="quote-entity"
        options={[
          ...props.entities.map((e) => ({ value: e.id, label: e.name || e.id })),
          { value: NEW, label: t('editorNewEntity') },
        ]}
        onChange={setChoice}
      />
      {creating && (
        <div class="new-entity" data-testid="new-entity">
          <Field
            label={t('editorEntityName')}
            value={entity.name}
            testId="entity-name"
            required
            onInput={(name) => change(idEdited ? { name } : { name, id: slugify(name, '') })}
          />
          <Field
            label={t('editorEntityId')}
            hint={t('editorEntityIdHint')}
            value={entity.id}
            testId="entity-id"
            required
            onInput={(id) => {
              setIdEdited(true);
              change({ id });
            }}
          />
          <Select
            label={t('editorEntityKind')}
            value={entity.kind}
            options={ENTITY_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
            onChange={(kind) => change({ kind })}
          />
          <Field
            label={t('editorEntitySummary')}
            value={entity.summary}
            multiline
            testId="entity-summary"
            required
            onInput={(summary) => change({ summary })}
          />
          {ALIAS_LANGS.map((lang) => (
            <AliasRows
              key={lang}
              lang={lang}
              testId={`aliases-${lang}`}
              aliases={entity.aliases[lang] ?? []}
              onChange={(list) => change({ aliases: { ...entity.aliases, [lang]: list } })}
            />
          ))}
        </div>
      )}
      <Field
        label={t('editorPoint')}
        hint={t('editorPointHint')}
        value={point}
        multiline
        required
        testId="quote-point"
        error={error ? t(`editorQuoteError_${error}`) : undefined}
        onInput={setPoint}
      />
      <div class="row">
        <button type="button" class="primary" data-testid="quote-add" onClick={add}>
          {t('editorQuoteAdd')}
        </button>
        <button type="button" onClick={props.onDiscard}>
          {t('editorQuoteDiscard')}
        </button>
      </div>
    </section>
  );
}
