/**
 * A narrative's table per version patched after deals were edited in place is the very table made afresh
 * from the edited deals, and the table before is left as it was.
 */
import { describe, expect, it } from 'vitest';
import type { DealFacts } from '../../../../shared/domain/deal';
import { buildVersionReview, patchVersionReview } from '../../../../shared/stats/versionReview';
import { deals, edited, random } from './randomDeals';
import { day, version } from '../versions/versionMeta';

// "a" changes in v1 and v3, "b" only in v2, "c" never: rows before versions, per version, and none at all.
const VERSIONS = [
  version('v1', day('2026-01-10'), ['a', 'b']),
  version('v2', day('2026-06-15'), ['b']),
  version('v3', day('2026-11-01'), ['a']),
];

/** Some uses record the version they were logged under (one id no version has): attributed by it, not the date. */
function withVersionIds(seed: number, log: DealFacts[]): DealFacts[] {
  const rand = random(seed * 13 + 5);
  const ids = [undefined, undefined, 'v1', 'v2', 'v3', 'unknown'];
  return log.map((deal) => ({
    ...deal,
    narratives: deal.narratives.map((use) => {
      const versionId = ids[rand(ids.length)];
      return versionId === undefined ? use : { ...use, versionId };
    }),
  }));
}

describe('the table per version of a narrative', () => {
  it('patched for deals edited in place equals the table made afresh, the table before untouched (200 seeds)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const log = withVersionIds(seed, deals(seed, 5 + (seed % 40)));
      const { next, changes } = edited(seed, log);
      for (const narrativeId of ['a', 'b', 'c']) {
        const previous = buildVersionReview(narrativeId, log, VERSIONS);
        const kept = structuredClone(previous);
        const patched = patchVersionReview(previous, narrativeId, changes, VERSIONS);
        expect(patched, `seed ${seed}, narrative ${narrativeId}`).toEqual(
          buildVersionReview(narrativeId, next, VERSIONS),
        );
        expect(previous, `seed ${seed}: the table before`).toEqual(kept);
      }
    }
  });

  it('gains the "Before versions" row when an edit moves a deal there, and loses it when its last deal leaves', () => {
    const deal = (closeDate: string): DealFacts => ({
      ...deals(1, 1)[0]!,
      closeDate,
      narratives: [{ narrativeId: 'a', reception: 'neutral' }],
    });
    const early = deal('2025-12-01');
    const late = deal('2026-02-01');
    const table = buildVersionReview('a', [late], VERSIONS);
    expect(table.rows.map((r) => r.label)).toEqual(['v1', 'v2']);
    const moved = patchVersionReview(table, 'a', [{ before: late, after: early }], VERSIONS);
    expect(moved.rows.map((r) => [r.label, r.deals])).toEqual([
      ['Before versions', 1],
      ['v1', 0],
      ['v2', 0],
    ]);
    const back = patchVersionReview(moved, 'a', [{ before: early, after: late }], VERSIONS);
    expect(back).toEqual(table);
  });
});
