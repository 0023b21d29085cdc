/** The stored postings' number format: slot gaps and values survive the round trip at any size. */
import { describe, expect, it } from 'vitest';
import { readSlotPairs, VarintWriter } from '../../../../shared/search/varint';

describe('varint postings', () => {
  it('reads back (slot, value) pairs written as (gap, value), small and large numbers alike', () => {
    const pairs = [0, 9, 0, 17, 127, 128, 300, 2 ** 16, 2 ** 21 + 5, 2 ** 31 + 7, 2 ** 32 - 1, 0];
    const writer = new VarintWriter(4); // grows as it goes
    let previous = 0;
    for (let i = 0; i < pairs.length; i += 2) {
      writer.write(pairs[i]! - previous);
      writer.write(pairs[i + 1]!);
      previous = pairs[i]!;
    }
    const bytes = writer.finish();
    expect(bytes.length).toBeLessThan(pairs.length * 4);
    expect([...readSlotPairs(bytes, 0, bytes.length)]).toEqual(pairs);
  });
});
