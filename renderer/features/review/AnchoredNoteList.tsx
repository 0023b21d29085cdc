/**
 * Notes anchored to the words of narratives, as the review shows them: the quoted words, the note, who
 * wrote it and when — and "orphaned" when the quoted words are no longer in the narrative (edited away, or
 * the narrative deleted), resolved afresh against each narrative's current text.
 */
import { useMemo } from 'react';
import { resolveAnchor, type AnchoredNote } from '@shared/collab/textQuote';
import type { NarrativeSummary } from '@shared/domain/narrative';

/** Props of AnchoredNoteList. */
export interface AnchoredNoteListProps {
  notes: readonly (AnchoredNote & { id: string })[];
  narratives: readonly NarrativeSummary[];
  /** Each narrative's current plain text, by id. */
  texts: ReadonlyMap<string, string>;
  /** Only this narrative's notes (without a heading per narrative). */
  narrativeId?: string;
}

/** The anchored notes, newest first, grouped by narrative unless one narrative is given. */
export function AnchoredNoteList({ notes, narratives, texts, narrativeId }: AnchoredNoteListProps) {
  const groups = useMemo(() => {
    const shown = narrativeId === undefined ? notes : notes.filter((n) => n.narrativeId === narrativeId);
    const byNarrative = new Map<string, (AnchoredNote & { id: string })[]>();
    for (const note of shown) byNarrative.set(note.narrativeId, [...(byNarrative.get(note.narrativeId) ?? []), note]);
    return [...byNarrative];
  }, [notes, narrativeId]);
  if (groups.length === 0) return null;
  const titleOf = (id: string): string => {
    const narrative = narratives.find((n) => n.id === id);
    return narrative ? narrative.title || 'Untitled narrative' : 'A deleted narrative';
  };
  return (
    <section className="review-notes anchored-notes" aria-label="Notes on the words" data-testid="anchored-notes">
      <div className="review-section-head">
        <h3>Notes on the words</h3>
      </div>
      {groups.map(([id, list]) => (
        <div key={id} className="anchored-group">
          {narrativeId === undefined && <h4 className="anchored-group-title">{titleOf(id)}</h4>}
          <ol className="deal-list">
            {list.map((note) => {
              const orphaned = resolveAnchor(texts.get(id) ?? null, note.selector).status === 'orphaned';
              return (
                <li
                  key={note.id}
                  className={orphaned ? 'deal-card anchored-card is-orphaned' : 'deal-card anchored-card'}
                  data-testid="anchored-note-card"
                >
                  <blockquote className="anchored-quote">{note.selector.exact}</blockquote>
                  <p className="deal-card-note">{note.note}</p>
                  <div className="deal-card-foot">
                    <span>
                      by {note.author} · {new Date(note.createdAt).toLocaleDateString()}
                    </span>
                    {orphaned && (
                      <span
                        className="tag tag-warn"
                        title="These words are no longer in the narrative."
                        data-testid="orphaned"
                      >
                        orphaned
                      </span>
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
        </div>
      ))}
    </section>
  );
}
