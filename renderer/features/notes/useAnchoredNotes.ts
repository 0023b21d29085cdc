/**
 * Notes anchored to the words of a playbook's narratives: read (and kept current) from the notes document,
 * highlighted by the editor, added from a selection by people who may write notes. The anchor is computed
 * by the editor; here it is only stored — in the notes document, never in the playbook.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { addAnchoredNote, observeAnchoredNotes, readAnchoredNotes } from '@shared/collab/anchoredNotes';
import type { DealActor } from '@shared/collab/notes';
import type { AnchoredNote } from '@shared/collab/textQuote';
import type { AnchoredNotesPluginProps } from '../../editor/plugins/AnchoredNotesPlugin';
import type { NoteAnchor } from '../../editor/plugins/anchorDom';
import type { NotesSession } from './NotesSession';

/** An anchored note with its id. */
export type StoredAnchoredNote = AnchoredNote & { id: string };

/** What the playbook view needs of anchored notes. */
export interface AnchoredNotesState {
  list: StoredAnchoredNote[];
  /** For the editor: what to highlight, and the "Add note" action when this person may write notes. */
  annotations: AnchoredNotesPluginProps;
  /** The words a note is being written for, while the dialog is open. */
  pending: NoteAnchor | null;
  save: (note: string) => { ok: true } | { ok: false; message: string };
  cancel: () => void;
}

/** Every anchored note of the notes document, re-rendering on each change (local or from the server). */
export function useAnchoredNotes(
  session: NotesSession | null,
  actor: DealActor,
  canWrite: boolean,
): AnchoredNotesState {
  const [list, setList] = useState<StoredAnchoredNote[]>([]);
  const [pending, setPending] = useState<NoteAnchor | null>(null);
  useEffect(() => {
    if (!session) return;
    setList(readAnchoredNotes(session.doc));
    return observeAnchoredNotes(session.doc, setList);
  }, [session]);

  const onAddNote = useMemo(() => (canWrite ? (anchor: NoteAnchor) => setPending(anchor) : undefined), [canWrite]);
  const annotations = useMemo(() => ({ anchors: list, onAddNote }), [list, onAddNote]);
  const cancel = useCallback(() => setPending(null), []);
  const save = (note: string): { ok: true } | { ok: false; message: string } => {
    if (session === null || pending === null) return { ok: false, message: 'The notes are not open yet.' };
    const { author, authorId } = actor;
    const stamp = authorId ? { author, authorId } : { author };
    const result = addAnchoredNote(session.doc, { ...pending, note, ...stamp, createdAt: Date.now() });
    if (!result.ok) return { ok: false, message: result.error.message };
    setPending(null);
    return { ok: true };
  };
  return { list, annotations, pending, save, cancel };
}
