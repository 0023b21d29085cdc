/** Reads a generated .pptx (a zip of XML parts) back into slides: texts, font sizes, notes. */
import JSZip from 'jszip';

/** What a test looks at in one slide. */
export interface ReadSlide {
  /** Paragraph texts in document order. */
  paragraphs: string[];
  /** Every font size used, in points. */
  fontSizes: number[];
  notes: string;
}

const decode = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)]
    .map((p) => [...p[1]!.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => decode(t[1]!)).join(''))
    .filter((t) => t.length > 0);
}

/** Opens `bytes` and returns its slides in order. */
export async function readPptx(bytes: Uint8Array): Promise<ReadSlide[]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml/.exec(a)![1]) - Number(/(\d+)\.xml/.exec(b)![1]));
  const out: ReadSlide[] = [];
  for (const name of names) {
    const xml = await zip.file(name)!.async('string');
    const rels = (await zip.file(name.replace('slides/', 'slides/_rels/') + '.rels')?.async('string')) ?? '';
    const notesTarget = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(rels)?.[1];
    const notesXml = notesTarget ? await zip.file(`ppt/notesSlides/${notesTarget}`)!.async('string') : '';
    out.push({
      paragraphs: paragraphs(xml),
      fontSizes: [...xml.matchAll(/sz="(\d+)"/g)].map((m) => Number(m[1]) / 100),
      notes: paragraphs(notesXml).join('\n'),
    });
  }
  return out;
}
