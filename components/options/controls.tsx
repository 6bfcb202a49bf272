/** Small form controls the options sections share. */
import { useRef } from 'preact/hooks';

/** A button that opens the file chooser; the hidden input is reset so the same file can be picked again. */
export function FileButton(props: {
  label: string;
  accept: string;
  testId: string;
  onFile: (file: File | undefined) => Promise<void>;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>
        {props.label}
      </button>
      <input
        ref={input}
        type="file"
        accept={props.accept}
        hidden
        aria-label={props.label}
        data-testid={props.testId}
        onChange={(e) => {
          const element = e.target as HTMLInputElement;
          void props.onFile(element.files?.[0]).finally(() => (element.value = ''));
        }}
      />
    </>
  );
}

/** A set of radio buttons with a legend, one per option. */
export function Choices<T extends string>(props: {
  legend: string;
  name: string;
  options: readonly T[];
  value: T;
  label: (option: T) => string;
  onChange: (option: T) => void;
}) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label class="choice" key={option}>
          <input
            type="radio"
            name={props.name}
            value={option}
            checked={props.value === option}
            onChange={() => props.onChange(option)}
          />
          <span>{props.label(option)}</span>
        </label>
      ))}
    </fieldset>
  );
}
