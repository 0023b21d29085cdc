import { describe, expect, it } from 'vitest';
import { layoutText, offsetOfPoint, pointOfOffset, trimRange } from '@shared/collab/narrativeText';
import { createTextQuote, locateTextQuote } from '@shared/collab/textQuote';

const segments = [
  { key: 't1', block: 'title', text: 'Cost ' },
  { key: 't2', block: 'title', text: 'of downtime' },
  { key: 'k1', block: 'key', text: 'Every idle truck costs money.' },
  { key: 'b1', block: 'body', text: 'Cut fuel costs by 12%.' },
];

describe('narrative text for anchored notes', () => {
  it('joins leaves of one block directly and blocks with a line break', () => {
    expect(layoutText(segments).text).toBe('Cost of downtime\nEvery idle truck costs money.\nCut fuel costs by 12%.');
  });

  it('maps a point inside a leaf to a text offset and back', () => {
    const layout = layoutText(segments);
    const at = layout.text.indexOf('fuel');
    expect(offsetOfPoint(layout, { index: 3, offset: 4 })).toBe(at);
    expect(pointOfOffset(layout, at, 'start')).toEqual({ index: 3, offset: 4 });
  });

  it('puts a start on a leaf boundary at the next leaf and an end at the previous one', () => {
    const layout = layoutText(segments);
    expect(pointOfOffset(layout, 5, 'start')).toEqual({ index: 1, offset: 0 });
    expect(pointOfOffset(layout, 5, 'end')).toEqual({ index: 0, offset: 5 });
    expect(pointOfOffset(layout, 0, 'end')).toEqual({ index: 0, offset: 0 });
    expect(pointOfOffset(layout, layout.text.length, 'start')).toEqual({ index: 3, offset: 22 });
    expect(pointOfOffset(layout, layout.text.length + 1, 'start')).toBeNull();
  });

  it('drops the white space a triple-click selects around a block', () => {
    const text = 'a\nCut fuel costs.\n';
    expect(trimRange(text, 1, text.length)).toEqual({ start: 2, end: text.length - 1 });
    expect(trimRange('   ', 0, 3)).toEqual({ start: 3, end: 3 });
  });

  it('finds a quote made from the layout in the same layout, across leaves', () => {
    const layout = layoutText(segments);
    const start = layout.text.indexOf('of down');
    const selector = createTextQuote(layout.text, start - 2, start + 7);
    expect(selector.exact).toBe('t of down');
    expect(locateTextQuote(layout.text, selector)).toEqual({ start: start - 2, end: start + 7 });
  });
});
