/**
 * A repair for pptxgenjs 4.0.1: for a paragraph of several runs (words, then a link, then words) it writes
 * an `<a:pPr>` before every run, and `a:p` allows one, first (CT_TextParagraph in the OOXML schema).
 * PowerPoint then offers to "repair" the file. The slide XML is rewritten to keep each paragraph's first
 * properties only — those of its first run, where buildPptx puts them.
 */
import JSZip from 'jszip';
import type { DeckLayout } from '@shared/deck/deckModel';

const PARAGRAPH = /<a:p>([\s\S]*?)<\/a:p>/g;
const PROPERTIES = /<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g;

/** True when some paragraph of `layout` has more than one run (only those need the repair). */
export function hasMultiRunParagraphs(layout: DeckLayout): boolean {
  return layout.slides.some((slide) =>
    slide.boxes.some((box) => box.kind === 'text' && box.rich?.some((p) => p.runs.length > 1)),
  );
}

/** `xml` with every paragraph's second and later `<a:pPr>` removed. */
export function dropExtraParagraphProperties(xml: string): string {
  return xml.replace(PARAGRAPH, (_, body: string) => {
    let seen = false;
    const fixed = body.replace(PROPERTIES, (props) => {
      if (seen) return '';
      seen = true;
      return props;
    });
    return `<a:p>${fixed}</a:p>`;
  });
}

/** The .pptx `bytes` with every slide's paragraphs repaired. */
export async function onePropertiesPerParagraph(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files)) {
    // Only slides carry links (notes are one run per paragraph).
    if (!/^ppt\/slides\/[^/]+\.xml$/.test(name)) continue;
    const file = zip.file(name)!;
    zip.file(name, dropExtraParagraphProperties(await file.async('string')));
  }
  // Stored, not deflated, like pptxgenjs's own uint8array output: the same file as without links, repaired.
  return zip.generateAsync({ type: 'uint8array', compression: 'STORE', mimeType: MIME });
}

const MIME = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
