/** Which boxes a deck's narrative slides share (drawn once by their master) and which stay on each slide. */
import { describe, expect, it } from 'vitest';
import type { LaidOutSlide, SlideBox } from '@shared/deck/deckModel';
import { sharedFrame } from '../../../../../renderer/features/deck/sharedFrame';

const band: SlideBox = { kind: 'rect', x: 0, y: 0, w: 13.3, h: 0.14, fill: '0f6e68' };
const panel = (h: number): SlideBox => ({ kind: 'rect', x: 8, y: 2, w: 4, h, fill: 'eeeeee' });
const mark: SlideBox = { kind: 'rect', x: 8, y: 2, w: 0.06, h: 1, fill: '0f6e68' };

function slide(boxes: SlideBox[], kind: LaidOutSlide['kind'] = 'narrative', background = 'ffffff'): LaidOutSlide {
  return { kind, narrativeId: kind === 'narrative' ? 'n' : null, part: 1, background, boxes, notes: '' };
}

describe('sharedFrame', () => {
  it('shares what every narrative slide draws alike, leaving the title and closing slides alone', () => {
    const slides = [slide([{ ...band }], 'title', '000000'), slide([band, panel(3)]), slide([band, panel(4)])];
    const frame = sharedFrame(slides)!;
    expect(frame.boxes).toEqual([band]);
    expect(frame.background).toBe('ffffff');
    expect(frame.drawnByMaster.has(slides[1]!.boxes[0]!)).toBe(true);
    expect(frame.drawnByMaster.has(slides[0]!.boxes[0]!)).toBe(false); // the title slide draws its own
  });

  it('keeps on the slide a shared box drawn over one that differs (the master draws beneath the slide)', () => {
    const frame = sharedFrame([slide([band, panel(3), mark]), slide([band, panel(4), mark])])!;
    expect(frame.boxes).toEqual([band]);
  });

  it('shares nothing with a single narrative slide, or when the slides differ in everything', () => {
    expect(sharedFrame([slide([band])])).toBeNull();
    expect(
      sharedFrame([slide([panel(3)], 'narrative', 'ffffff'), slide([panel(4)], 'narrative', '000000')]),
    ).toBeNull();
  });
});
