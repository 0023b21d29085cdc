/**
 * Defining a shared goal: what to measure from which playbook (its deal log, or its approvals), the target
 * and the period.
 */
import { useMemo, useState, type FormEvent } from 'react';
import {
  DEFAULT_MAX_APPROVAL_AGE_DAYS,
  GOAL_LIMITS,
  goalRecordSchema,
  type Goal,
  type GoalMetric,
  type GoalPeriod,
} from '@shared/collab/goals';
import { newId } from '@shared/domain/ids';
import type { PlaybookMeta } from '@shared/domain/playbook';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { FormError } from '../../ui/FormError';
import { SuggestField } from '../../ui/SuggestField';
import { usePlaybookFacts } from './usePlaybookFacts';

/** Props of GoalDialog. */
export interface GoalDialogProps {
  playbooks: readonly PlaybookMeta[];
  author: string;
  onSave: (goal: Goal) => void;
  onClose: () => void;
}

function distinct(values: Iterable<string>): string[] {
  return [...new Set([...values].filter(Boolean))].sort((a, b) => a.localeCompare(b));
}

/** The new-goal dialog. */
export function GoalDialog({ playbooks, author, onSave, onClose }: GoalDialogProps) {
  const [title, setTitle] = useState('');
  const [playbookId, setPlaybookId] = useState(playbooks[0]?.id ?? '');
  const [metric, setMetric] = useState<GoalMetric>('win-rate');
  const [competitor, setCompetitor] = useState('');
  const [persona, setPersona] = useState('');
  const [narrativeId, setNarrativeId] = useState('');
  const [target, setTarget] = useState('40');
  const [period, setPeriod] = useState<GoalPeriod>('quarter');
  const [maxAgeDays, setMaxAgeDays] = useState(String(DEFAULT_MAX_APPROVAL_AGE_DAYS));
  const [error, setError] = useState<string | null>(null);
  const facts = usePlaybookFacts(playbookId || null);
  const competitors = useMemo(() => distinct(facts.deals.map((d) => d.competitor)), [facts.deals]);
  const personas = useMemo(
    () => distinct([...facts.deals.map((d) => d.persona), ...facts.narratives.map((n) => n.persona)]),
    [facts.deals, facts.narratives],
  );

  const handleSubmit = (event: FormEvent): void => {
    event.preventDefault();
    const ages = metric === 'approval-age';
    const parsed = goalRecordSchema.safeParse({
      title,
      playbookId,
      metric,
      competitor: metric === 'win-rate' ? competitor : '',
      persona: ages ? '' : persona,
      narrativeId: metric === 'narrative-usage' ? narrativeId : '',
      // "No narrative older than…": every approved narrative must be within the limit.
      target: ages ? 1 : Number(target) / 100,
      period,
      ...(ages ? { maxAgeDays: Number(maxAgeDays) } : {}),
      author,
      createdAt: Date.now(),
    });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Check the goal.');
    if (metric === 'narrative-usage' && !narrativeId) return setError('Pick the narrative to count.');
    onSave({ ...parsed.data, id: newId('g') });
  };

  return (
    <Dialog
      title="New shared goal"
      open
      onClose={onClose}
      testId="goal-dialog"
      footer={<FormActions formId="goal-form" submitLabel="Add goal" onCancel={onClose} />}
    >
      <form id="goal-form" className="form" onSubmit={handleSubmit}>
        <p className="muted">
          A goal is measured from a playbook&apos;s deal log, this quarter or month, with its 95% interval: it says “on
          track” only when the whole interval clears the target. An approval goal counts the playbook&apos;s approved
          narratives instead.
        </p>
        <label className="field">
          <span>Goal</span>
          <input
            autoFocus
            value={title}
            maxLength={GOAL_LIMITS.title}
            placeholder="Win against Seismic"
            onChange={(e) => setTitle(e.target.value)}
            data-testid="goal-title"
          />
        </label>
        <div className="form-row">
          <label className="field">
            <span>Playbook</span>
            <select value={playbookId} onChange={(e) => setPlaybookId(e.target.value)}>
              {playbooks.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Measure</span>
            <select value={metric} onChange={(e) => setMetric(e.target.value as GoalMetric)} data-testid="goal-metric">
              <option value="win-rate">Win rate</option>
              <option value="narrative-usage">Share of deals using a narrative</option>
              <option value="approval-age">No narrative in Approved older than…</option>
            </select>
          </label>
        </div>
        {metric === 'approval-age' ? (
          <label className="field">
            <span>Oldest approval allowed (days)</span>
            <input
              type="number"
              min={1}
              max={GOAL_LIMITS.maxAgeDays}
              value={maxAgeDays}
              onChange={(e) => setMaxAgeDays(e.target.value)}
              data-testid="goal-max-age"
            />
          </label>
        ) : (
          <div className="form-row">
            {metric === 'win-rate' ? (
              <SuggestField
                label="Against competitor (optional)"
                value={competitor}
                onChange={setCompetitor}
                suggestions={competitors}
                listId="goal-competitors"
                maxLength={GOAL_LIMITS.filter}
                testId="goal-competitor"
              />
            ) : (
              <label className="field">
                <span>Narrative</span>
                <select
                  value={narrativeId}
                  onChange={(e) => setNarrativeId(e.target.value)}
                  data-testid="goal-narrative"
                >
                  <option value="">Pick a narrative…</option>
                  {facts.narratives.map((n) => (
                    <option key={n.id} value={n.id}>
                      {n.title || 'Untitled narrative'}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <SuggestField
              label="With persona (optional)"
              value={persona}
              onChange={setPersona}
              suggestions={personas}
              listId="goal-personas"
              maxLength={GOAL_LIMITS.filter}
              testId="goal-persona"
            />
          </div>
        )}
        <div className="form-row">
          {metric !== 'approval-age' && (
            <label className="field">
              <span>Target (%)</span>
              <input
                type="number"
                min={1}
                max={100}
                value={target}
                onChange={(e) => setTarget(e.target.value)}
                data-testid="goal-target"
              />
            </label>
          )}
          <label className="field">
            <span>{metric === 'approval-age' ? 'Compare with the end of' : 'Period'}</span>
            <select value={period} onChange={(e) => setPeriod(e.target.value as GoalPeriod)}>
              <option value="quarter">{metric === 'approval-age' ? 'Last quarter' : 'This quarter'}</option>
              <option value="month">{metric === 'approval-age' ? 'Last month' : 'This month'}</option>
            </select>
          </label>
        </div>
        <FormError error={error} />
      </form>
    </Dialog>
  );
}
