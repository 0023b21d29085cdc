/**
 * The agenda of a running meeting: where everyone is, which items are done; the presenter reorders it and
 * anyone who may write adds an item that came up.
 */
import { useState } from 'react';
import type * as Y from 'yjs';
import { addAgendaItem, MEETING_LIMITS, reorderAgenda, type MeetingState } from '@shared/collab/meetingDoc';
import { newId } from '@shared/domain/ids';
import { Kbd } from '../../ui/Kbd';
import type { FollowState } from './useFollowPresenter';

/** Props of AgendaNav. */
export interface AgendaNavProps {
  doc: Y.Doc | null;
  meeting: MeetingState;
  follow: FollowState;
  canWrite: boolean;
}

/** The left column of the meeting room. */
export function AgendaNav({ doc, meeting, follow, canWrite }: AgendaNavProps) {
  const [text, setText] = useState('');
  const ids = meeting.agenda.map((i) => i.id);
  const move = (index: number, delta: -1 | 1): void => {
    if (!doc) return;
    const next = [...ids];
    const [id] = next.splice(index, 1);
    next.splice(index + delta, 0, id!);
    reorderAgenda(doc, next);
  };
  const add = (): void => {
    const title = text.trim();
    if (!doc || !title || meeting.agenda.length >= MEETING_LIMITS.items) return;
    addAgendaItem(doc, { id: newId('i'), kind: 'custom', title: title.slice(0, MEETING_LIMITS.title), detail: '' });
    setText('');
  };
  return (
    <nav className="agenda-nav" aria-label="Agenda">
      <ol className="agenda-list" data-testid="agenda">
        {meeting.agenda.map((item, i) => {
          const current = item.id === follow.currentId;
          return (
            <li key={item.id} className="agenda-entry">
              <button
                type="button"
                className={current ? 'agenda-row is-current' : 'agenda-row'}
                aria-current={current ? 'step' : undefined}
                onClick={() => follow.go(item.id)}
                data-testid="agenda-item"
              >
                <span className="agenda-row-number">{meeting.done.has(item.id) ? '✓' : i + 1}</span>
                <span className="agenda-row-title">{item.title}</span>
                {item.id === follow.presenterItemId && !follow.presenting && (
                  <span className="presenter-pin" title={`${meeting.meta?.presenter?.name} is here`}>
                    ▶
                  </span>
                )}
              </button>
              {follow.presenting && current && (
                <span className="agenda-move">
                  <button
                    type="button"
                    className="icon-button"
                    disabled={i === 0}
                    aria-label={`Move “${item.title}” earlier`}
                    onClick={() => move(i, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    disabled={i === ids.length - 1}
                    aria-label={`Move “${item.title}” later`}
                    onClick={() => move(i, 1)}
                  >
                    ↓
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {canWrite && doc && (
        <form
          className="agenda-add agenda-add-live"
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
        >
          <input
            value={text}
            maxLength={MEETING_LIMITS.title}
            placeholder="Add an item that came up"
            aria-label="New agenda item"
            onChange={(e) => setText(e.target.value)}
            data-testid="live-agenda-item"
          />
        </form>
      )}
      <p className="agenda-keys muted">
        <Kbd keys="Alt+↓" /> next · <Kbd keys="Alt+↑" /> previous
      </p>
    </nav>
  );
}
