// Buttons of which exactly one is pressed, in a fieldset named for assistive tools only.
/** A choice among `options` ([value, label]): the form or JSON, the preview's view and width. */
export function Toggle<T extends string>({
  legend,
  value,
  options,
  onValue,
}: {
  legend: string;
  value: T;
  options: Array<[T, string]>;
  onValue(value: T): void;
}) {
  return (
    <fieldset class="actions toggle">
      <legend class="sr">{legend}</legend>
      {options.map(([option, label]) => (
        <button key={option} class="btn" type="button" aria-pressed={value === option} onClick={() => onValue(option)}>
          {label}
        </button>
      ))}
    </fieldset>
  );
}
