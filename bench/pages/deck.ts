/**
 * Deck export benchmark page: times Duet's deck (layout + pptxgenjs writing the laid-out slides) against a
 * baseline of pptxgenjs writing the same number of plain-text slides with no layout, in the same page.
 */
import PptxGenJS from 'pptxgenjs';
import { DEFAULT_BRAND } from '@shared/collab/brand';
import type { DeckNarrative } from '@shared/deck/deckModel';
import { layoutDeck } from '@shared/deck/layoutDeck';
import { buildPptx } from '../../renderer/features/deck/buildPptx';

function narratives(count: number): DeckNarrative[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `n${i}`,
    title: `Narrative ${i}: uptime you can plan`,
    keyMessage: `Fernway turns breakdowns into calendar entries for fleet ${i}, so depots plan instead of react.`,
    status: 'approved',
    persona: 'VP Operations',
    stage: 'decision',
    owner: 'Maya',
    proofPoints: ['Acme cut breakdowns by 31% in two quarters', 'Payback in four months'],
    body: [
      {
        kind: 'paragraph',
        text: 'Every unplanned breakdown costs a mid-size fleet a day of revenue. It also costs trust.',
      },
      { kind: 'bullet', text: 'Predict failures two weeks ahead from the telematics already installed' },
      { kind: 'bullet', text: 'Book repairs into the quietest slot of the depot calendar' },
      { kind: 'paragraph', text: 'Managers see cost per vehicle, ranked. Nothing else to install.' },
    ],
  }));
}

/** Duet's deck with `count` narratives (one slide each; no title or closing slide): ms. */
async function deck(count: number): Promise<{ ms: number; layoutMs: number; slides: number; bytes: number }> {
  const list = narratives(count);
  const start = performance.now();
  const layout = layoutDeck({
    spec: {
      title: 'Bench',
      customer: 'Acme',
      presenter: 'Maya',
      date: '1 May 2027',
      includeTitleSlide: false,
      includeClosingSlide: false,
      closingMessage: '',
      slides: list.map((n) => ({ narrativeId: n.id, showProofPoints: true, showEvidence: true })),
    },
    narratives: new Map(list.map((n) => [n.id, n])),
    theme: DEFAULT_BRAND,
    evidence: () => null,
  });
  const layoutMs = performance.now() - start;
  const bytes = await buildPptx(layout, { title: 'Bench', author: 'Maya', company: 'Acme' });
  return { ms: performance.now() - start, layoutMs, slides: layout.slides.length, bytes: bytes.byteLength };
}

/** Baseline: pptxgenjs alone, `count` slides with the same texts as plain boxes. */
async function baseline(count: number): Promise<{ ms: number; slides: number; bytes: number }> {
  const list = narratives(count);
  const start = performance.now();
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  for (const n of list) {
    const slide = pptx.addSlide();
    slide.addText(n.keyMessage, { x: 0.7, y: 0.9, w: 12, h: 1.2, fontSize: 30 });
    slide.addText(n.body.map((b) => b.text).join('\n'), { x: 0.7, y: 2.4, w: 7.5, h: 4, fontSize: 18 });
    slide.addText(n.proofPoints.join('\n'), { x: 8.6, y: 2.4, w: 4, h: 4, fontSize: 14 });
    slide.addNotes(n.body.map((b) => b.text).join('\n'));
  }
  const bytes = (await pptx.write({ outputType: 'uint8array', compression: true })) as Uint8Array;
  return { ms: performance.now() - start, slides: count, bytes: bytes.byteLength };
}

declare global {
  interface Window {
    duetDeckBench?: { deck: typeof deck; baseline: typeof baseline };
  }
}
window.duetDeckBench = { deck, baseline };
