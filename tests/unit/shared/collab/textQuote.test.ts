import { describe, expect, it } from 'vitest';
import { createTextQuote, locateTextQuote, resolveAnchor } from '../../../../shared/collab/textQuote';

const text = 'Fleets cut fuel costs by 12% in the first quarter. Fuel costs fall again in year two.';

describe('text-quote anchors', () => {
  it('builds a W3C selector with prefix and suffix', () => {
    const start = text.indexOf('fuel costs');
    expect(createTextQuote(text, start, start + 10, 8)).toEqual({
      type: 'TextQuoteSelector',
      exact: 'fuel costs',
      prefix: 'ets cut ',
      suffix: ' by 12% ',
    });
  });

  it('is kept when text changes around the phrase', () => {
    const start = text.indexOf('cut fuel costs');
    const selector = createTextQuote(text, start, start + 14);
    const edited = 'Our customers’ fleets cut fuel costs by 12% in their first quarter.';
    const range = locateTextQuote(edited, selector)!;
    expect(edited.slice(range.start, range.end)).toBe('cut fuel costs');
  });

  it('moves with the phrase when it moves', () => {
    const start = text.indexOf('by 12%');
    const selector = createTextQuote(text, start, start + 6);
    const moved = 'In year two costs fall again. Fleets cut fuel costs by 12% in the first quarter.';
    expect(locateTextQuote(moved, selector)).toEqual({
      start: moved.indexOf('by 12%'),
      end: moved.indexOf('by 12%') + 6,
    });
  });

  it('picks the occurrence whose context matches when the words appear twice', () => {
    const doubled = 'Fuel costs matter. Fleets cut fuel costs by 12%. Fleets cut fuel costs by 20%.';
    const second = doubled.lastIndexOf('fuel costs');
    const selector = createTextQuote(doubled, second, second + 10);
    expect(locateTextQuote(doubled, selector)!.start).toBe(second);
  });

  it('is orphaned when the quoted words are gone, or the narrative is', () => {
    const start = text.indexOf('by 12%');
    const selector = createTextQuote(text, start, start + 6);
    expect(resolveAnchor('Fleets cut fuel costs by a lot.', selector)).toEqual({ status: 'orphaned' });
    expect(resolveAnchor(null, selector)).toEqual({ status: 'orphaned' });
    expect(resolveAnchor(text, selector).status).toBe('anchored');
  });

  it('refuses an empty or out-of-range quote', () => {
    expect(() => createTextQuote(text, 5, 5)).toThrow(RangeError);
    expect(() => createTextQuote(text, -1, 3)).toThrow(RangeError);
  });
});
