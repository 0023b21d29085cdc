/**
 * The agenda Duet proposes for a new joint review, from the data: goals off track, narratives needing
 * attention, the biggest movers since the last meeting, recent losses to competitors with their notes, the
 * narratives changed since the last meeting and the action items still open. The organiser then reorders,
 * removes and adds; nothing here is written anywhere.
 */
import type { DealFacts } from '../domain/deal';
import type { Goal } from '../collab/goals';
import type { AgendaItem } from '../collab/meetingDoc';
import type { ActionItem } from '../collab/meetingLedger';
import { formatRateInterval, wilsonInterval } from '../stats/wilson';
import { describeApprovalAge, type ApprovalFacts } from '../stats/approvalAgeGoal';
import { measureGoal } from '../stats/goalProgress';
import { daysBefore, needsAttention } from '../stats/narrativeTrends';

/** A deal as the agenda needs it. */
export interface AgendaDeal extends DealFacts {
  id: string;
  account: string;
  note: string;
}

/** Everything the proposal reads. */
export interface AgendaInput {
  today: string;
  /** The previous meeting's date (yyyy-mm-dd) and when it was created (ms); null for the first meeting. */
  lastMeeting: { date: string; createdAt: number } | null;
  goals: readonly Goal[];
  deals: readonly AgendaDeal[];
  /** The playbook's narratives (id → title). */
  narratives: ReadonlyMap<string, string>;
  /** Saved versions of the playbook: when, and which narratives each changed. */
  versions: readonly { createdAt: number; changed: readonly string[] }[];
  actions: readonly ActionItem[];
  /** The playbook's approval records, for `approval-age` goals (absent: nothing approved yet). */
  approvals?: ApprovalFacts;
}

/** At most this many items of each data-driven kind, so the agenda stays a meeting's worth. */
export const AGENDA_CAPS = { attention: 3, mover: 3, loss: 5 } as const;
/** A mover needs this many decided deals both before and after the last meeting. */
export const MOVER_MIN_DECIDED = 3;
/** A change smaller than this (in win-rate points) is not a mover. */
export const MOVER_MIN_POINTS = 5;
/** Without a previous meeting, "recent" means this many days. */
export const FIRST_MEETING_DAYS = 30;

const pct = (v: number): string => `${Math.round(v * 100)}%`;
const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const itemId = (prefix: string, ref: string): string => `${prefix}-${ref}`.slice(0, 64);

function decidedRate(deals: readonly AgendaDeal[], narrativeId: string, from: string, to: string) {
  let won = 0;
  let decided = 0;
  for (const d of deals) {
    if (d.outcome === 'open' || d.closeDate <= from || d.closeDate > to) continue;
    if (!d.narratives.some((u) => u.narrativeId === narrativeId)) continue;
    decided++;
    if (d.outcome === 'won') won++;
  }
  return { decided, interval: wilsonInterval(won, decided) };
}

/** Proposes the agenda, in the order of the list above. */
export function proposeAgenda(input: AgendaInput): AgendaItem[] {
  const { today, deals, narratives } = input;
  const since = input.lastMeeting?.date ?? daysBefore(today, FIRST_MEETING_DAYS);
  const title = (id: string): string => narratives.get(id) || 'A narrative no longer in the playbook';
  const items: AgendaItem[] = [];

  for (const goal of input.goals) {
    const p = measureGoal(goal, deals, today, input.approvals);
    if (p.status !== 'off-track') continue;
    items.push({
      id: itemId('goal', goal.id),
      kind: 'goal',
      title: `Goal off track: ${goal.title}`,
      detail: p.overdue
        ? describeApprovalAge(goal, p.current, p.overdue)
        : `${formatRateInterval(p.current.value)} in ${p.current.label} (${p.current.successes} of ${p.current.trials}) against a target of ${pct(goal.target)}.`,
    });
  }

  const attention = [...needsAttention(deals, today).values()]
    .filter((a) => narratives.has(a.narrativeId))
    .sort((a, b) => (a.recent.rate ?? 1) - (b.recent.rate ?? 1))
    .slice(0, AGENDA_CAPS.attention);
  for (const a of attention) {
    const reasons = a.reasons.map((r) =>
      r === 'recent-below-earlier'
        ? `recent win rate ${formatRateInterval(a.recent)} is below its earlier ${formatRateInterval(a.earlier)}`
        : `${a.recentLossesCitingIt} recent losses say it fell flat`,
    );
    items.push({
      id: itemId('attention', a.narrativeId),
      kind: 'attention',
      title: `Needs attention: ${title(a.narrativeId)}`,
      detail: `${reasons.join('; ')}.`.replace(/^./, (c) => c.toUpperCase()),
    });
  }

  const movers: { id: string; delta: number; before: string; now: string }[] = [];
  for (const id of narratives.keys()) {
    const before = decidedRate(deals, id, '0000-00-00', since);
    const now = decidedRate(deals, id, '0000-00-00', today);
    if (before.decided < MOVER_MIN_DECIDED || now.decided - before.decided < MOVER_MIN_DECIDED) continue;
    const delta = ((now.interval.rate ?? 0) - (before.interval.rate ?? 0)) * 100;
    if (Math.abs(delta) >= MOVER_MIN_POINTS)
      movers.push({
        id,
        delta,
        before: formatRateInterval(before.interval),
        now: formatRateInterval(now.interval),
      });
  }
  movers.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || (a.id < b.id ? -1 : 1));
  for (const m of movers.slice(0, AGENDA_CAPS.mover)) {
    const points = Math.round(Math.abs(m.delta));
    items.push({
      id: itemId('mover', m.id),
      kind: 'mover',
      title: `${m.delta > 0 ? 'Up' : 'Down'} ${points} points: ${title(m.id)}`,
      detail: `Win rate ${m.now} now, ${m.before} at the last meeting.`,
    });
  }

  const losses = deals
    .filter((d) => d.outcome === 'lost-competitor' && d.closeDate > since && d.closeDate <= today)
    .sort((a, b) => (a.closeDate < b.closeDate ? 1 : a.closeDate > b.closeDate ? -1 : a.id < b.id ? -1 : 1))
    .slice(0, AGENDA_CAPS.loss);
  for (const d of losses) {
    items.push({
      id: itemId('loss', d.id),
      kind: 'loss',
      title: `Lost to ${d.competitor || 'a competitor'}: ${clip(d.account, 100)}`,
      detail: clip(`${d.closeDate}. ${d.note || 'No note was logged.'}`, 1000),
    });
  }

  const sinceMs = input.lastMeeting?.createdAt ?? Date.parse(`${since}T00:00:00Z`);
  const changed = new Set<string>();
  for (const v of input.versions) if (v.createdAt > sinceMs) for (const id of v.changed) changed.add(id);
  const changedTitles = [...changed].filter((id) => narratives.has(id)).map(title);
  if (changedTitles.length > 0)
    items.push({
      id: itemId('changed', since),
      kind: 'changed',
      title: `${changedTitles.length} narrative${changedTitles.length === 1 ? '' : 's'} changed since the last meeting`,
      detail: clip(changedTitles.join(' · '), 1000),
    });

  for (const a of input.actions) {
    if (a.done) continue;
    items.push({
      id: itemId('action', a.id),
      kind: 'action',
      title: `Open action: ${clip(a.text, 120)}`,
      detail: `${a.ownerName}, due ${a.due}${a.due < today ? ' (overdue)' : ''}. Raised on “${clip(a.itemTitle, 200)}”.`,
    });
  }
  return items;
}
