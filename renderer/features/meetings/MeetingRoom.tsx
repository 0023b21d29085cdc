/**
 * A joint review, live: the agenda on the left, the current item on the right. A presenter drives; everyone
 * else follows through presence until they step away. Alt+↓/↑ move between items, Alt+Shift+D and
 * Alt+Shift+A jump to a new decision or action.
 */
import { useEffect, useMemo, useRef } from 'react';
import { meetingDocName } from '@shared/collab/docNames';
import { itemNotes, setItemDone, setPresenter, type Member } from '@shared/collab/meetingDoc';
import { addAction, addDecision, setActionDone, type Ledger } from '@shared/collab/meetingLedger';
import { newId } from '@shared/domain/ids';
import { mayDo } from '@shared/domain/permissions';
import { EmptyState } from '../../ui/EmptyState';
import { useLinkState } from '../sync';
import { AgendaItemPanel, type AgendaItemPanelHandle } from './AgendaItemPanel';
import { AgendaNav } from './AgendaNav';
import { FollowBar } from './FollowBar';
import { MinutesExport } from './MinutesExport';
import type { MeetingDocSession } from './MeetingDocSession';
import { knownMembers, usePresentMembers, useRoster, type Me } from './meetingPeople';
import { useFollowPresenter } from './useFollowPresenter';
import { useMeeting, useMeetingDoc } from './useMeetingDocs';
import './meetingRoom.css';

/** Props of MeetingRoom. */
export interface MeetingRoomProps {
  workspaceId: string;
  meetingId: string;
  ledgerSession: MeetingDocSession;
  ledger: Ledger;
  me: Me;
  today: string;
  onBack: () => void;
}

/** The running meeting. */
export function MeetingRoom({ workspaceId, meetingId, ledgerSession, ledger, me, today, onBack }: MeetingRoomProps) {
  const { session, error } = useMeetingDoc(meetingDocName(workspaceId, meetingId));
  const meeting = useMeeting(session);
  const link = useLinkState(session?.link ?? null);
  const canWrite = mayDo('meetings.write', me.role, link?.session);
  const awareness = session?.link?.provider.awareness ?? null;
  const follow = useFollowPresenter(awareness, meeting.agenda, meeting.meta?.presenter ?? null, me);
  const present = usePresentMembers(awareness);
  const roster = useRoster();
  const members = useMemo(
    () => knownMembers(me, roster, meeting.meta?.participants ?? [], present),
    [me, roster, meeting.meta?.participants, present],
  );
  const panel = useRef<AgendaItemPanelHandle>(null);
  const current = meeting.agenda.find((i) => i.id === follow.currentId) ?? null;
  const index = current ? meeting.agenda.indexOf(current) : -1;
  const mine = ledger.actions.filter((a) => a.meetingId === meetingId);
  const decisions = ledger.decisions.filter((d) => d.meetingId === meetingId);

  useEffect(() => {
    const handleKey = (e: KeyboardEvent): void => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      if (!e.shiftKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) follow.step(e.key === 'ArrowDown' ? 1 : -1);
      else if (e.shiftKey && e.code === 'KeyD') panel.current?.focusDecision();
      else if (e.shiftKey && e.code === 'KeyA') panel.current?.focusAction();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', handleKey);
    return () => window.removeEventListener('keydown', handleKey);
  }, [follow]);

  if (error) {
    return (
      <EmptyState title="This meeting cannot be opened" testId="meeting-error">
        <p>{error.message}</p>
        <button type="button" className="button" onClick={onBack}>
          Back to the joint reviews
        </button>
      </EmptyState>
    );
  }
  const meta = meeting.meta;
  const present_ = (member: Member | null): void => {
    if (!session) return;
    if (member && follow.currentId) follow.go(follow.currentId); // the presenter starts where they are
    setPresenter(session.doc, member);
  };

  return (
    <div className="meeting-room" data-testid="meeting-room">
      <header className="meeting-head">
        <button type="button" className="link-button meeting-back" onClick={onBack}>
          ← Joint reviews
        </button>
        <div className="meeting-head-main">
          <h1 data-testid="meeting-name">{meta?.title ?? 'Loading the meeting…'}</h1>
          {meta && (
            <p className="muted">
              {meta.date} · {meta.participants.length} participant{meta.participants.length === 1 ? '' : 's'}
              {meta.participants.length > 0 && `: ${meta.participants.map((p) => p.name).join(', ')}`}
            </p>
          )}
        </div>
        <div className="meeting-head-actions">
          {follow.attendees.length > 0 && (
            <span className="meeting-attendees" data-testid="attendees" aria-label="In the meeting now">
              {follow.attendees.map((a) => (
                <span key={a.clientId} className="attendee" title={a.presenting ? `${a.name} (presenting)` : a.name}>
                  {a.name.slice(0, 1).toUpperCase()}
                </span>
              ))}
            </span>
          )}
          {canWrite && meta && !follow.presenting && (
            <button type="button" className="button button-primary" onClick={() => present_(me)} data-testid="present">
              {meta.presenter ? 'Take over presenting' : 'Present'}
            </button>
          )}
          {follow.presenting && (
            <button type="button" className="button" onClick={() => present_(null)} data-testid="stop-presenting">
              Stop presenting
            </button>
          )}
          {session && meta && (
            <MinutesExport doc={session.doc} meta={meta} meeting={meeting} decisions={decisions} actions={mine} />
          )}
        </div>
      </header>
      <FollowBar meeting={meeting} follow={follow} />
      <div className="meeting-body">
        <AgendaNav doc={session?.doc ?? null} meeting={meeting} follow={follow} canWrite={canWrite} />
        <main className="meeting-main">
          {session && current ? (
            <AgendaItemPanel
              key={current.id}
              ref={panel}
              item={current}
              index={index}
              notes={itemNotes(session.doc, current.id)}
              decisions={decisions.filter((d) => d.itemId === current.id)}
              actions={ledger.actions.filter(
                (a) => (a.meetingId === meetingId && a.itemId === current.id) || `action-${a.id}` === current.id,
              )}
              members={members}
              me={me}
              done={meeting.done.has(current.id)}
              canWrite={canWrite}
              presenting={follow.presenting}
              today={today}
              onDecide={(text) =>
                addDecision(ledgerSession.doc, {
                  id: newId('d'),
                  meetingId,
                  itemId: current.id,
                  itemTitle: current.title,
                  text,
                  author: me.name,
                  createdAt: Date.now(),
                })
              }
              onAct={({ text, owner, due }) =>
                addAction(ledgerSession.doc, newId('a'), {
                  meetingId,
                  itemId: current.id,
                  itemTitle: current.title,
                  text,
                  ownerId: owner.id,
                  ownerName: owner.name,
                  due,
                  author: me.name,
                  createdAt: Date.now(),
                })
              }
              onToggleDone={() => setItemDone(session.doc, current.id, meeting.done.has(current.id) ? null : me.name)}
              onToggleAction={(a) =>
                setActionDone(ledgerSession.doc, a.id, a.done ? null : { by: me.name, at: Date.now() })
              }
            />
          ) : (
            <p className="muted meeting-loading">{session ? 'This meeting has no agenda items.' : 'Opening…'}</p>
          )}
        </main>
      </div>
    </div>
  );
}
