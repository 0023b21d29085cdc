/**
 * Writes a laid-out deck as a .pptx with pptxgenjs, in the renderer. Nothing is decided here: every box,
 * font size and line of text comes from the layout (shared/deck/layoutDeck.ts), so the file shows what the
 * preview showed. Text boxes get zero insets and no autofit, because the layout already made the text fit.
 */
import PptxGenJS from 'pptxgenjs';
import { BULLET_INDENT_PT } from '@shared/deck/layoutDeck';
import type { DeckLayout, LaidOutSlide, TextBox } from '@shared/deck/deckModel';

/** Document properties written into the file. */
export interface PptxMeta {
  title: string;
  author: string;
  company: string;
}

/** Slides written between two progress reports (and yields to the event loop, so the UI stays live). */
const PROGRESS_EVERY = 25;

function addTextBox(slide: PptxGenJS.Slide, box: TextBox): void {
  const runs: PptxGenJS.TextProps[] = box.paragraphs.map((paragraph, i) => ({
    text: paragraph,
    options: {
      breakLine: i < box.paragraphs.length - 1,
      ...(box.bullets ? { bullet: { indent: BULLET_INDENT_PT } } : {}),
      ...(box.spaceAfter > 0 && i < box.paragraphs.length - 1 ? { paraSpaceAfter: box.spaceAfter } : {}),
    },
  }));
  slide.addText(runs, {
    x: box.x,
    y: box.y,
    w: box.w,
    h: box.h,
    fontFace: box.font,
    fontSize: box.fontSize,
    color: box.color,
    bold: box.bold,
    align: box.align,
    valign: 'top',
    margin: 0,
    fit: 'none',
    lineSpacingMultiple: 1,
  });
}

function addSlide(pptx: PptxGenJS, laidOut: LaidOutSlide): void {
  const slide = pptx.addSlide();
  slide.background = { color: laidOut.background };
  for (const box of laidOut.boxes) {
    if (box.kind === 'rect') {
      slide.addShape('rect', {
        x: box.x,
        y: box.y,
        w: box.w,
        h: box.h,
        fill: { color: box.fill },
        line: { type: 'none' },
      });
    } else if (box.kind === 'image') {
      // pptxgenjs wants "image/png;base64,…" without the "data:" scheme.
      slide.addImage({ data: box.dataUrl.replace(/^data:/, ''), x: box.x, y: box.y, w: box.w, h: box.h });
    } else {
      addTextBox(slide, box);
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
  const total = layout.slides.length;
  for (let i = 0; i < total; i++) {
    addSlide(pptx, layout.slides[i]!);
    if ((i + 1) % PROGRESS_EVERY === 0) {
      onProgress(i + 1, total);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
  onProgress(total, total);
  const bytes = await pptx.write({ outputType: 'uint8array', compression: true });
  return bytes as Uint8Array;
}
