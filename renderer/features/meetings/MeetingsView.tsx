/**
 * The joint reviews of a workspace: shared goals measured from the deal logs, the meetings (new, past,
 * running), this person's action items and a search over every decision taken.
 */
import { useEffect, useMemo, useState } from 'react';
import { goalsDocName, meetingDocName, meetingsLedgerDocName } from '@shared/collab/docNames';
import { writeNewMeeting } from '@shared/collab/meetingDoc';
import { addMeetingEntry, setActionDone } from '@shared/collab/meetingLedger';
import { newId } from '@shared/domain/ids';
import { mayDo } from '@shared/domain/permissions';
import type { PlaybookMeta } from '@shared/domain/playbook';
import { actionsDueSoon, isOwnAction } from '@shared/meetings/minutes';
import { EmptyState } from '../../ui/EmptyState';
import { useWorkspace } from '../shell/AppContext';
import { useLinkState } from '../sync';
import { GoalsPanel } from './GoalsPanel';
import { MeetingRoom } from './MeetingRoom';
import { usePresentMembers, useMe } from './meetingPeople';
import { NewMeetingDialog, type NewMeeting } from './NewMeetingDialog';
import { useGoals, useLedger, useMeetingDoc } from './useMeetingDocs';
import { localToday } from '../review';
import './meetings.css';

/** Props of MeetingsView. */
export interface MeetingsViewProps {
  playbooks: readonly PlaybookMeta[];
}

