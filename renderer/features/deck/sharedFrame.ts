/**
 * What every narrative slide of a deck draws alike — the band along the top, the footer line, the logo, the
 * background — so that buildPptx can draw it once, on a slide master, instead of on each slide. Drawn per
 * slide, the logo was a copy of the image for every slide (pptxgenjs shares no media between slides), and
 * each shape 0.3–0.7 kB of XML per slide that the file's writing then encodes and checksums.
 */
import type { Hex, LaidOutSlide, SlideBox } from '@shared/deck/deckModel';

/** The frame shared by the narrative slides: drawn by the master, left off each slide. */
export interface SharedFrame {
  /** The background every narrative slide has (null: they differ). */
  background: Hex | null;
  /** The shared boxes, in drawing order. */
  boxes: SlideBox[];
  /** Every slide box that the master draws instead (the very objects of the layout). */
  drawnByMaster: ReadonlySet<SlideBox>;
}

/**
 * A master can draw rectangles, images and one-paragraph plain text; text with links, labels or bullets
 * stays on its slide.
 */
function canShare(box: SlideBox): boolean {
  return box.kind !== 'text' || (box.rich === undefined && !box.bullets && box.paragraphs.length === 1);
}

const overlaps = (a: SlideBox, b: SlideBox): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** An identity for equal boxes; an image by its frame and its data (compared as a string, not re-serialised). */
function keyer(): (box: SlideBox) => string {
  const images = new Map<string, number>();
  return (box) => {
    if (box.kind !== 'image') return JSON.stringify(box);
    let id = images.get(box.dataUrl);
    if (id === undefined) images.set(box.dataUrl, (id = images.size));
    return `image ${box.x} ${box.y} ${box.w} ${box.h} ${id}`;
  };
}

/**
 * The frame the narrative slides share, or null when fewer than two narrative slides share anything. A box
 * is shared only if every narrative slide has it and, on every slide, nothing that stays on the slide is
 * drawn beneath it where they overlap: the master draws below all of the slide's own shapes.
 */
export function sharedFrame(slides: readonly LaidOutSlide[]): SharedFrame | null {
  const narrative = slides.filter((s) => s.kind === 'narrative');
  if (narrative.length < 2) return null;
  const keyOf = keyer();
  const keys = narrative.map((s) => s.boxes.map(keyOf));
  const shared = new Set(narrative[0]!.boxes.filter(canShare).map((box) => keyOf(box)));
  for (const slideKeys of keys) {
    const present = new Set(slideKeys);
    for (const key of shared) if (!present.has(key)) shared.delete(key);
  }
  // Dropping a box can make one drawn over it unsafe to share: repeat until nothing changes.
  for (let changed = true; changed;) {
    changed = false;
    narrative.forEach((slide, s) =>
      slide.boxes.forEach((box, i) => {
        const key = keys[s]![i]!;
        if (!shared.has(key)) return;
        for (let j = 0; j < i; j++)
          if (!shared.has(keys[s]![j]!) && overlaps(slide.boxes[j]!, box)) {
            shared.delete(key);
            changed = true;
            return;
          }
      }),
    );
  }
  const background = narrative.every((s) => s.background === narrative[0]!.background)
    ? narrative[0]!.background
    : null;
  if (shared.size === 0 && background === null) return null;
  const drawnByMaster = new Set<SlideBox>();
  narrative.forEach((slide, s) => slide.boxes.forEach((box, i) => shared.has(keys[s]![i]!) && drawnByMaster.add(box)));
  const first = narrative[0]!.boxes.filter((_, i) => shared.has(keys[0]![i]!));
  return { background, boxes: first, drawnByMaster };
}
