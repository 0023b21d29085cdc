/**
 * "New joint review": date, playbook, participants from the known members, and the agenda Duet proposes
 * from the data, which the organiser reorders, trims and adds to before creating the meeting.
 */
import { useMemo, useState, type FormEvent } from 'react';
import type { Goal } from '@shared/collab/goals';
import type { AgendaItem, Member } from '@shared/collab/meetingDoc';
import type { Ledger } from '@shared/collab/meetingLedger';
import { newId } from '@shared/domain/ids';
import type { PlaybookMeta } from '@shared/domain/playbook';
import { proposeAgenda } from '@shared/meetings/proposeAgenda';
import { FormError } from '../../ui/FormError';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { useApprovalFacts } from '../governance';
import { AGENDA_KIND_LABELS } from './agendaLabels';
import { authorsAsMembers, knownMembers, useRoster, type Me } from './meetingPeople';
import { usePlaybookFacts } from './usePlaybookFacts';

/** What the dialog creates. */
export interface NewMeeting {
  title: string;
  date: string;
  playbookId: string;
  participants: Member[];
  agenda: AgendaItem[];
}

/** Props of NewMeetingDialog. */
export interface NewMeetingDialogProps {
  playbooks: readonly PlaybookMeta[];
  goals: readonly Goal[];
  ledger: Ledger;
  me: Me;
  present: readonly Member[];
  today: string;
  onCreate: (meeting: NewMeeting) => void;
  onClose: () => void;
}

/** The new-meeting dialog. */
export function NewMeetingDialog(props: NewMeetingDialogProps) {
  const { playbooks, ledger, me, today } = props;
  const [title, setTitle] = useState(`Joint review ${today}`);
  const [date, setDate] = useState(today);
  const [playbookId, setPlaybookId] = useState(ledger.meetings[0]?.playbookId ?? playbooks[0]?.id ?? '');
  const [edited, setEdited] = useState<AgendaItem[] | null>(null);
  const [newItem, setNewItem] = useState('');
  const [error, setError] = useState<string | null>(null);
  const facts = usePlaybookFacts(playbookId || null);
  const approvalGoal = props.goals.some((g) => g.playbookId === playbookId && g.metric === 'approval-age');
  const approvals = useApprovalFacts(approvalGoal ? playbookId : null);
  const roster = useRoster();
  const members = useMemo(
    () => knownMembers(me, roster, props.present, authorsAsMembers(facts.deals.map((d) => d.author))),
    [me, roster, props.present, facts.deals],
  );
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set([me.id]));

  const proposal = useMemo(() => {
    const last = ledger.meetings.find((m) => m.playbookId === playbookId) ?? null;
    return proposeAgenda({
      today,
      lastMeeting: last && { date: last.date, createdAt: last.createdAt },
      goals: props.goals.filter((g) => g.playbookId === playbookId),
      deals: facts.deals,
      narratives: new Map(facts.narratives.map((n) => [n.id, n.title || 'Untitled narrative'])),
      versions: facts.versions,
      actions: ledger.actions,
      approvals: approvals ?? undefined,
    });
  }, [ledger, playbookId, props.goals, facts, today, approvals]);
  const agenda = edited ?? proposal;

  const edit = (next: AgendaItem[]): void => setEdited(next);
  const move = (index: number, delta: -1 | 1): void => {
    const next = [...agenda];
    const [item] = next.splice(index, 1);
    next.splice(index + delta, 0, item!);
    edit(next);
  };
  const addItem = (): void => {
    const text = newItem.trim();
    if (!text) return;
    edit([...agenda, { id: newId('i'), kind: 'custom', title: text.slice(0, 160), detail: '' }]);
    setNewItem('');
  };

  const handleSubmit = (event: FormEvent): void => {
    event.preventDefault();
    if (!title.trim()) return setError('Name the meeting.');
    if (!playbookId) return setError('Pick the playbook whose deals the meeting reviews.');
    if (agenda.length === 0) return setError('Add at least one agenda item.');
    props.onCreate({
      title: title.trim(),
      date,
      playbookId,
      participants: members.filter((m) => chosen.has(m.id)),
      agenda,
    });
  };

  return (
    <Dialog
      title="New joint review"
      open
      wide
      onClose={props.onClose}
      testId="new-meeting-dialog"
      footer={<FormActions formId="new-meeting-form" submitLabel="Create meeting" onCancel={props.onClose} />}
    >
      <form id="new-meeting-form" className="form new-meeting" onSubmit={handleSubmit}>
        <div className="form-row">
          <label className="field">
            <span>Title</span>
            <input
              value={title}
              maxLength={160}
              onChange={(e) => setTitle(e.target.value)}
              data-testid="meeting-title"
            />
          </label>
          <label className="field">
            <span>Date</span>
            <input type="date" value={date} onChange={(e) => setDate(e.target.value || today)} />
          </label>
          <label className="field">
            <span>Reviews the deals of</span>
            <select
              value={playbookId}
              onChange={(e) => {
                setPlaybookId(e.target.value);
                setEdited(null);
              }}
            >
              {playbooks.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          </label>
        </div>
        <fieldset className="participants">
          <legend>Participants</legend>
          {members.map((m) => (
            <label key={m.id} className="participant-chip">
              <input
                type="checkbox"
                checked={chosen.has(m.id)}
                onChange={(e) => {
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(m.id);
                  else next.delete(m.id);
                  setChosen(next);
                }}
              />
              {m.name}
              {m.id === me.id && m.name !== 'You' && ' (you)'}
            </label>
          ))}
        </fieldset>
        <div className="agenda-editor">
          <div className="agenda-editor-head">
            <h3>Agenda</h3>
            <span className="muted">
              {edited ? 'Edited by you' : 'Proposed from the deal log, goals and open actions'}
              {edited && (
                <>
                  {' · '}
                  <button type="button" className="link-button" onClick={() => setEdited(null)}>
                    Propose again
                  </button>
                </>
              )}
            </span>
          </div>
          {agenda.length === 0 && (
            <p className="muted" data-testid="agenda-nothing">
              Nothing in the data asks for discussion yet — add the items you want to talk about.
            </p>
          )}
          <ol className="agenda-edit-list" data-testid="proposed-agenda">
            {agenda.map((item, index) => (
              <li key={item.id} className="agenda-edit-row" data-testid="proposed-item">
                <span className={`agenda-kind kind-${item.kind}`}>{AGENDA_KIND_LABELS[item.kind]}</span>
                <span className="agenda-edit-text">
                  <strong>{item.title}</strong>
                  {item.detail && <span className="muted">{item.detail}</span>}
                </span>
                <span className="agenda-edit-actions">
                  <button
                    type="button"
                    className="icon-button"
                    disabled={index === 0}
                    aria-label={`Move “${item.title}” up`}
                    onClick={() => move(index, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    disabled={index === agenda.length - 1}
                    aria-label={`Move “${item.title}” down`}
                    onClick={() => move(index, 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Remove “${item.title}”`}
                    onClick={() => edit(agenda.filter((i) => i.id !== item.id))}
                  >
                    ×
                  </button>
                </span>
              </li>
            ))}
          </ol>
          <div className="agenda-add">
            <input
              value={newItem}
              maxLength={160}
              placeholder="Add an item, e.g. “Q3 launch messaging”"
              aria-label="New agenda item"
              onChange={(e) => setNewItem(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  addItem();
                }
              }}
              data-testid="new-agenda-item"
            />
            <button type="button" className="button" onClick={addItem}>
              Add item
            </button>
          </div>
        </div>
        <FormError error={error} />
      </form>
    </Dialog>
  );
}
