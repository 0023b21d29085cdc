/**
 * One agenda item in a running meeting: what the data says, the discussion notes, the decisions and the
 * action items taken on it. Anyone who may write adds decisions and actions; the presenter marks the item
 * done; an action's owner (or the presenter) ticks it off.
 */
import { forwardRef, useImperativeHandle, useRef, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import type { AgendaItem, Member } from '@shared/collab/meetingDoc';
import type { ActionItem, Decision } from '@shared/collab/meetingLedger';
import { AGENDA_KIND_LABELS } from './agendaLabels';
import { EntryForm } from './EntryForm';
import { SharedNotes } from './SharedNotes';

/** Props of AgendaItemPanel. */
export interface AgendaItemPanelProps {
  item: AgendaItem;
  index: number;
  notes: Y.Text | null;
  decisions: readonly Decision[];
  actions: readonly ActionItem[];
  members: readonly Member[];
  me: Member;
  done: boolean;
  canWrite: boolean;
  presenting: boolean;
  today: string;
  onDecide: (text: string) => void;
  onAct: (input: { text: string; owner: Member; due: string }) => void;
  onToggleDone: () => void;
  onToggleAction: (action: ActionItem) => void;
}

/** Focus targets for the room's shortcuts. */
export interface AgendaItemPanelHandle {
  focusDecision: () => void;
  focusAction: () => void;
}

// What the two entry forms say; the shortcuts are the room's (MeetingRoom), shown beside each button.
const DECISION_ENTRY = {
  className: 'inline-form',
  placeholder: 'We decided…',
  label: 'New decision',
  testId: 'new-decision',
  submitLabel: 'Add decision',
  keys: 'Alt+Shift+D',
} as const;
const ACTION_ENTRY = {
  className: 'action-form',
  placeholder: 'Who does what…',
  label: 'New action item',
  testId: 'new-action',
  submitLabel: 'Add action',
  keys: 'Alt+Shift+A',
} as const;

function inAWeek(today: string): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
}

/** The panel of the current item. */
export const AgendaItemPanel = forwardRef<AgendaItemPanelHandle, AgendaItemPanelProps>(
  function AgendaItemPanel(props, ref) {
    const { item, canWrite, members } = props;
    const decisionRef = useRef<HTMLInputElement>(null);
    const actionRef = useRef<HTMLInputElement>(null);
    const [decision, setDecision] = useState('');
    const [action, setAction] = useState('');
    const [ownerId, setOwnerId] = useState(props.me.id);
    const [due, setDue] = useState(() => inAWeek(props.today));
    useImperativeHandle(ref, () => ({
      focusDecision: () => decisionRef.current?.focus(),
      focusAction: () => actionRef.current?.focus(),
    }));

    const handleDecide = (e: FormEvent): void => {
      e.preventDefault();
      if (!decision.trim()) return;
      props.onDecide(decision.trim());
      setDecision('');
    };
    const handleAct = (e: FormEvent): void => {
      e.preventDefault();
      const owner = members.find((m) => m.id === ownerId);
      if (!action.trim() || !owner) return;
      props.onAct({ text: action.trim(), owner, due });
      setAction('');
    };

    return (
      <section className="agenda-item-panel" aria-labelledby="current-item-title" data-testid="current-item">
        <header className="agenda-item-head">
          <span className={`agenda-kind kind-${item.kind}`}>{AGENDA_KIND_LABELS[item.kind]}</span>
          <h2 id="current-item-title">
            <span className="agenda-item-number">{props.index + 1}.</span> {item.title}
          </h2>
          {props.presenting ? (
            <button
              type="button"
              className={props.done ? 'button button-small' : 'button button-small button-primary'}
              onClick={props.onToggleDone}
              data-testid="item-done"
            >
              {props.done ? 'Reopen item' : 'Mark done'}
            </button>
          ) : (
            props.done && <span className="item-done-tag">Done</span>
          )}
        </header>
        {item.detail && <p className="agenda-item-detail">{item.detail}</p>}

        <h3 className="panel-label">Discussion</h3>
        {props.notes ? (
          <SharedNotes text={props.notes} readOnly={!canWrite} label={`Notes on ${item.title}`} />
        ) : (
          <p className="muted">Notes arrive with the meeting from the server…</p>
        )}

        <div className="panel-columns">
          <div>
            <h3 className="panel-label">
              Decisions <span className="count">{props.decisions.length}</span>
            </h3>
            <ul className="decision-list" data-testid="decisions">
              {props.decisions.map((d) => (
                <li key={d.id} data-testid="decision">
                  <span>{d.text}</span>
                  <span className="muted"> — {d.author}</span>
                </li>
              ))}
            </ul>
            {canWrite && (
              <EntryForm
                {...DECISION_ENTRY}
                onSubmit={handleDecide}
                inputRef={decisionRef}
                value={decision}
                onChange={setDecision}
              />
            )}
          </div>
          <div>
            <h3 className="panel-label">
              Action items <span className="count">{props.actions.length}</span>
            </h3>
            <ul className="action-list" data-testid="actions">
              {props.actions.map((a) => (
                <li key={a.id} className={a.done ? 'is-done' : undefined} data-testid="action">
                  <input
                    type="checkbox"
                    checked={a.done !== null}
                    disabled={!canWrite || !(props.presenting || a.ownerId === props.me.id)}
                    aria-label={`Done: ${a.text}`}
                    onChange={() => props.onToggleAction(a)}
                  />
                  <span className="action-text">{a.text}</span>
                  <span className="action-meta">
                    {a.ownerName} · due {a.due}
                  </span>
                </li>
              ))}
            </ul>
            {canWrite && (
              <EntryForm
                {...ACTION_ENTRY}
                onSubmit={handleAct}
                inputRef={actionRef}
                value={action}
                onChange={setAction}
              >
                <select
                  value={ownerId}
                  onChange={(e) => setOwnerId(e.target.value)}
                  aria-label="Owner"
                  data-testid="action-owner"
                >
                  {members.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.name}
                    </option>
                  ))}
                </select>
                <input
                  type="date"
                  value={due}
                  aria-label="Due"
                  onChange={(e) => setDue(e.target.value || inAWeek(props.today))}
                  data-testid="action-due"
                />
              </EntryForm>
            )}
          </div>
        </div>
      </section>
    );
  },
);
