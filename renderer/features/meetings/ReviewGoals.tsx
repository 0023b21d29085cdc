/**
 * The shared goals of one playbook, on its review: a strip of compact figures (value, 95% interval, target,
 * verdict) measured from the deals the review already holds. Nothing shows while the playbook has no goals.
 */
import { goalsDocName } from '@shared/collab/docNames';
import type { DealFacts } from '@shared/domain/deal';
import type { NarrativeSummary } from '@shared/domain/narrative';
import { GOAL_STATUS_LABELS, measureGoal } from '@shared/stats/goalProgress';
import { formatRateInterval } from '@shared/stats/wilson';
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
      {goals.map((goal) => {
        const p = measureGoal(goal, deals, today);
        return (
          <li key={goal.id} className={`review-goal status-${p.status}`}>
            <strong>{goal.title}</strong>
            <span className="muted">{describeMeasure(goal, title)}</span>
            <span>
              {formatRateInterval(p.current.value)} · target ≥ {Math.round(goal.target * 100)}% ·{' '}
              <span className="goal-status">{GOAL_STATUS_LABELS[p.status]}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
