/** Minutes of the meeting as Markdown (saved like the deck's Markdown) or PDF (the deck's print path). */
import { useState } from 'react';
import type * as Y from 'yjs';
import { readItemNotes, type MeetingMeta, type MeetingState } from '@shared/collab/meetingDoc';
import type { ActionItem, Decision } from '@shared/collab/meetingLedger';
import { minutesMarkdown, type MinutesInput } from '@shared/meetings/minutes';
import { minutesPrintParts } from '@shared/meetings/minutesHtml';
import { platform } from '../../platform/platform';
import { useToasts } from '../../ui/Toasts';

/** Props of MinutesExport. */
export interface MinutesExportProps {
  doc: Y.Doc;
  meta: MeetingMeta;
  meeting: MeetingState;
  decisions: readonly Decision[];
  actions: readonly ActionItem[];
}

/** The two export buttons. */
export function MinutesExport({ doc, meta, meeting, decisions, actions }: MinutesExportProps) {
  const toasts = useToasts();
  const [busy, setBusy] = useState(false);
  const input = (): MinutesInput => ({
    meta,
    agenda: meeting.agenda,
    done: meeting.done,
    notes: new Map(meeting.agenda.map((i) => [i.id, readItemNotes(doc, i.id)])),
    decisions,
    actions,
  });
  const run = async (kind: 'md' | 'pdf'): Promise<void> => {
    setBusy(true);
    try {
      const name = `${meta.title} minutes`;
      const result =
        kind === 'md'
          ? await platform.invoke('deck:save', new TextEncoder().encode(minutesMarkdown(input())), name, 'md')
          : await platform.invoke('deck:printToPdf', minutesPrintParts(input()), name);
      if (!result.ok) toasts.show({ kind: 'error', message: result.error.message });
      else if (result.value) toasts.show({ kind: 'success', message: `Minutes saved to ${result.value.path}` });
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="minutes-export">
      <button type="button" className="button" disabled={busy} onClick={() => void run('md')} data-testid="minutes-md">
        Minutes (.md)
      </button>
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => void run('pdf')}
        data-testid="minutes-pdf"
      >
        Minutes (PDF)
      </button>
    </span>
  );
}
