// Ids name documents, so every one is unique, URL-safe and valid — also across the 4 KiB random pool's
// refills (256 ids each), as when an import makes tens of thousands of them at once.
import { describe, expect, it } from 'vitest';
import { isValidId, newId } from '../../../../shared/domain/ids';

describe('newId', () => {
  it('makes 50,000 distinct valid ids of 16 characters after the prefix', () => {
    const ids = Array.from({ length: 50_000 }, () => newId('d'));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => isValidId(id) && /^d[0-9a-z]{16}$/.test(id))).toBe(true);
  });

  it('spreads its characters over the whole alphabet', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2_000; i++) for (const c of newId()) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(36);
  });
});
