import { describe, expect, it } from 'vitest';
import type { Goal } from '../../../../shared/collab/goals';
import type { ActionItem } from '../../../../shared/collab/meetingLedger';
import type { DealOutcome, Reception } from '../../../../shared/domain/deal';
import { proposeAgenda, type AgendaDeal } from '../../../../shared/meetings/proposeAgenda';

let next = 0;
function deal(
  closeDate: string,
  outcome: DealOutcome,
  narratives: [string, Reception][],
  extra: Partial<AgendaDeal> = {},
): AgendaDeal {
  next++;
  return {
    id: `d${next}`,
    account: `Account ${next}`,
    note: '',
    closeDate,
    outcome,
    competitor: '',
    persona: '',
    stage: '',
    narratives: narratives.map(([narrativeId, reception]) => ({ narrativeId, reception })),
    ...extra,
  };
}

const narratives = new Map([
  ['roi', 'ROI in one quarter'],
  ['sec', 'Security first'],
  ['flat', 'Steady story'],
]);
const today = '2026-05-20';
const lastMeeting = { date: '2026-04-20', createdAt: Date.parse('2026-04-20T10:00:00Z') };
const deals: AgendaDeal[] = [
  // "roi": 1 of 4 before the last meeting, 5 of 6 since → up 41 points (25% → 60%).
  deal('2026-01-10', 'won', [['roi', 'resonated']]),
  ...Array.from({ length: 3 }, () => deal('2026-02-10', 'lost-no-decision', [['roi', 'neutral']])),
  ...Array.from({ length: 5 }, () => deal('2026-05-01', 'won', [['roi', 'resonated']])),
  deal('2026-05-02', 'lost-no-decision', [['roi', 'neutral']]),
  // "sec": two recent losses to Seismic where it fell flat → needs attention, and two loss items.
  deal('2026-05-05', 'lost-competitor', [['sec', 'fell-flat']], {
    competitor: 'Seismic',
    account: 'Northwind',
    note: 'They wanted SOC 2 now.',
  }),
  deal('2026-05-06', 'lost-competitor', [['sec', 'fell-flat']], { competitor: 'Seismic', account: 'Contoso' }),
  // A loss before the last meeting is not recent.
  deal('2026-04-01', 'lost-competitor', [['flat', 'neutral']], { competitor: 'Klue', account: 'Old loss' }),
];
const offTrack: Goal = {
  id: 'g1',
  title: 'Win against Seismic',
  playbookId: 'p1',
  metric: 'win-rate',
  competitor: 'Seismic',
  persona: '',
  narrativeId: '',
  target: 0.9,
  period: 'quarter',
  author: 'Maya',
  createdAt: 1,
};
const unclear: Goal = { ...offTrack, id: 'g2', title: 'Win overall', competitor: '', target: 0.5 };
const openAction: ActionItem = {
  id: 'a1',
  meetingId: 'm0',
  itemId: 'i0',
  itemTitle: 'Pricing',
  text: 'Refresh the pricing slide',
  ownerId: 'name:Rep',
  ownerName: 'Rep',
  due: '2026-05-01',
  author: 'Maya',
  createdAt: 5,
  done: null,
};
const doneAction: ActionItem = { ...openAction, id: 'a2', text: 'Done already', done: { by: 'Rep', at: 6 } };

describe('proposeAgenda', () => {
  const agenda = proposeAgenda({
    today,
    lastMeeting,
    goals: [offTrack, unclear],
    deals,
    narratives,
    versions: [
      { createdAt: Date.parse('2026-04-01T00:00:00Z'), changed: ['flat'] }, // before the last meeting
      { createdAt: Date.parse('2026-05-10T00:00:00Z'), changed: ['sec', 'gone'] },
    ],
    actions: [openAction, doneAction],
  });

  it('proposes items in the order goals, attention, movers, losses, changes, open actions', () => {
    expect(agenda.map((i) => i.kind)).toEqual(['goal', 'attention', 'mover', 'loss', 'loss', 'changed', 'action']);
  });

  it('only the goal whose interval is wholly below its target is off track, with its figures', () => {
    expect(agenda[0]).toMatchObject({ id: 'goal-g1', title: 'Goal off track: Win against Seismic' });
    expect(agenda[0]!.detail).toBe('0% (0–66%) in Q2 2026 (0 of 2) against a target of 90%.');
  });

  it('names the narrative needing attention and why', () => {
    expect(agenda[1]).toMatchObject({ title: 'Needs attention: Security first' });
    expect(agenda[1]!.detail).toContain('2 recent losses say it fell flat');
  });

  it('the mover compares the win rate at the last meeting with now', () => {
    expect(agenda[2]!.title).toBe('Up 35 points: ROI in one quarter');
    expect(agenda[2]!.detail).toBe('Win rate 60% (31–83%) now, 25% (5–70%) at the last meeting.');
  });

  it('recent losses to competitors come newest first, with their notes', () => {
    expect(agenda[3]).toMatchObject({ title: 'Lost to Seismic: Contoso', detail: '2026-05-06. No note was logged.' });
    expect(agenda[4]).toMatchObject({
      title: 'Lost to Seismic: Northwind',
      detail: '2026-05-05. They wanted SOC 2 now.',
    });
  });

  it('lists the narratives changed since the last meeting and carries open actions, not done ones', () => {
    expect(agenda[5]).toMatchObject({ title: '1 narrative changed since the last meeting', detail: 'Security first' });
    expect(agenda[6]).toMatchObject({ id: 'action-a1', title: 'Open action: Refresh the pricing slide' });
    expect(agenda[6]!.detail).toBe('Rep, due 2026-05-01 (overdue). Raised on “Pricing”.');
  });

  it('a first meeting with no data proposes nothing but the open actions', () => {
    const first = proposeAgenda({
      today,
      lastMeeting: null,
      goals: [],
      deals: [],
      narratives,
      versions: [],
      actions: [openAction],
    });
    expect(first.map((i) => i.id)).toEqual(['action-a1']);
  });
});
