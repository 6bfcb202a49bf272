/**
 * An entity's list of cited entries, its facts or its timeline: two text fields and a citation
 * each, a button to remove one and one to add an empty one. One component for both lists, which
 * differ only in their fields' names and labels.
 */
import { t } from '../../shared/i18n';
import type { EntityInput, SourceInput } from './draft-model';
import { Field, Group } from './fields';
import { RefFields, type Cited } from './RefFields';

type Lists = Required<Pick<EntityInput, 'facts' | 'timeline'>>;
type Entry<K extends keyof Lists> = Lists[K][number];
type Change = (key: string, change: (entity: EntityInput) => void) => void;

export function CitedList<K extends keyof Lists>(props: {
  entity: EntityInput;
  list: K;
  title: string;
  fields: readonly { name: keyof Entry<K> & string; label: string; hint?: string }[];
  addLabel: string;
  blank: () => Entry<K>;
  sources: SourceInput[];
  /** The change key of a field of this entity (`entities.<index>.<field>`). */
  keyOf: (field: string) => string;
  onChange: Change;
}) {
  const { list, keyOf, onChange } = props;
  const entries = (props.entity[list] ?? []) as Entry<K>[];
  // An entry being edited exists: the list is there.
  const entriesOf = (e: EntityInput) => e[list] as Entry<K>[];
  return (
    <Group title={props.title}>
      {entries.map((entry, i) => (
        <div class="item" key={i}>
          <div class="grid">
            {props.fields.map((field) => (
              <Field
                key={field.name}
                label={field.label}
                hint={field.hint}
                value={entry[field.name] as string}
                onInput={(v) =>
                  onChange(
                    keyOf(`${list}.${i}.${field.name}`),
                    (e) => ((entriesOf(e)[i] as Record<string, unknown>)[field.name] = v),
                  )
                }
              />
            ))}
          </div>
          <RefFields
            item={entry as Cited}
            sources={props.sources}
            onChange={(c) =>
              onChange(keyOf(`${list}.${i}.ref`), (e) =>
                Object.assign(entriesOf(e)[i]!, { source: c.source, ref: c.ref }),
              )
            }
          />
          <button type="button" onClick={() => onChange(keyOf(list), (e) => entriesOf(e).splice(i, 1))}>
            {t('editorRemove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() =>
          onChange(keyOf(list), (e) => ((e as Lists)[list] = [...(e[list] ?? []), props.blank()] as Lists[K]))
        }
      >
        {props.addLabel}
      </button>
    </Group>
  );
}
