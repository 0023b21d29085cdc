/**
 * A one-line entry in a running meeting (a decision, an action item): the text, any extra fields, the
 * submit button and its shortcut. The room's shortcuts focus the text through `inputRef`.
 */
import type { FormEvent, ReactNode, RefObject } from 'react';
import { LEDGER_LIMITS } from '@shared/collab/meetingLedger';
import { Kbd } from '../../ui/Kbd';

/** Props of EntryForm. */
export interface EntryFormProps {
  className: string;
  inputRef: RefObject<HTMLInputElement | null>;
  value: string;
  onChange: (value: string) => void;
  onSubmit: (event: FormEvent) => void;
  placeholder: string;
  /** The text field's accessible name. */
  label: string;
  testId: string;
  submitLabel: string;
  /** The shortcut that focuses the field ("Alt+Shift+D"). */
  keys: string;
  /** Fields between the text and the button (owner, due date). */
  children?: ReactNode;
}

/** The entry form. */
export function EntryForm(props: EntryFormProps) {
  return (
    <form className={props.className} onSubmit={props.onSubmit}>
      <input
        ref={props.inputRef}
        value={props.value}
        maxLength={LEDGER_LIMITS.text}
        placeholder={props.placeholder}
        aria-label={props.label}
        onChange={(e) => props.onChange(e.target.value)}
        data-testid={props.testId}
      />
      {props.children}
      <button type="submit" className="button button-small">
        {props.submitLabel}
      </button>
      <Kbd keys={props.keys} />
    </form>
  );
}
