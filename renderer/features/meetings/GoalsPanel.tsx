/**
 * The shared goals of the workspace, each measured from its playbook's deal log. Storytellers and
 * marketing add and remove goals; everyone sees them.
 */
import { useState } from 'react';
import { DEFAULT_MAX_APPROVAL_AGE_DAYS, putGoal, removeGoal, type Goal } from '@shared/collab/goals';
import type { PlaybookMeta } from '@shared/domain/playbook';
import { EmptyState } from '../../ui/EmptyState';
import { useApprovalFacts } from '../governance';
import { GoalCard } from './GoalCard';
import { GoalDialog } from './GoalDialog';
import type { MeetingDocSession } from './MeetingDocSession';
import { usePlaybookFacts } from './usePlaybookFacts';

/** Props of GoalsPanel. */
export interface GoalsPanelProps {
  session: MeetingDocSession | null;
  goals: readonly Goal[];
  playbooks: readonly PlaybookMeta[];
  canEdit: boolean;
  author: string;
  today: string;
  /** Only the goals of this playbook (the review shows its own). */
  playbookId?: string;
}

/** Words for what a goal measures. */
export function describeMeasure(goal: Goal, narrativeTitle: (id: string) => string): string {
  const persona = goal.persona ? ` with ${goal.persona}` : '';
  if (goal.metric === 'win-rate') return `Win rate${goal.competitor ? ` against ${goal.competitor}` : ''}${persona}`;
  if (goal.metric === 'approval-age')
    return `Approvals no older than ${goal.maxAgeDays ?? DEFAULT_MAX_APPROVAL_AGE_DAYS} days`;
  return `Deals${persona ? ` with ${goal.persona}` : ''} using “${narrativeTitle(goal.narrativeId)}”`;
}

function MeasuredGoal({ goal, today, onRemove }: { goal: Goal; today: string; onRemove?: () => void }) {
  const facts = usePlaybookFacts(goal.playbookId);
  const approvals = useApprovalFacts(goal.metric === 'approval-age' ? goal.playbookId : null);
  const title = (id: string): string => facts.narratives.find((n) => n.id === id)?.title || 'a narrative';
  return (
    <GoalCard
      goal={goal}
      deals={facts.deals}
      dealsNote={facts.dealsNote}
      today={today}
      measure={describeMeasure(goal, title)}
      approvals={approvals}
      onRemove={onRemove}
    />
  );
}

/** The goals section. */
export function GoalsPanel({ session, goals, playbooks, canEdit, author, today, playbookId }: GoalsPanelProps) {
  const [adding, setAdding] = useState(false);
  const shown = playbookId ? goals.filter((g) => g.playbookId === playbookId) : goals;
  return (
    <section className="meetings-section" aria-labelledby="goals-heading" data-testid="goals">
      <div className="meetings-section-head">
        <h2 id="goals-heading">Shared goals</h2>
        {canEdit && session && playbooks.length > 0 && (
          <button type="button" className="button button-small" onClick={() => setAdding(true)} data-testid="add-goal">
            + Add goal
          </button>
        )}
      </div>
      {shown.length === 0 ? (
        <EmptyState title="No shared goals yet" testId="goals-empty">
          <p>
            Goals both teams own, measured from the deal log: “win rate against Seismic ≥ 40% this quarter”, “the CFO
            pitch used in half of the CFO deals”, “no narrative in Approved older than 90 days”.
          </p>
          {!canEdit && <p className="muted">Storytellers and marketing set them.</p>}
        </EmptyState>
      ) : (
        <div className="goal-grid">
          {shown.map((goal) => (
            <MeasuredGoal
              key={goal.id}
              goal={goal}
              today={today}
              onRemove={canEdit && session ? () => removeGoal(session.doc, goal.id) : undefined}
            />
          ))}
        </div>
      )}
      {adding && session && (
        <GoalDialog
          playbooks={playbooks}
          author={author}
          onClose={() => setAdding(false)}
          onSave={(goal) => {
            putGoal(session.doc, goal);
            setAdding(false);
          }}
        />
      )}
    </section>
  );
}
