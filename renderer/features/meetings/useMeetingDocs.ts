/**
 * React access to the documents of the joint reviews: open one for as long as a view lives, and read the
 * goals, the ledger or a meeting from it, re-rendering on every change (local or from the server).
 */
import { useEffect, useState } from 'react';
import { observeGoals, readGoals, type Goal } from '@shared/collab/goals';
import { observeLedger, readLedger, type Ledger } from '@shared/collab/meetingLedger';
import { observeMeeting, readMeeting, type MeetingState } from '@shared/collab/meetingDoc';
import type { AppError } from '@shared/result';
import { useWorkspace } from '../shell/AppContext';
import type { MeetingDocSession } from './MeetingDocSession';

/** The opened document, or the reason it could not be opened; both null while loading. */
export interface OpenedDoc {
  session: MeetingDocSession | null;
  error: AppError | null;
}

/** Opens `docName` of the workspace while mounted. */
export function useMeetingDoc(docName: string): OpenedDoc {
  const workspace = useWorkspace();
  const [opened, setOpened] = useState<OpenedDoc>({ session: null, error: null });
  useEffect(() => {
    let live = true;
    void workspace.openMeetingDoc(docName).then((result) => {
      if (!live) return;
      setOpened(result.ok ? { session: result.value, error: null } : { session: null, error: result.error });
    });
    return () => {
      live = false;
      setOpened({ session: null, error: null });
      void workspace.closeMeetingDoc(docName);
    };
  }, [workspace, docName]);
  return opened;
}

/** Reads something from a document and follows its changes. */
function useObserved<T>(
  session: MeetingDocSession | null,
  empty: T,
  read: (session: MeetingDocSession) => T,
  observe: (session: MeetingDocSession, onChange: (value: T) => void) => () => void,
): T {
  const [value, setValue] = useState<T>(empty);
  useEffect(() => {
    if (!session) return;
    setValue(read(session));
    return observe(session, setValue);
    // `read` and `observe` are module-level functions below: stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session]);
  return session ? value : empty;
}

const NO_GOALS: Goal[] = [];
const NO_LEDGER: Ledger = { meetings: [], decisions: [], actions: [] };
const NO_MEETING: MeetingState = { meta: null, agenda: [], done: new Set() };

/** The workspace's goals. */
export function useGoals(session: MeetingDocSession | null): Goal[] {
  return useObserved(
    session,
    NO_GOALS,
    (s) => readGoals(s.doc),
    (s, on) => observeGoals(s.doc, on),
  );
}

/** The meetings ledger: meetings, decisions, action items. */
export function useLedger(session: MeetingDocSession | null): Ledger {
  return useObserved(
    session,
    NO_LEDGER,
    (s) => readLedger(s.doc),
    (s, on) => observeLedger(s.doc, on),
  );
}

/** One meeting: meta, agenda, items done. */
export function useMeeting(session: MeetingDocSession | null): MeetingState {
  return useObserved(
    session,
    NO_MEETING,
    (s) => readMeeting(s.doc),
    (s, on) => observeMeeting(s.doc, on),
  );
}
