import { describe, expect, it } from 'vitest';
import { DEFAULT_BRAND } from '@shared/collab/brand';
import { layoutDeck, FONT_LIMITS } from '@shared/deck/layoutDeck';
import { createPlaybookDoc } from '../../../../../renderer/editor/headless';
import { buildPptx } from '../../../../../renderer/features/deck/buildPptx';
import { readDeckNarratives } from '../../../../../renderer/features/deck/readDeckNarratives';
import { brandedTheme, deckSpec, oversized, score } from './deckFixtures';
import JSZip from 'jszip';
import { readPptx } from './pptxReader';

const REPORT = 'https://fernway.example/uptime?depot=all&range=90d';

const doc = createPlaybookDoc({
  intro: [{ h: 1, text: 'Fernway messaging' }],
  narratives: [
    {
      id: 'n-downtime',
      title: 'Cost of downtime',
      keyMessage: 'Every idle truck costs more than Fernway.',
      fields: { status: 'approved', proofPoints: ['Acme cut breakdowns by 31%', 'Payback in 4 months'] },
      body: [
        { p: 'Fleet managers lose days to breakdowns. They rarely see the cost in one place.' },
        { ul: ['Predict failures two weeks ahead', 'Book repairs in quiet hours'] },
        { quote: 'We stopped firefighting.' },
      ],
    },
    {
      id: 'n-link',
      title: 'Read the report',
      keyMessage: 'Uptime is measured, not promised.',
      body: [
        { h: 3, text: 'Evidence' },
        { p: ['See the ', { text: 'uptime report', link: REPORT }, '. Every depot is in it.'] },
        { ul: ['Predict failures'] },
      ],
    },
    {
      id: 'n-script',
      title: '<script>alert(1)</script> & friends',
      keyMessage: 'Text <b>stays</b> text.',
      body: [{ p: 'Body with <img src=x onerror=alert(1)>.' }],
    },
  ],
});

async function build(ids: string[], evidence = (_id: string) => null as ReturnType<typeof score> | null) {
  const narratives = new Map(readDeckNarratives(doc).map((n) => [n.id, n]));
  const layout = layoutDeck({ spec: deckSpec(ids), narratives, theme: brandedTheme(), evidence });
  return { layout, slides: await readPptx(await buildPptx(layout, { title: 't', author: 'a', company: 'c' })) };
}

