/** Labelled form fields for the pack editor: each label is tied to its control, hints and errors are described-by. */
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

interface FieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string;
  /** Shown under the field and announced with it. */
  error?: string;
  multiline?: boolean;
  type?: 'text' | 'url' | 'date';
  testId?: string;
  required?: boolean;
  readOnly?: boolean;
}

export function Field(props: FieldProps) {
  const id = useId();
  const described = [props.hint && `${id}-hint`, props.error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value: props.value,
    'aria-describedby': described,
    'aria-invalid': props.error ? true : undefined,
    'aria-required': props.required || undefined,
    readOnly: props.readOnly,
    'data-testid': props.testId,
    onInput: (e: Event) => props.onInput((e.target as HTMLInputElement).value),
  };
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.multiline ? <textarea rows={3} {...common} /> : <input type={props.type ?? 'text'} {...common} />}
      {props.hint && (
        <p id={`${id}-hint`} class="small muted">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={`${id}-error`} class="small error">
          {props.error}
        </p>
      )}
    </div>
  );
}

export function Select<T extends string>(props: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  testId?: string;
}) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        data-testid={props.testId}
        onChange={(e) => props.onChange((e.target as HTMLSelectElement).value as T)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A titled group of fields with its own messages from the checker. */
export function Group(props: { title: string; messages?: string[]; children: ComponentChildren; testId?: string }) {
  return (
    <fieldset class="group" data-testid={props.testId}>
      <legend>{props.title}</legend>
      {props.children}
      <Messages messages={props.messages ?? []} />
    </fieldset>
  );
}

export function Messages({ messages }: { messages: string[] }) {
  if (!messages.length) return null;
  return (
    <ul class="errors small" data-testid="field-messages">
      {messages.map((m, i) => (
        <li key={i}>{m}</li>
      ))}
    </ul>
  );
}
