// Which rows a compaction merges: the newest, back to the first older row much larger than all after it.
import { describe, expect, it } from 'vitest';
import { COMPACTION_SIZE_FACTOR, compactionStart } from '../../../../server/storage/DocStorage';

describe('compactionStart', () => {
  it('merges every row of a log of like-sized updates', () => {
    expect(compactionStart([10, 12, 9, 30])).toBe(0);
    expect(compactionStart([])).toBe(0);
  });

  it('leaves out an older row larger than the factor times everything after it', () => {
    expect(COMPACTION_SIZE_FACTOR).toBe(4);
    expect(compactionStart([1_000, 10, 10, 10])).toBe(1);
    // 120 after it: a row of 480 is merged again, one of 481 is not.
    expect(compactionStart([480, 40, 40, 40])).toBe(0);
    expect(compactionStart([481, 40, 40, 40])).toBe(1);
  });

  it('keeps a few tiers, each left alone until a quarter of its size has arrived after it', () => {
    // A 23 MB document, a 40 kB merge of earlier updates, then 500 small ones.
    const sizes = [23_000_000, 40_000, ...Array<number>(500).fill(100)];
    expect(compactionStart(sizes)).toBe(1);
    // Nothing to merge: only the newest row is after a much larger one.
    expect(compactionStart([23_000_000, 100])).toBe(1);
  });
});
