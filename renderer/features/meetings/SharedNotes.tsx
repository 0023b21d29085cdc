/**
 * A textarea bound to a shared `Y.Text`: each edit is applied as the smallest splice, so two people typing
 * in the same notes both keep their words; remote edits show as they arrive.
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { MEETING_LIMITS, spliceText } from '@shared/collab/meetingDoc';

/** Props of SharedNotes. */
export interface SharedNotesProps {
  text: Y.Text;
  readOnly: boolean;
  label: string;
}

/** Discussion notes of one agenda item. */
export function SharedNotes({ text, readOnly, label }: SharedNotesProps) {
  const [value, setValue] = useState(() => text.toString());
  useEffect(() => {
    setValue(text.toString());
    const handle = (): void => setValue(text.toString());
    text.observe(handle);
    return () => text.unobserve(handle);
  }, [text]);
  return (
    <textarea
      className="meeting-notes"
      aria-label={label}
      value={value}
      readOnly={readOnly}
      maxLength={MEETING_LIMITS.notes}
      rows={5}
      placeholder={readOnly ? 'No notes yet.' : 'What was said — anyone can write here.'}
      onChange={(e) => spliceText(text, e.target.value)}
      data-testid="item-notes"
    />
  );
}
