/**
 * Where a fact or a timeline entry comes from: a source of the pack, or a reference to the original
 * publisher, with the reference policy (data/references.ts) applied to the URL as it is typed.
 */
import { judgeUrl, REFERENCE_POLICY } from '../../data/references';
import type { Reference } from '../../data/schema';
import { t } from '../../shared/i18n';
import { emptyRef, type SourceInput } from './draft-model';
import { Field, Select } from './fields';

export interface Cited {
  source?: string;
  ref?: string | Reference;
}

const REF = '';

export function RefFields(props: { item: Cited; sources: SourceInput[]; onChange: (item: Cited) => void }) {
  const { item } = props;
  const ref: Reference = typeof item.ref === 'string' ? emptyRef(item.ref) : (item.ref ?? emptyRef());
  const setRef = (patch: Partial<Reference>) => {
    const next = { ...ref, ...patch };
    if (!next.date) delete next.date;
    props.onChange({ ...item, source: undefined, ref: next });
  };
  const verdict = ref.url ? judgeUrl(ref.url) : null;
  const kind = verdict?.ok ? REFERENCE_POLICY.kinds.find((k) => k.id === verdict.kind) : undefined;
  return (
    <div class="ref">
      <Select
        label={t('editorCitedFrom')}
        value={item.source ?? REF}
        options={[
          { value: REF, label: t('editorCitedReference') },
          ...props.sources.map((s) => ({ value: s.id, label: s.title || s.id })),
        ]}
        onChange={(source) =>
          props.onChange(source === REF ? { ...item, source: undefined, ref } : { ...item, source, ref: undefined })
        }
      />
      {item.source === undefined && (
        <div class="ref-fields">
          <Field label={t('editorRefPublisher')} value={ref.publisher} onInput={(publisher) => setRef({ publisher })} />
          <Field label={t('editorRefTitle')} value={ref.title} onInput={(title) => setRef({ title })} />
          <Field
            label={t('editorRefDate')}
            hint="YYYY-MM-DD"
            value={ref.date ?? ''}
            onInput={(date) => setRef({ date })}
          />
          <Field
            label={t('editorRefUrl')}
            type="url"
            value={ref.url}
            testId="ref-url"
            hint={verdict?.ok ? t('editorRefAccepted', kind?.label ?? verdict.kind) : undefined}
            error={verdict && !verdict.ok ? verdict.problem : undefined}
            onInput={(url) => setRef({ url })}
          />
        </div>
      )}
    </div>
  );
}