/** The joint reviews page. */
export function MeetingsView({ playbooks }: MeetingsViewProps) {
  const workspace = useWorkspace();
  const me = useMe();
  const today = localToday();
  const ledgerDoc = useMeetingDoc(meetingsLedgerDocName(workspace.id));
  const goalsDoc = useMeetingDoc(goalsDocName(workspace.id));
  const ledger = useLedger(ledgerDoc.session);
  const goals = useGoals(goalsDoc.session);
  const ledgerLink = useLinkState(ledgerDoc.session?.link ?? null);
  const goalsLink = useLinkState(goalsDoc.session?.link ?? null);
  const canMeet = mayDo('meetings.write', me.role, ledgerLink?.session);
  const canGoal = mayDo('goals.edit', me.role, goalsLink?.session);
  const awareness = ledgerDoc.session?.link?.provider.awareness ?? null;
  const present = usePresentMembers(awareness);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [query, setQuery] = useState('');

  // Being on this page makes me known to the others on it (the server binds my name and member id).
  useEffect(() => {
    if (!awareness) return;
    awareness.setLocalStateField('meetings', true);
    return () => awareness.setLocalStateField('meetings', null);
  }, [awareness]);

  const myActions = useMemo(() => ledger.actions.filter((a) => !a.done && isOwnAction(a, me)), [ledger, me]);
  const dueSoon = useMemo(() => actionsDueSoon(ledger.actions, me, today), [ledger, me, today]);
  const found = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q ? ledger.decisions.filter((d) => `${d.text} ${d.itemTitle}`.toLowerCase().includes(q)).reverse() : [];
  }, [ledger.decisions, query]);
  const playbookTitle = (id: string): string => playbooks.find((p) => p.id === id)?.title ?? 'a removed playbook';

  const create = async (input: NewMeeting): Promise<void> => {
    const ledgerSession = ledgerDoc.session;
    if (!ledgerSession) return;
    setCreating(false);
    const id = newId('m');
    const name = meetingDocName(workspace.id, id);
    // The meeting's own document is written first and listed second, so the list never points at nothing.
    const opened = await workspace.openMeetingDoc(name);
    if (!opened.ok) throw new Error(`[meetings] cannot create ${name}: ${opened.error.message}`);
    writeNewMeeting(opened.value.doc, { ...input, organiser: me.name }, input.agenda);
    addMeetingEntry(ledgerSession.doc, {
      id,
      title: input.title,
      date: input.date,
      playbookId: input.playbookId,
      organiser: me.name,
      createdAt: Date.now(),
    });
    // Stored on this device before the room opens it again (its link then sends it to the server).
    await workspace.closeMeetingDoc(name);
    setOpenId(id);
  };

  if (openId && ledgerDoc.session) {
    return (
      <MeetingRoom
        workspaceId={workspace.id}
        meetingId={openId}
        ledgerSession={ledgerDoc.session}
        ledger={ledger}
        me={me}
        today={today}
        onBack={() => setOpenId(null)}
      />
    );
  }

  return (
    <div className="meetings" data-testid="meetings">
      <header className="meetings-header">
        <div>
          <h1>Joint reviews</h1>
          <p className="muted">Sales and marketing, around shared goals — measured from the deal log.</p>
        </div>
        {canMeet && playbooks.length > 0 && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => setCreating(true)}
            data-testid="new-meeting"
          >
            New joint review
          </button>
        )}
      </header>
      {(ledgerDoc.error || goalsDoc.error) && (
        <p className="form-error" role="alert">
          {(ledgerDoc.error ?? goalsDoc.error)!.message}
        </p>
      )}
      {dueSoon.length > 0 && (
        <p className="due-banner" data-testid="due-banner">
          {dueSoon.length} action{dueSoon.length === 1 ? '' : 's'} of yours due this week
        </p>
      )}
      <div className="meetings-columns">
        <div className="meetings-column">
          <GoalsPanel
            session={goalsDoc.session}
            goals={goals}
            playbooks={playbooks}
            canEdit={canGoal}
            author={me.name}
            today={today}
          />
          <section className="meetings-section" aria-labelledby="meetings-heading">
            <div className="meetings-section-head">
              <h2 id="meetings-heading">Meetings</h2>
            </div>
            {ledger.meetings.length === 0 ? (
              <EmptyState title="No joint review yet" testId="meetings-empty">
                <p>
                  A joint review brings sales and marketing around the numbers: Duet proposes the agenda from goals off
                  track, narratives needing attention, recent losses and open actions; a presenter drives and everyone
                  follows.
                </p>
              </EmptyState>
            ) : (
              <ul className="meeting-list" data-testid="meeting-list">
                {ledger.meetings.map((m) => {
                  const open = ledger.actions.filter((a) => a.meetingId === m.id && !a.done).length;
                  const decided = ledger.decisions.filter((d) => d.meetingId === m.id).length;
                  return (
                    <li key={m.id}>
                      <button type="button" className="meeting-row" onClick={() => setOpenId(m.id)}>
                        <span className="meeting-date">{m.date}</span>
                        <span className="meeting-row-title">
                          <strong>{m.title}</strong>
                          <span className="muted">
                            {playbookTitle(m.playbookId)} · organised by {m.organiser || 'someone'}
                          </span>
                        </span>
                        <span className="meeting-counts muted">
                          {decided} decision{decided === 1 ? '' : 's'} · {open} open action{open === 1 ? '' : 's'}
                        </span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        </div>
        <aside className="meetings-column meetings-aside">
          <section className="meetings-section" aria-labelledby="my-actions-heading" data-testid="my-actions">
            <h2 id="my-actions-heading">Your action items</h2>
            {myActions.length === 0 ? (
              <p className="muted">Nothing on your plate. Actions assigned to you in a meeting show here.</p>
            ) : (
              <ul className="action-list">
                {myActions.map((a) => (
                  <li key={a.id} data-testid="my-action">
                    <input
                      type="checkbox"
                      checked={false}
                      disabled={!canMeet || !ledgerDoc.session}
                      aria-label={`Done: ${a.text}`}
                      onChange={() =>
                        ledgerDoc.session && setActionDone(ledgerDoc.session.doc, a.id, { by: me.name, at: Date.now() })
                      }
                    />
                    <span className="action-text">{a.text}</span>
                    <span className={a.due < today ? 'action-meta is-overdue' : 'action-meta'}>
                      due {a.due}
                      {a.due < today && ' · overdue'}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="meetings-section" aria-labelledby="decisions-heading">
            <h2 id="decisions-heading">Decisions</h2>
            <input
              type="search"
              className="decision-search"
              placeholder={`Search ${ledger.decisions.length} decision${ledger.decisions.length === 1 ? '' : 's'}`}
              aria-label="Search decisions"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              data-testid="decision-search"
            />
            {query.trim() && found.length === 0 && <p className="muted">No decision mentions “{query.trim()}”.</p>}
            <ul className="decision-results" data-testid="decision-results">
              {found.slice(0, 50).map((d) => {
                const m = ledger.meetings.find((x) => x.id === d.meetingId);
                return (
                  <li key={d.id}>
                    <button type="button" className="link-button" onClick={() => setOpenId(d.meetingId)}>
                      {d.text}
                    </button>
                    <span className="muted">
                      {m ? `${m.date} · ` : ''}
                      {d.itemTitle}
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>
        </aside>
      </div>
      {creating && ledgerDoc.session && (
        <NewMeetingDialog
          playbooks={playbooks}
          goals={goals}
          ledger={ledger}
          me={me}
          present={present}
          today={today}
          onClose={() => setCreating(false)}
          onCreate={(input) => void create(input)}
        />
      )}
    </div>
  );
}
