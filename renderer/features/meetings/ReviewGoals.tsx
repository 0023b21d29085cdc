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
import { useWorkspace } from '../shell/AppContext';
import { describeMeasure } from './GoalsPanel';
import { localToday } from '../review';
import { useGoals, useMeetingDoc } from './useMeetingDocs';
import './goals.css';

/** Props of ReviewGoals. */
export interface ReviewGoalsProps {
  playbookId: string;
  deals: readonly DealFacts[];
  narratives: readonly NarrativeSummary[];
}

/** The goals strip above the review. */
export function ReviewGoals({ playbookId, deals, narratives }: ReviewGoalsProps) {
  const workspace = useWorkspace();
  const goals = useGoals(useMeetingDoc(goalsDocName(workspace.id)).session).filter((g) => g.playbookId === playbookId);
  if (goals.length === 0) return null;
  const today = localToday();
  const title = (id: string): string => narratives.find((n) => n.id === id)?.title || 'a narrative';
  return (
    <ul className="review-goals" aria-label="Shared goals of this playbook" data-testid="review-goals">
      {goals.map((goal) => (
        <ReviewGoal key={goal.id} goal={goal} deals={deals} today={today} measure={describeMeasure(goal, title)} />
      ))}
    </ul>
  );
}

function ReviewGoal({
  goal,
  deals,
  today,
  measure,
}: {
  goal: Goal;
  deals: readonly DealFacts[];
  today: string;
  measure: string;
}) {
  const approvals = useApprovalFacts(goal.metric === 'approval-age' ? goal.playbookId : null);
  const p = measureGoal(goal, deals, today, approvals ?? undefined);
  const value = p.overdue
    ? `${p.current.value.rate === null ? '—' : `${Math.round(p.current.value.rate * 100)}%`} (${p.overdue.length} past the limit)`
    : formatRateInterval(p.current.value);
  return (
    <li className={`review-goal status-${p.status}`}>
      <strong>{goal.title}</strong>
      <span className="muted">{measure}</span>
      <span>
        {value} · target ≥ {Math.round(goal.target * 100)}% ·{' '}
        <span className="goal-status">{GOAL_STATUS_LABELS[p.status]}</span>
      </span>
    </li>
  );
}
