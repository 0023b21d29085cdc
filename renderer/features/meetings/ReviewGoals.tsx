/**
 * The shared goals of one playbook, on its review: a strip of compact figures (value, 95% interval, target,
 * verdict) measured from the deals the review already holds. Nothing shows while the playbook has no goals.
 */
import { goalsDocName } from '@shared/collab/docNames';
import type { Goal } from '@shared/collab/goals';
import type { DealFacts } from '@shared/domain/deal';
import type { NarrativeSummary } from '@shared/domain/narrative';
import { GOAL_STATUS_LABELS, measureGoal } from '@shared/stats/goalProgress';
import { formatRateInterval } from '@shared/stats/wilson';
import { useApprovalFacts } from '../governance';
import type { DealLogNote } from '../notes';
import { useWorkspace } from '../shell/AppContext';
import { goalDealsNote } from './GoalCard';
import { describeMeasure } from './GoalsPanel';
import { localToday } from '../review';
import { useGoals, useMeetingDoc } from './useMeetingDocs';
import './goals.css';

/** Props of ReviewGoals. */
export interface ReviewGoalsProps {
  playbookId: string;
  deals: readonly DealFacts[];
  /** Why the deals are not (all) the team's yet: no deal figure is drawn while pending. */
  dealsNote: DealLogNote;
  narratives: readonly NarrativeSummary[];
}

/** The goals strip above the review. */
export function ReviewGoals({ playbookId, deals, dealsNote, narratives }: ReviewGoalsProps) {
  const workspace = useWorkspace();
  const goals = useGoals(useMeetingDoc(goalsDocName(workspace.id)).session).filter((g) => g.playbookId === playbookId);
  if (goals.length === 0) return null;
  const today = localToday();
  const title = (id: string): string => narratives.find((n) => n.id === id)?.title || 'a narrative';
  return (
    <ul className="review-goals" aria-label="Shared goals of this playbook" data-testid="review-goals">
      {goals.map((goal) => (
        <ReviewGoal
          key={goal.id}
          goal={goal}
          deals={deals}
          dealsNote={dealsNote}
          today={today}
          measure={describeMeasure(goal, title)}
        />
      ))}
    </ul>
  );
}

function ReviewGoal({
  goal,
  deals,
  dealsNote,
  today,
  measure,
}: {
  goal: Goal;
  deals: readonly DealFacts[];
  dealsNote: DealLogNote;
  today: string;
  measure: string;
}) {
  const approvals = useApprovalFacts(goal.metric === 'approval-age' ? goal.playbookId : null);
  const p = measureGoal(goal, deals, today, approvals ?? undefined);
  const note = goalDealsNote(p, dealsNote);
  const value = p.overdue
    ? `${p.current.value.rate === null ? '—' : `${Math.round(p.current.value.rate * 100)}%`} (${p.overdue.length} past the limit)`
    : formatRateInterval(p.current.value);
  return (
    <li className={`review-goal status-${note.pending ? 'waiting' : p.status}`} data-testid="review-goal">
      <strong>{goal.title}</strong>
      <span className="muted">{measure}</span>
      {note.pending ? (
        <span>
          {note.pending} · target ≥ {Math.round(goal.target * 100)}%
        </span>
      ) : (
        <span>
          {value} · target ≥ {Math.round(goal.target * 100)}% ·{' '}
          <span className="goal-status">{GOAL_STATUS_LABELS[p.status]}</span>
          {note.caveat && <span className="muted"> · {note.caveat}</span>}
        </span>
      )}
    </li>
  );
}
