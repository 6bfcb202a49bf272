/** One entity of a draft: its names, the analysis points that quote the sources, facts, timeline, related entities. */
import { ENTITY_KINDS } from '../../data/schema';
import { kindLabel } from '../../shared/format';
import { t } from '../../shared/i18n';
import { AliasRows } from './AliasRows';
import { ALIAS_LANGS, emptyRef, type EntityInput, type SourceInput } from './draft-model';
import { Field, Group, Messages, Select } from './fields';
import { CitedList } from './CitedList';

type Change = (key: string, change: (entity: EntityInput) => void) => void;

export function EntityForm(props: {
  entity: EntityInput;
  index: number;
  others: EntityInput[];
  sources: SourceInput[];
  messages: string[];
  onChange: Change;
  onRemove: () => void;
}) {
  const { entity, index, onChange } = props;
  const key = (field: string) => `entities.${index}.${field}`;
  const related = entity.related ?? [];
  return (
    <section class="entity-form" aria-labelledby={`entity-${index}-title`} data-testid={`entity-form-${entity.id}`}>
      <h3 id={`entity-${index}-title`}>{entity.name || entity.id || t('editorUnnamed')}</h3>
      <Messages messages={props.messages} />
      <div class="grid">
        <Field
          label={t('editorEntityName')}
          value={entity.name}
          onInput={(v) => onChange(key('name'), (e) => (e.name = v))}
        />
        <Field
          label={t('editorEntityId')}
          hint={t('editorEntityIdHint')}
          value={entity.id}
          onInput={(v) => onChange(key('id'), (e) => (e.id = v))}
        />
        <Select
          label={t('editorEntityKind')}
          value={entity.kind}
          options={ENTITY_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
          onChange={(v) => onChange(key('kind'), (e) => (e.kind = v))}
        />
      </div>
      <Field
        label={t('editorEntitySummary')}
        value={entity.summary}
        multiline
        onInput={(v) => onChange(key('summary'), (e) => (e.summary = v))}
      />
      {ALIAS_LANGS.map((lang) => (
        <AliasRows
          key={lang}
          lang={lang}
          testId={`entity-${index}-aliases-${lang}`}
          aliases={entity.aliases[lang] ?? []}
          onChange={(list) => onChange(key(`aliases.${lang}`), (e) => (e.aliases[lang] = list))}
        />
      ))}

      <Group title={t('editorAnalysis')}>
        {(entity.analysis ?? []).map((point, i) => (
          <div class="item" key={i} data-testid="analysis-point">
            <Field
              label={t('editorPoint')}
              value={point.point}
              multiline
              onInput={(v) => onChange(key(`analysis.${i}`), (e) => (e.analysis![i]!.point = v))}
            />
            <blockquote>
              <p>“{point.quote}”</p>
              <footer class="small muted">{t('editorQuoteWhere', [point.source, String(point.paragraph)])}</footer>
            </blockquote>
            <button type="button" onClick={() => onChange(key('analysis'), (e) => e.analysis!.splice(i, 1))}>
              {t('editorRemovePoint')}
            </button>
          </div>
        ))}
        {!(entity.analysis ?? []).length && <p class="small muted">{t('editorNoPoints')}</p>}
      </Group>

      <CitedList
        entity={entity}
        list="facts"
        title={t('editorFacts')}
        fields={[
          { name: 'label', label: t('editorFactLabel') },
          { name: 'value', label: t('editorFactValue') },
        ]}
        addLabel={t('editorAddFact')}
        blank={() => ({ label: '', value: '', ref: emptyRef() })}
        sources={props.sources}
        keyOf={key}
        onChange={onChange}
      />

      <CitedList
        entity={entity}
        list="timeline"
        title={t('editorTimeline')}
        fields={[
          { name: 'date', label: t('editorRefDate'), hint: 'YYYY-MM-DD' },
          { name: 'label', label: t('editorTimelineLabel') },
        ]}
        addLabel={t('editorAddTimeline')}
        blank={() => ({ date: '', label: '', ref: emptyRef() })}
        sources={props.sources}
        keyOf={key}
        onChange={onChange}
      />

      <Group title={t('editorRelated')}>
        {related.map((rel, i) => (
          <div class="row" key={i}>
            <Select
              label={t('editorRelatedEntity')}
              value={rel.id}
              options={props.others.map((o) => ({ value: o.id, label: o.name || o.id }))}
              onChange={(v) => onChange(key(`related.${i}.id`), (e) => (e.related![i]!.id = v))}
            />
            <Field
              label={t('editorRelation')}
              value={rel.relation}
              onInput={(v) => onChange(key(`related.${i}.relation`), (e) => (e.related![i]!.relation = v))}
            />
            <button type="button" onClick={() => onChange(key('related'), (e) => e.related!.splice(i, 1))}>
              {t('editorRemove')}
            </button>
          </div>
        ))}
        {props.others.length > 0 && (
          <button
            type="button"
            onClick={() =>
              onChange(
                key('related'),
                (e) => (e.related = [...(e.related ?? []), { id: props.others[0]!.id, relation: '' }]),
              )
            }
          >
            {t('editorAddRelated')}
          </button>
        )}
      </Group>
      <button type="button" onClick={props.onRemove}>
        {t('editorRemoveEntity')}
      </button>
    </section>
  );
}
