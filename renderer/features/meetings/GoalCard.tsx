/**
 * One shared goal, measured: its value this period with the 95% interval drawn against the target, the
 * trend against the previous period, and a verdict that says when the deals cannot tell yet.
 */
import type { Goal } from '@shared/collab/goals';
import type { DealFacts } from '@shared/domain/deal';
import { describeApprovalAge, type ApprovalFacts } from '@shared/stats/approvalAgeGoal';
import { GOAL_STATUS_LABELS, measureGoal, type GoalFigure } from '@shared/stats/goalProgress';
import { formatRateInterval } from '@shared/stats/wilson';
import type { DealLogNote } from '../notes';
import './goals.css';

/** Props of GoalCard. */
export interface GoalCardProps {
  goal: Goal;
  deals: readonly DealFacts[];
  today: string;
  /** What the goal measures, in words ("Win rate against Seismic"). */
  measure: string;
  /** What a deal figure must say instead of, or beside, itself (absent: nothing). */
  dealsNote?: DealLogNote;
  /** The playbook's approval records (`approval-age` goals; null while not read). */
  approvals?: ApprovalFacts | null;
  onRemove?: () => void;
}

const pct = (v: number): string => `${Math.round(v * 100)}%`;
const NO_NOTE: DealLogNote = { pending: null, caveat: null };

/**
 * The deal log's note as it applies to a measured goal: an approval-age goal (`overdue` set) does not read the
 * deals, so nothing about them is said; a deal goal measured on part of the log draws no figure while pending.
 */
export function goalDealsNote(measured: { overdue?: unknown }, note: DealLogNote | undefined): DealLogNote {
  return measured.overdue !== undefined || note === undefined ? NO_NOTE : note;
}
const NO_VALUE: GoalFigure['value'] = { rate: null, low: 0, high: 1 };
const TREND = { up: '↑', down: '↓', flat: '→', unknown: '' } as const;

/** A goal card. */
export function GoalCard(props: GoalCardProps) {
  const { goal, deals, today, measure, approvals, onRemove } = props;
  const p = measureGoal(goal, deals, today, approvals ?? undefined);
  const unit = goal.metric === 'win-rate' ? 'decided deals' : 'deals';
  // An approval-age goal counts every approved narrative: its figure is exact, there is no interval to draw.
  const census = p.overdue !== undefined;
  const { pending: waiting, caveat } = goalDealsNote(p, props.dealsNote);
  const { current, previous } = waiting ? { current: { ...p.current, value: NO_VALUE }, previous: p.previous } : p;
  const figureText = (f: GoalFigure): string => (census ? pct(f.value.rate ?? 0) : formatRateInterval(f.value));
  return (
    <article
      className={`goal-card status-${waiting ? 'waiting' : p.status}`}
      data-testid="goal-card"
      aria-label={goal.title}
    >
      <header className="goal-card-head">
        <h3>{goal.title}</h3>
        <span className="goal-status" data-testid="goal-status">
          {waiting ? 'Waiting for the deals' : GOAL_STATUS_LABELS[p.status]}
        </span>
      </header>
      <p className="goal-measure">
        {measure} · {current.label} · target ≥ {pct(goal.target)}
      </p>
      <div className="goal-figure">
        <strong data-testid="goal-value">{current.value.rate === null ? '—' : pct(current.value.rate)}</strong>
        <span className="muted" data-testid="goal-detail">
          {waiting
            ? waiting
            : census
              ? approvals
                ? describeApprovalAge(goal, current, p.overdue ?? [])
                : 'Reading the approvals…'
              : current.value.rate === null
                ? `no ${unit} yet this period`
                : `95% interval ${pct(current.value.low)}–${pct(current.value.high)} · ${current.successes} of ${current.trials} ${unit}`}
          {caveat && ` · ${caveat}`}
        </span>
      </div>
      <div
        className="goal-bar"
        role="img"
        aria-label={
          waiting
            ? `No figure yet, target ${pct(goal.target)}`
            : census
              ? `Value ${pct(current.value.rate ?? 0)}, target ${pct(goal.target)}`
              : `Interval ${pct(current.value.low)} to ${pct(current.value.high)}, target ${pct(goal.target)}`
        }
      >
        {current.value.rate !== null && (
          <span
            className="goal-bar-band"
            ref={(el) => {
              el?.style.setProperty('left', `${current.value.low * 100}%`);
              el?.style.setProperty('width', `${(current.value.high - current.value.low) * 100}%`);
            }}
          />
        )}
        {current.value.rate !== null && (
          <span className="goal-bar-dot" ref={(el) => el?.style.setProperty('left', `${current.value.rate! * 100}%`)} />
        )}
        <span className="goal-bar-target" ref={(el) => el?.style.setProperty('left', `${goal.target * 100}%`)} />
      </div>
      <footer className="goal-card-foot">
        <span data-testid="goal-trend">
          {waiting
            ? ''
            : p.trend === 'unknown'
              ? `No figure for ${previous.label} to compare with`
              : `${TREND[p.trend]} from ${figureText(previous)} ${census ? 'at' : 'in'} ${previous.label}`}
        </span>
        {onRemove && (
          <button type="button" className="link-button" onClick={onRemove} aria-label={`Remove goal ${goal.title}`}>
            Remove
          </button>
        )}
      </footer>
    </article>
  );
}