describe('a deck exported as PowerPoint', () => {
  it('has a title slide, one slide per narrative in the chosen order, and a closing slide', async () => {
    const { slides } = await build(['n-script', 'n-downtime']);
    expect(slides).toHaveLength(4);
    expect(slides[0]!.paragraphs).toEqual(expect.arrayContaining(['Fernway for Acme', 'Prepared for Acme Logistics']));
    expect(slides[1]!.paragraphs).toContain('Text <b>stays</b> text.');
    expect(slides[2]!.paragraphs).toContain('Every idle truck costs more than Fernway.');
    expect(slides[3]!.paragraphs).toContain('Thank you');
  });

  it('puts the key message as headline, the story as bullets and proof points on the slide', async () => {
    const { slides } = await build(['n-downtime']);
    const slide = slides[1]!;
    expect(slide.paragraphs.slice(0, 2)).toEqual(['Cost of downtime', 'Every idle truck costs more than Fernway.']);
    expect(slide.paragraphs).toEqual(
      expect.arrayContaining([
        'Fleet managers lose days to breakdowns.',
        'Predict failures two weeks ahead',
        'Book repairs in quiet hours',
        '“We stopped firefighting.”',
        'Proof points',
        'Acme cut breakdowns by 31%',
        'Payback in 4 months',
      ]),
    );
  });

  it('carries the full narrative text as speaker notes', async () => {
    const { slides } = await build(['n-downtime']);
    const notes = slides[1]!.notes;
    expect(notes).toContain('Fleet managers lose days to breakdowns. They rarely see the cost in one place.');
    expect(notes).toContain('• Predict failures two weeks ahead');
    expect(notes).toContain('Key message: Every idle truck costs more than Fernway.');
  });

  it('shows win evidence only when at least 10 deals were decided', async () => {
    const few = await build(['n-downtime'], () => score('n-downtime', 7, 9));
    expect(few.slides[1]!.paragraphs.join('\n')).not.toMatch(/won/);
    const enough = await build(['n-downtime'], () => score('n-downtime', 14, 20));
    expect(enough.slides[1]!.paragraphs).toContain('Win evidence: won 14 of 20 deals — 70% (48–85%)');
  });

  it('an oversized narrative continues on "(cont.)" slides with readable font sizes', async () => {
    const big = oversized('n-big');
    const layout = layoutDeck({
      spec: deckSpec(['n-big'], { includeTitleSlide: false, includeClosingSlide: false }),
      narratives: new Map([[big.id, big]]),
      theme: DEFAULT_BRAND,
      evidence: () => null,
    });
    const slides = await readPptx(await buildPptx(layout, { title: 't', author: 'a', company: 'c' }));
    expect(slides.length).toBeGreaterThanOrEqual(3);
    expect(slides.slice(1).every((s) => s.paragraphs.some((p) => p.endsWith('(cont.)')))).toBe(true);
    for (const s of slides) expect(Math.min(...s.fontSizes)).toBeGreaterThanOrEqual(10); // footer is the smallest
    const bulletSizes = layout.slides.flatMap((s) => s.boxes).filter((b) => b.kind === 'text' && b.role === 'bullets');
    for (const b of bulletSizes)
      expect(b.kind === 'text' && b.fontSize).toBeGreaterThanOrEqual(FONT_LIMITS.bullets.min);
    // Every bullet of the story is somewhere in the deck.
    const all = slides.flatMap((s) => s.paragraphs).join('\n');
    for (let i = 1; i <= 24; i++) expect(all).toContain(`${i}: Fleet managers`);
  });
});

