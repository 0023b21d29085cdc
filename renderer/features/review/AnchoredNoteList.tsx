/**
 * Notes anchored to the words of narratives, as the review shows them: the quoted words, the note, who
 * wrote it and when — and "orphaned" when the quoted words are no longer in the narrative (edited away, or
 * the narrative deleted), resolved afresh against each narrative's current text. Virtualized like the deal
 * notes: only the cards on screen are rendered (and resolved).
 */
import { useMemo } from 'react';
import { resolveAnchor, type AnchoredNote } from '@shared/collab/textQuote';
import type { NarrativeSummary } from '@shared/domain/narrative';
import { formatDay } from './reviewFormat';
import { VirtualList } from './VirtualList';

type StoredNote = AnchoredNote & { id: string };

/** Props of AnchoredNoteList. */
export interface AnchoredNoteListProps {
  notes: readonly StoredNote[];
  narratives: readonly NarrativeSummary[];
  /** Each narrative's current plain text, by id. */
  texts: ReadonlyMap<string, string>;
  /** Only this narrative's notes (without the narrative's name on each card). */
  narrativeId?: string;
}

/** The anchored notes, newest first; each names its narrative unless one narrative is given. */
export function AnchoredNoteList({ notes, narratives, texts, narrativeId }: AnchoredNoteListProps) {
  const shown = useMemo(
    () => (narrativeId === undefined ? notes : notes.filter((n) => n.narrativeId === narrativeId)),
    [notes, narrativeId],
  );
  const titles = useMemo(() => new Map(narratives.map((n) => [n.id, n.title || 'Untitled narrative'])), [narratives]);
  if (shown.length === 0) return null;
  const renderNote = (note: StoredNote) => {
    const orphaned = resolveAnchor(texts.get(note.narrativeId) ?? null, note.selector).status === 'orphaned';
    return (
      <div
        className={orphaned ? 'deal-card anchored-card is-orphaned' : 'deal-card anchored-card'}
        data-testid="anchored-note-card"
      >
        {narrativeId === undefined && (
          <p className="anchored-group-title">{titles.get(note.narrativeId) ?? 'A deleted narrative'}</p>
        )}
        <blockquote className="anchored-quote">{note.selector.exact}</blockquote>
        <p className="deal-card-note">{note.note}</p>
        <div className="deal-card-foot">
          <span>
            by {note.author} · {formatDay(note.createdAt)}
          </span>
          {orphaned && (
            <span className="tag tag-warn" title="These words are no longer in the narrative." data-testid="orphaned">
              orphaned
            </span>
          )}
        </div>
      </div>
    );
  };
  return (
    <section className="review-notes anchored-notes" aria-label="Notes on the words" data-testid="anchored-notes">
      <div className="review-section-head">
        <h3>Notes on the words</h3>
      </div>
      <VirtualList
        items={shown}
        getKey={(note) => note.id}
        estimateSize={110}
        gap={8}
        label="Notes on the words, newest first"
        className="anchored-list-scroll"
        renderItem={renderNote}
      />
    </section>
  );
}
