/**
 * A labelled text field that suggests values seen before (an HTML datalist), e.g. the competitors and
 * personas already in a deal log: typing stays free, the suggestions save retyping and spelling drift.
 */

/** Props of SuggestField. */
export interface SuggestFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  suggestions: readonly string[];
  /** The datalist's id, unique on the page. */
  listId: string;
  maxLength: number;
  testId?: string;
}

/** The field with its suggestions. */
export function SuggestField({ label, value, onChange, suggestions, listId, maxLength, testId }: SuggestFieldProps) {
  return (
    <label className="field">
      <span>{label}</span>
      <input
        list={listId}
        value={value}
        maxLength={maxLength}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      />
      <datalist id={listId}>
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </label>
  );
}
