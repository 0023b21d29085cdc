/** Who drives the meeting, and whether this person follows them, stepped away, or presents. */
import type { MeetingState } from '@shared/collab/meetingDoc';
import type { FollowState } from './useFollowPresenter';

/** The strip under the meeting's header. */
export function FollowBar({ meeting, follow }: { meeting: MeetingState; follow: FollowState }) {
  const presenter = meeting.meta?.presenter ?? null;
  const itemTitle = (id: string | null): string => {
    const i = meeting.agenda.findIndex((item) => item.id === id);
    return i < 0 ? '' : `${i + 1}. ${meeting.agenda[i]!.title}`;
  };
  let text: string;
  let state: string;
  if (!presenter) {
    state = 'none';
    text = 'Nobody is presenting. Press Present to drive the meeting: everyone who joins follows you.';
  } else if (follow.presenting) {
    state = 'presenting';
    const others = follow.attendees.length;
    text =
      others === 0
        ? 'You are presenting. Whoever opens this meeting follows you.'
        : `You are presenting. ${others} other${others === 1 ? '' : 's'} in the meeting follow${others === 1 ? 's' : ''} you.`;
  } else if (!follow.presenterHere) {
    state = 'away';
    text = `${presenter.name} presents but is not connected right now.`;
  } else if (follow.following) {
    state = 'following';
    text = `Following ${presenter.name}.`;
  } else {
    state = 'stepped-away';
    text = `You stepped away. ${presenter.name} is on ${itemTitle(follow.presenterItemId)}.`;
  }
  return (
    <div className={`follow-bar follow-${state}`} data-testid="follow-bar" data-state={state} role="status">
      <span>{text}</span>
      {state === 'stepped-away' && (
        <button type="button" className="button button-small" onClick={follow.followAgain} data-testid="follow-again">
          Follow again
        </button>
      )}
    </div>
  );
}
