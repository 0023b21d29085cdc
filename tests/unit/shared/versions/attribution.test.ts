// Deals count for the version of a narrative in force: the one recorded when the deal was logged, or —
// for older deals and imports — the one in force on the close date.
import { describe, expect, it } from 'vitest';
import {
  attributeUse,
  dealsForVersionsInForce,
  narrativeAttributor,
  narrativeVersions,
  versionInForce,
} from '../../../../shared/versions/attribution';
import { buildVersionReview, compareVersionRows } from '../../../../shared/stats/versionReview';
import { day, version } from './versionMeta';

// v1 holds both narratives; v2 changes only "a"; v3 changes only "b".
const VERSIONS = [
  version('v1', day('2026-01-10'), ['a', 'b']),
  version('v2', day('2026-02-10'), ['a']),
  version('v3', day('2026-03-10'), ['b']),
];

describe('which version of a narrative a deal used', () => {
  it('numbers each narrative’s own versions: those in which it changed', () => {
    expect(narrativeVersions(VERSIONS, 'a').map((e) => [e.version.id, e.number])).toEqual([
      ['v1', 1],
      ['v2', 2],
    ]);
    expect(narrativeVersions(VERSIONS, 'b').map((e) => e.version.id)).toEqual(['v1', 'v3']);
  });

  it('the version in force is the latest one, at or before then, that changed the narrative', () => {
    expect(versionInForce(VERSIONS, 'a', day('2026-01-01'))).toBeNull();
    expect(versionInForce(VERSIONS, 'a', day('2026-01-10'))?.version.id).toBe('v1');
    expect(versionInForce(VERSIONS, 'a', day('2026-03-20'))?.version.id).toBe('v2'); // v3 did not change "a"
    expect(versionInForce(VERSIONS, 'b', day('2026-03-20'))?.version.id).toBe('v3');
  });

  it('deals without a recorded version are attributed by close date (the whole close day counts)', () => {
    expect(attributeUse(VERSIONS, { narrativeId: 'a' }, '2026-02-09')).toMatchObject({
      entry: { version: { id: 'v1' } },
      basis: 'close-date',
    });
    expect(attributeUse(VERSIONS, { narrativeId: 'a' }, '2026-02-10').entry?.version.id).toBe('v2');
    expect(attributeUse(VERSIONS, { narrativeId: 'a' }, '2025-12-31').entry).toBeNull();
  });

  it('a recorded version wins over the close date; an unknown one falls back to the date', () => {
    // Closed in January but logged (and so recorded) under v2.
    expect(attributeUse(VERSIONS, { narrativeId: 'a', versionId: 'v2' }, '2026-01-15')).toMatchObject({
      entry: { version: { id: 'v2' } },
      basis: 'logged',
    });
    expect(attributeUse(VERSIONS, { narrativeId: 'a', versionId: 'zz' }, '2026-01-15')).toMatchObject({
      entry: { version: { id: 'v1' } },
      basis: 'close-date',
    });
  });

  it('attributing many uses of one narrative at once agrees with attributing each alone', () => {
    const dates = ['2025-12-31', '2026-01-10', '2026-02-09', '2026-02-10', '2026-02-10', '2026-03-10', '2026-04-01'];
    for (const narrativeId of ['a', 'b', 'never-versioned']) {
      const attribute = narrativeAttributor(VERSIONS, narrativeId);
      for (const closeDate of dates)
        for (const versionId of [undefined, 'v1', 'v2', 'v3', 'zz']) {
          const use = versionId === undefined ? { narrativeId } : { narrativeId, versionId };
          expect(attribute(use, closeDate), `${narrativeId} ${closeDate} ${versionId}`).toEqual(
            attributeUse(VERSIONS, use, closeDate),
          );
        }
    }
  });

  it('the review has a row per version with its deals, and compares the two', () => {
    const deal = (closeDate: string, outcome: 'won' | 'lost-competitor' | 'lost-no-decision' | 'open', v?: string) => ({
      closeDate,
      outcome,
      narratives: [{ narrativeId: 'a', reception: 'neutral' as const, ...(v ? { versionId: v } : {}) }],
    });
    const deals = [
      deal('2025-12-01', 'won'),
      deal('2026-01-20', 'won'),
      deal('2026-01-21', 'lost-competitor'),
      deal('2026-01-22', 'lost-no-decision'),
      deal('2026-01-23', 'won', 'v2'),
      deal('2026-02-20', 'won'),
      deal('2026-02-21', 'open'),
    ];
    const { rows } = buildVersionReview('a', deals, VERSIONS);
    expect(
      rows.map((r) => [r.label, r.deals, r.won, r.lostCompetitor, r.lostNoDecision, r.open, r.byCloseDate]),
    ).toEqual([
      ['Before versions', 1, 1, 0, 0, 0, 1],
      ['v1', 3, 1, 1, 1, 0, 3],
      ['v2', 3, 2, 0, 0, 1, 2],
    ]);
    expect(rows[2]!.winRate.rate).toBe(1);
    const difference = compareVersionRows(rows[2]!, rows[1]!);
    expect(difference.interval!.difference).toBeCloseTo(2 / 3, 10);
    expect(difference.verdict).toMatch(/^not enough deals to tell yet/);
  });
});

describe('evidence for the version being exported', () => {
  it('keeps only the uses that count for each narrative’s version in force', () => {
    const deals = [
      { closeDate: '2026-01-20', narratives: [{ narrativeId: 'a' }, { narrativeId: 'b' }, { narrativeId: 'z' }] },
      { closeDate: '2026-02-20', narratives: [{ narrativeId: 'a' }, { narrativeId: 'b' }] },
      { closeDate: '2026-01-20', narratives: [{ narrativeId: 'a', versionId: 'v2' }] },
    ];
    const now = day('2026-04-01');
    const kept = dealsForVersionsInForce(deals, VERSIONS, now).map((d) => d.narratives.map((u) => u.narrativeId));
    // "a" is at v2 (Feb deal, and the January deal logged under v2); "b" is at v3 (no deal yet); "z" has no version.
    expect(kept).toEqual([['z'], ['a'], ['a']]);
    expect(dealsForVersionsInForce(deals, [], now)).toEqual(deals);
  });
});
