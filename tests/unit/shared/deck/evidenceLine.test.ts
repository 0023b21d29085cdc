import { describe, expect, it } from 'vitest';
import { formatEvidenceLine } from '@shared/deck/evidenceLine';
import { score } from '../../renderer/features/deck/deckFixtures';

describe('win evidence on a slide', () => {
  it('is left out until the review has data', () => expect(formatEvidenceLine(null)).toBeNull());

  it('is left out below 10 decided deals', () => {
    expect(formatEvidenceLine(score('n', 9, 9))).toBeNull();
    expect(formatEvidenceLine({ ...score('n', 6, 9), open: 30, deals: 39 })).toBeNull();
  });

  it('shows wins, decided deals and the Wilson interval from 10 decided deals on', () => {
    expect(formatEvidenceLine(score('n', 7, 10))).toBe('won 7 of 10 deals — 70% (40–89%)');
    expect(formatEvidenceLine(score('n', 14, 20))).toBe('won 14 of 20 deals — 70% (48–85%)');
  });
});
