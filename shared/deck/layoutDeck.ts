/**
 * Lays out a deck: every box's place, font size and text, decided once, here, so the PPTX, the live preview
 * and the print layout show the same slides. Text is measured with the pessimistic model of textMeasure.ts;
 * when it does not fit, the font shrinks step by step down to a readable minimum, and what still does not
 * fit continues on a "(cont.)" slide. No box is ever given more text than the model says it can hold.
 */
import type { BrandTheme } from '../collab/brand';
import { condenseStory, narrativeNotes } from './condenseStory';
import type {
  DeckLayout,
  DeckNarrative,
  DeckSpec,
  EvidenceSource,
  LaidOutSlide,
  RichParagraph,
  SlideBox,
  SlideOptions,
} from './deckModel';
import { formatEvidenceLine } from './evidenceLine';
import { linesHeightPt } from './textMeasure';
import {
  BULLET_COLUMN_WITH_PROOF,
  BULLET_INDENT_PT,
  COLUMN_GAP,
  FONT_LIMITS,
  MX,
  PT,
  SLIDE_HEIGHT,
  SLIDE_WIDTH,
} from './deckGeometry';
import { palette, type Palette } from './deckPalette';
import { fitFlow, fitHeading, singleLine, text, type FlowPiece } from './fitText';
import { hasLink, plainText, sliceRuns, textWithUrls } from './richText';
import { closingSlide, footer, logoBox, titleSlide } from './slideFrames';

export { BULLET_INDENT_PT, FONT_LIMITS, SLIDE_HEIGHT, SLIDE_WIDTH } from './deckGeometry';
export { inkOn } from './deckPalette';
export { fitFlow, type FittedFlow } from './fitText';

/** What a deck is laid out from. */
export interface DeckInput {
  spec: DeckSpec;
  narratives: ReadonlyMap<string, DeckNarrative>;
  theme: BrandTheme;
  evidence: EvidenceSource;
}

