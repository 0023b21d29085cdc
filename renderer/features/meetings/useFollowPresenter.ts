/**
 * Running a meeting live: which agenda item this person looks at, and following the presenter.
 *
 * Everyone in the meeting publishes the item they look at in their presence (the awareness state of the
 * meeting document's link: `meeting: { itemId, presenting }`); the server binds who each state belongs to
 * (`memberId`, `name`), so nobody can present as someone else. The presenter is named in the meeting
 * document (durable: who presents survives reloads); their presence says where they are. Followers move
 * with it until they pick another item themselves ("stepped away") and return with "Follow again".
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { AgendaItem, Member } from '@shared/collab/meetingDoc';
import { isValidId } from '@shared/domain/ids';

/** Someone in the meeting right now. */
export interface Attendee {
  clientId: number;
  memberId: string;
  name: string;
  itemId: string | null;
  presenting: boolean;
}

/** What the room needs to show and do. */
export interface FollowState {
  /** The item this person looks at. */
  currentId: string | null;
  /** True when I am the presenter. */
  presenting: boolean;
  /** True while following the presenter (not presenting, not stepped away). */
  following: boolean;
  /** The item the presenter is on, when they are here. */
  presenterItemId: string | null;
  /** Whether the presenter is connected to this meeting right now. */
  presenterHere: boolean;
  /** Others in the meeting. */
  attendees: Attendee[];
  /** Look at an item (a follower who does this steps away). */
  go: (itemId: string) => void;
  /** Next or previous item. */
  step: (delta: 1 | -1) => void;
  followAgain: () => void;
}

function readAttendees(awareness: Awareness): Attendee[] {
  const out: Attendee[] = [];
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === awareness.clientID) return;
    const name = typeof state.name === 'string' ? state.name.slice(0, 80) : '';
    const memberId = typeof state.memberId === 'string' ? state.memberId.slice(0, 90) : '';
    const meeting = state.meeting as { itemId?: unknown; presenting?: unknown } | undefined;
    if (!name || typeof meeting !== 'object' || meeting === null) return;
    const itemId = isValidId(meeting.itemId) ? meeting.itemId : null;
    out.push({ clientId, memberId, name, itemId, presenting: meeting.presenting === true });
  });
  return out.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
}

/** Follows the presenter of a meeting through `awareness` (null without a sync server: nobody to follow). */
export function useFollowPresenter(
  awareness: Awareness | null,
  agenda: readonly AgendaItem[],
  presenter: Member | null,
  me: Member,
): FollowState {
  const [ownId, setOwnId] = useState<string | null>(null);
  const [steppedAway, setSteppedAway] = useState(false);
  const [attendees, setAttendees] = useState<Attendee[]>([]);
  const presenting = presenter !== null && presenter.id === me.id;

  useEffect(() => {
    if (!awareness) return;
    const handleChange = (): void => setAttendees(readAttendees(awareness));
    awareness.on('change', handleChange);
    handleChange();
    return () => awareness.off('change', handleChange);
  }, [awareness]);

  const presenterState = useMemo(
    () => (presenter ? (attendees.find((a) => a.presenting && a.memberId === presenter.id) ?? null) : null),
    [attendees, presenter],
  );
  const presenterItemId =
    presenterState?.itemId && agenda.some((i) => i.id === presenterState.itemId) ? presenterState.itemId : null;
  const following = !presenting && presenter !== null && !steppedAway;
  const fallback = agenda[0]?.id ?? null;
  const own = ownId && agenda.some((i) => i.id === ownId) ? ownId : fallback;
  const currentId = following && presenterItemId ? presenterItemId : own;

  // While following, remember where the presenter is: when they (or the server) drop out, the follower
  // stays on that item instead of jumping back to the first.
  useEffect(() => {
    if (following && presenterItemId) setOwnId(presenterItemId);
  }, [following, presenterItemId]);

  // Publish where I am (and whether I present) for everyone else.
  useEffect(() => {
    if (!awareness) return;
    awareness.setLocalStateField('meeting', { itemId: currentId, presenting });
  }, [awareness, currentId, presenting]);
  useEffect(() => {
    if (!awareness) return;
    return () => awareness.setLocalStateField('meeting', null);
  }, [awareness]);

  // A new presenter (or becoming one) starts everyone following again.
  useEffect(() => setSteppedAway(false), [presenter?.id]);

  const go = useCallback(
    (itemId: string) => {
      setOwnId(itemId);
      if (!presenting && presenter !== null && itemId !== presenterItemId) setSteppedAway(true);
      if (itemId === presenterItemId) setSteppedAway(false);
    },
    [presenting, presenter, presenterItemId],
  );
  const step = useCallback(
    (delta: 1 | -1) => {
      const index = agenda.findIndex((i) => i.id === currentId);
      const next = agenda[Math.min(agenda.length - 1, Math.max(0, index + delta))];
      if (next) go(next.id);
    },
    [agenda, currentId, go],
  );
  const followAgain = useCallback(() => {
    setSteppedAway(false);
    if (presenterItemId) setOwnId(presenterItemId);
  }, [presenterItemId]);

  return {
    currentId,
    presenting,
    following,
    presenterItemId,
    presenterHere: presenterState !== null,
    attendees,
    go,
    step,
    followAgain,
  };
}