describe('links in a PowerPoint deck', () => {
  it('reads the link from the playbook and keeps it on its words, as a hyperlink, and its address in the notes', async () => {
    const narrative = readDeckNarratives(doc).find((n) => n.id === 'n-link')!;
    expect(narrative.body[1]).toEqual({
      kind: 'paragraph',
      text: 'See the uptime report. Every depot is in it.',
      runs: [{ text: 'See the ' }, { text: 'uptime report', url: REPORT }, { text: '. Every depot is in it.' }],
    });
    const layout = layoutDeck({
      spec: deckSpec(['n-link'], { includeTitleSlide: false, includeClosingSlide: false }),
      narratives: new Map([[narrative.id, narrative]]),
      theme: DEFAULT_BRAND,
      evidence: () => null,
    });
    const bytes = await buildPptx(layout, { title: 't', author: 'a', company: 'c' });
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('ppt/slides/slide1.xml')!.async('string');
    const rels = await zip.file('ppt/slides/_rels/slide1.xml.rels')!.async('string');
    // The run with the link's words carries the click, and the click's relationship points at the address.
    const run =
      /<a:r><a:rPr[^>]*>(?:(?!<\/a:rPr>)[\s\S])*?<a:hlinkClick r:id="(rId\d+)"[\s\S]*?<\/a:rPr><a:t>([^<]*)<\/a:t><\/a:r>/.exec(
        xml,
      );
    expect(run?.[2]).toBe('uptime report');
    expect(rels).toContain(
      `Id="${run![1]}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://fernway.example/uptime?depot=all&amp;range=90d" TargetMode="External"`,
    );
    // One set of paragraph properties per paragraph, first: what the schema allows (no "repair" prompt).
    for (const [, body] of xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)) {
      expect(body!.match(/<a:pPr\b/g)?.length ?? 0).toBeLessThanOrEqual(1);
      if (body!.includes('<a:pPr')) expect(body!.startsWith('<a:pPr')).toBe(true);
    }
    const [slide] = await readPptx(bytes);
    expect(slide!.paragraphs).toEqual(
      expect.arrayContaining(['Evidence', 'See the uptime report.', 'Predict failures']),
    );
    expect(slide!.notes).toContain(`See the uptime report (${REPORT}). Every depot is in it.`);
    // The heading is a bold label without a bullet.
    const evidence = /<a:p><a:pPr([^>]*)>([\s\S]*?)<\/a:pPr><a:r><a:rPr([^>]*)>[\s\S]*?<a:t>Evidence<\/a:t>/.exec(xml);
    expect(evidence?.[2]).toContain('<a:buNone/>');
    expect(evidence?.[3]).toContain('b="1"');
  });

  it('sets the text in the brand fonts: the body font as the file’s theme font, headlines in their own', async () => {
    const narratives = new Map(readDeckNarratives(doc).map((n) => [n.id, n]));
    const theme = { ...brandedTheme(), headingFont: 'Trebuchet MS', bodyFont: 'Verdana' } as const;
    const layout = layoutDeck({ spec: deckSpec(['n-downtime']), narratives, theme, evidence: () => null });
    const zip = await JSZip.loadAsync(await buildPptx(layout, { title: 't', author: 'a', company: 'c' }));
    const themeXml = await zip.file('ppt/theme/theme1.xml')!.async('string');
    expect(themeXml).toMatch(/<a:minorFont><a:latin typeface="Verdana"\/>/);
    const xml = await zip.file('ppt/slides/slide2.xml')!.async('string');
    const fontOf = (text: string): string | null => {
      const run = new RegExp(`<a:rPr((?:(?!</a:r>)[\\s\\S])*?)<a:t>${text}</a:t>`).exec(xml);
      if (!run) throw new Error(`no run "${text}"`);
      return /<a:latin typeface="([^"]*)"/.exec(run[1]!)?.[1] ?? null;
    };
    expect(fontOf('Every idle truck costs more than Fernway.')).toBe('Trebuchet MS');
    // Body text names no font: it is set in the theme's (Verdana), as PowerPoint and LibreOffice resolve it.
    expect(fontOf('Predict failures two weeks ahead')).toBeNull();
  });

  it('stores the logo and the frame once, on the narrative slides’ master, not on every slide', async () => {
    const narratives = new Map(readDeckNarratives(doc).map((n) => [n.id, n]));
    const ids = ['n-downtime', 'n-link', 'n-script'];
    const layout = layoutDeck({ spec: deckSpec(ids), narratives, theme: brandedTheme(), evidence: () => null });
    const zip = await JSZip.loadAsync(await buildPptx(layout, { title: 't', author: 'a', company: 'c' }));
    const media = Object.keys(zip.files).filter((n) => n.startsWith('ppt/media/') && !n.endsWith('/'));
    // Title slide, closing slide and the master: three copies of the logo, however many narratives.
    expect(media).toHaveLength(3);
    for (const n of [2, 3, 4]) {
      const xml = await zip.file(`ppt/slides/slide${n}.xml`)!.async('string');
      expect(xml).not.toContain('Fernway for Acme · Acme Logistics');
      expect(xml).not.toContain('<p:pic>');
      const rels = await zip.file(`ppt/slides/_rels/slide${n}.xml.rels`)!.async('string');
      const layoutName = /Target="\.\.\/slideLayouts\/(slideLayout\d+\.xml)"/.exec(rels)![1]!;
      const layoutXml = await zip.file(`ppt/slideLayouts/${layoutName}`)!.async('string');
      expect(layoutXml).toContain('Fernway for Acme · Acme Logistics');
      expect(layoutXml).toContain('<p:pic>');
    }
    // Each slide still says its own page number.
    const slides = await readPptx(await buildPptx(layout, { title: 't', author: 'a', company: 'c' }));
    expect(slides.slice(1, 4).map((s) => s.paragraphs.at(-1))).toEqual(['2', '3', '4']);
  });
});