function narrativeSlides(
  narrative: DeckNarrative,
  options: SlideOptions,
  input: DeckInput,
  p: Palette,
  firstPage: number,
): LaidOutSlide[] {
  const { theme, spec } = input;
  const width = SLIDE_WIDTH - 2 * MX;
  const logo = logoBox(theme, { x: SLIDE_WIDTH - MX - 1.8, y: 0.36, w: 1.8, h: 0.55 }, 'right');
  const kickerW = width - (logo ? logo.w + 0.3 : 0);
  const headlineText = narrative.keyMessage.trim() || narrative.title.trim() || 'Untitled narrative';
  const kickerText = narrative.keyMessage.trim() ? narrative.title.trim() : '';
  const headlineY = 0.95;

  const first = fitHeading(headlineText, width, FONT_LIMITS.headline, theme.headingFont);
  const cont = fitHeading(headlineText, width, FONT_LIMITS.headline, theme.headingFont, ' (cont.)');
  const headlineH = Math.max(linesHeightPt(first.lines, first.fontSize), linesHeightPt(cont.lines, cont.fontSize)) / PT;
  const ruleY = headlineY + headlineH + 0.15;
  const contentTop = ruleY + 0.35;
  const evidenceText = options.showEvidence ? formatEvidenceLine(input.evidence(narrative.id)) : null;
  const evidenceY = SLIDE_HEIGHT - 0.5 - 0.25 - 0.45;
  const contentBottom = evidenceText ? evidenceY - 0.2 : SLIDE_HEIGHT - 0.5 - 0.3;
  const contentH = Math.max(0.5, contentBottom - contentTop);

  const proofs = options.showProofPoints ? narrative.proofPoints.filter((s) => s.trim()) : [];
  const bulletW = proofs.length > 0 ? BULLET_COLUMN_WITH_PROOF : width;
  const bulletTextW = bulletW - BULLET_INDENT_PT / PT;
  const story = condenseStory(narrative.body);
  const bullets = fitFlow(
    story.items.map((item) => plainText(item.runs)),
    bulletTextW,
    contentH,
    FONT_LIMITS.bullets,
    theme.bodyFont,
    0.45,
    story.items.map((item) => item.heading),
  );
  // The runs of what each page shows: links keep exactly their words, labels stay labels.
  const richPage = (pieces: FlowPiece[]): RichParagraph[] =>
    pieces.map((p) => ({
      runs: sliceRuns(story.items[p.item]!.runs, p.start, p.end),
      heading: story.items[p.item]!.heading,
    }));

  const panelX = MX + BULLET_COLUMN_WITH_PROOF + COLUMN_GAP;
  const panelW = SLIDE_WIDTH - MX - panelX;
  const pad = 0.25;
  const proofTop = contentTop + pad + 0.45;
  const proofH = contentBottom - pad - proofTop;
  const proofFlow = fitFlow(
    proofs,
    panelW - 2 * pad - BULLET_INDENT_PT / PT,
    proofH,
    FONT_LIMITS.proof,
    theme.bodyFont,
    0.4,
  );

  const parts = Math.max(1, bullets.pages.length, proofFlow.pages.length);
  const notes = narrativeNotes(narrative);
  const slides: LaidOutSlide[] = [];
  for (let part = 1; part <= parts; part++) {
    const head = part === 1 ? first : cont;
    const boxes: SlideBox[] = [{ kind: 'rect', x: 0, y: 0, w: SLIDE_WIDTH, h: 0.14, fill: p.primary }];
    if (logo) boxes.push(logo);
    if (kickerText) {
      boxes.push(
        text('kicker', { x: MX, y: 0.42, w: kickerW, h: 0.4 }, [singleLine(kickerText, kickerW, 14, theme.bodyFont)], {
          fontSize: 14,
          font: theme.bodyFont,
          color: p.primary,
          bold: true,
        }),
      );
    }
    boxes.push(
      text('headline', { x: MX, y: headlineY, w: width, h: headlineH }, [head.text], {
        fontSize: head.fontSize,
        font: theme.headingFont,
        color: p.text,
      }),
      // The rule follows this slide's own headline; the content below starts at the same place on every part.
      {
        kind: 'rect',
        x: MX,
        y: headlineY + linesHeightPt(head.lines, head.fontSize) / PT + 0.15,
        w: 0.9,
        h: 0.06,
        fill: p.accent,
      },
    );
    const pageBullets = bullets.pages[part - 1];
    const pageRich = richPage(bullets.pieces[part - 1] ?? []);
    if (pageBullets && pageBullets.length > 0) {
      const plain = pageRich.every((r) => !r.heading && !hasLink(r.runs));
      boxes.push(
        text('bullets', { x: MX, y: contentTop, w: bulletW, h: contentH }, pageBullets, {
          fontSize: bullets.fontSize,
          font: theme.bodyFont,
          color: p.text,
          bullets: true,
          spaceAfter: Math.round(bullets.fontSize * 0.45),
          ...(plain ? {} : { rich: pageRich }),
        }),
      );
    }
    const pageProofs = proofFlow.pages[part - 1];
    if (pageProofs && pageProofs.length > 0) {
      boxes.push(
        { kind: 'rect', x: panelX, y: contentTop, w: panelW, h: contentBottom - contentTop, fill: p.tint },
        { kind: 'rect', x: panelX, y: contentTop, w: 0.06, h: contentBottom - contentTop, fill: p.primary },
        text(
          'proof-heading',
          { x: panelX + pad, y: contentTop + pad, w: panelW - 2 * pad, h: 0.35 },
          ['Proof points'],
          {
            fontSize: 12,
            font: theme.bodyFont,
            color: p.primary,
            bold: true,
          },
        ),
        text('proof', { x: panelX + pad, y: proofTop, w: panelW - 2 * pad, h: proofH }, pageProofs, {
          fontSize: proofFlow.fontSize,
          font: theme.bodyFont,
          color: p.text,
          bullets: true,
          spaceAfter: Math.round(proofFlow.fontSize * 0.4),
        }),
      );
    }
    if (evidenceText && part === 1) {
      const line = singleLine(`Win evidence: ${evidenceText}`, width - 0.25, 15, theme.bodyFont);
      boxes.push(
        { kind: 'rect', x: MX, y: evidenceY + 0.05, w: 0.07, h: 0.32, fill: p.accent },
        text('evidence', { x: MX + 0.22, y: evidenceY, w: width - 0.22, h: 0.42 }, [line], {
          fontSize: 15,
          font: theme.bodyFont,
          color: p.primary,
          bold: true,
        }),
      );
    }
    boxes.push(...footer(spec, p, theme, firstPage + part - 1));
    const partNotes =
      part === 1
        ? notes
        : `Continued: ${narrative.title}\n\n${[...pageRich.map((r) => textWithUrls(r.runs)), ...(pageProofs ?? [])].join('\n')}`;
    const leftOut = story.leftOut.sentences.length + story.leftOut.shortened > 0 ? story.leftOut : null;
    slides.push({
      kind: 'narrative',
      narrativeId: narrative.id,
      part,
      background: p.background,
      boxes,
      notes: partNotes,
      ...(part === 1 && leftOut ? { leftOut } : {}),
    });
  }
  return slides;
}

/** Lays out the whole deck; narratives missing from `input.narratives` (deleted meanwhile) are skipped. */
export function layoutDeck(input: DeckInput): DeckLayout {
  const p = palette(input.theme);
  const chosen = input.spec.slides
    .map((options) => ({ options, narrative: input.narratives.get(options.narrativeId) }))
    .filter((c): c is { options: SlideOptions; narrative: DeckNarrative } => c.narrative !== undefined);
  const slides: LaidOutSlide[] = [];
  if (input.spec.includeTitleSlide)
    slides.push(
      titleSlide(
        input.spec,
        input.theme,
        p,
        chosen.map((c) => c.narrative),
      ),
    );
  for (const { options, narrative } of chosen) {
    slides.push(...narrativeSlides(narrative, options, input, p, slides.length + 1));
  }
  if (input.spec.includeClosingSlide) slides.push(closingSlide(input.spec, input.theme, p));
  return { width: SLIDE_WIDTH, height: SLIDE_HEIGHT, slides };
}
