/**
 * Writes a laid-out deck as a .pptx with pptxgenjs, in the renderer. Nothing is decided here: every box,
 * font size and line of text comes from the layout (shared/deck/layoutDeck.ts), so the file shows what the
 * preview showed. Text boxes get zero insets and no autofit, because the layout already made the text fit.
 * Links in the text become hyperlinks on their words.
 */
import PptxGenJS from 'pptxgenjs';
import { BULLET_INDENT_PT } from '@shared/deck/layoutDeck';
import type { DeckLayout, ImageBox, LaidOutSlide, RectBox, TextBox } from '@shared/deck/deckModel';
import { safeUrl } from '@shared/deck/richText';
import { nextTask } from '../../platform/nextTask';
import { hasMultiRunParagraphs, onePropertiesPerParagraph } from './pptxParagraphs';
import { sharedFrame, type SharedFrame } from './sharedFrame';

/** The master of the narrative slides' shared frame. */
const FRAME_MASTER = 'DUET_NARRATIVE';

/** Document properties written into the file. */
export interface PptxMeta {
  title: string;
  author: string;
  company: string;
}

/** Slides written between two progress reports (and yields to the event loop, so the UI stays live). */
const PROGRESS_EVERY = 25;

/** pptxgenjs text runs of one paragraph: links as hyperlinks, a group label bold and without a bullet. */
function paragraphRuns(box: TextBox, i: number, last: boolean): PptxGenJS.TextProps[] {
  const rich = box.rich?.[i];
  const runs = rich ? rich.runs : [{ text: box.paragraphs[i]! }];
  const heading = rich?.heading === true;
  const paragraph = {
    ...(box.bullets ? { bullet: heading ? false : { indent: BULLET_INDENT_PT } } : {}),
    ...(box.spaceAfter > 0 && !last ? { paraSpaceAfter: box.spaceAfter } : {}),
  };
  return runs.map((run, r) => {
    const url = safeUrl(run);
    return {
      text: run.text,
      options: {
        // Paragraph properties ride on the first run; the last one ends the paragraph.
        ...(r === 0 ? paragraph : {}),
        ...(heading ? { bold: true } : {}),
        ...(url !== null ? { hyperlink: { url } } : {}),
        breakLine: !last && r === runs.length - 1,
      },
    };
  });
}

/**
 * The deck's body font: the one most of its text boxes use. It becomes the file's theme font, which text
 * without a font of its own is set in, so those runs carry no font names (three per run otherwise, a fifth
 * of the slides' XML, which the zip then encodes and checksums).
 */
function deckBodyFont(layout: DeckLayout): string | null {
  const uses = new Map<string, number>();
  for (const slide of layout.slides)
    for (const box of slide.boxes) if (box.kind === 'text') uses.set(box.font, (uses.get(box.font) ?? 0) + 1);
  let best: string | null = null;
  for (const [font, n] of uses) if (best === null || n > uses.get(best)!) best = font;
  return best;
}

function textOptions(box: TextBox, bodyFont: string | null): PptxGenJS.TextPropsOptions {
  return {
    x: box.x,
    y: box.y,
    w: box.w,
    h: box.h,
    ...(box.font === bodyFont ? {} : { fontFace: box.font }),
    fontSize: box.fontSize,
    color: box.color,
    bold: box.bold,
    align: box.align,
    valign: 'top',
    margin: 0,
    fit: 'none',
    // No line spacing is written: single spacing (what the layout measured with) is the format's default.
  };
}

const rectOptions = (box: RectBox): PptxGenJS.ShapeProps => ({
  x: box.x,
  y: box.y,
  w: box.w,
  h: box.h,
  fill: { color: box.fill },
  line: { type: 'none' },
});

// pptxgenjs wants "image/png;base64,…" without the "data:" scheme.
const imageOptions = (box: ImageBox): PptxGenJS.ImageProps => ({
  data: box.dataUrl.replace(/^data:/, ''),
  x: box.x,
  y: box.y,
  w: box.w,
  h: box.h,
});

/** The master that draws the narrative slides' shared frame (sharedFrame.ts) once for all of them. */
function defineFrameMaster(pptx: PptxGenJS, frame: SharedFrame, bodyFont: string | null): void {
  pptx.defineSlideMaster({
    title: FRAME_MASTER,
    ...(frame.background !== null ? { background: { color: frame.background } } : {}),
    objects: frame.boxes.map((box) =>
      box.kind === 'rect'
        ? { rect: rectOptions(box) }
        : box.kind === 'image'
          ? { image: imageOptions(box) }
          : { text: { text: box.paragraphs[0]!, options: textOptions(box, bodyFont) } },
    ),
  });
}

function addSlide(pptx: PptxGenJS, laidOut: LaidOutSlide, bodyFont: string | null, frame: SharedFrame | null): void {
  const framed = frame !== null && laidOut.kind === 'narrative';
  const slide = framed ? pptx.addSlide({ masterName: FRAME_MASTER }) : pptx.addSlide();
  if (!framed || frame.background !== laidOut.background) slide.background = { color: laidOut.background };
  for (const box of laidOut.boxes) {
    if (framed && frame.drawnByMaster.has(box)) continue;
    if (box.kind === 'rect') slide.addShape('rect', rectOptions(box));
    else if (box.kind === 'image') slide.addImage(imageOptions(box));
    else {
      const runs = box.paragraphs.flatMap((_, i) => paragraphRuns(box, i, i === box.paragraphs.length - 1));
      slide.addText(runs, textOptions(box, bodyFont));
    }
  }
  if (laidOut.notes) slide.addNotes(laidOut.notes);
}

/** The .pptx bytes of `layout`; `onProgress(done, total)` is called as slides are added. */
export async function buildPptx(
  layout: DeckLayout,
  meta: PptxMeta,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.defineLayout({ name: 'DUET_WIDE', width: layout.width, height: layout.height });
  pptx.layout = 'DUET_WIDE';
  pptx.title = meta.title;
  pptx.author = meta.author;
  pptx.company = meta.company;
  // Brand fonts come from a fixed list (shared/collab/brand.ts): pptxgenjs writes this name unescaped.
  const bodyFont = deckBodyFont(layout);
  if (bodyFont !== null) pptx.theme = { bodyFontFace: bodyFont };
  const frame = sharedFrame(layout.slides);
  if (frame !== null) defineFrameMaster(pptx, frame, bodyFont);
  const total = layout.slides.length;
  for (let i = 0; i < total; i++) {
    addSlide(pptx, layout.slides[i]!, bodyFont, frame);
    if ((i + 1) % PROGRESS_EVERY === 0) {
      onProgress(i + 1, total);
      await nextTask(); // not setTimeout(0): from the fifth in a row each is held back 4 ms
    }
  }
  onProgress(total, total);
  const bytes = (await pptx.write({ outputType: 'uint8array', compression: true })) as Uint8Array;
  // Only a deck with links has paragraphs of several runs, which need the repair (pptxParagraphs.ts).
  return hasMultiRunParagraphs(layout) ? onePropertiesPerParagraph(bytes) : bytes;
}
