/**
 * Lays out a deck: every box's place, font size and text, decided once, here, so the PPTX, the live preview
 * and the print layout show the same slides. Text is measured with the pessimistic model of textMeasure.ts;
 * when it does not fit, the font shrinks step by step down to a readable minimum, and what still does not
 * fit continues on a "(cont.)" slide. No box is ever given more text than the model says it can hold.
 */
import type { BrandFont, BrandTheme } from '../collab/brand';
import { condenseToBullets, narrativeNotes } from './condenseStory';
import type {
  DeckLayout,
  DeckNarrative,
  DeckSpec,
  EvidenceSource,
  Hex,
  LaidOutSlide,
  SlideBox,
  SlideOptions,
  TextBox,
  TextRole,
} from './deckModel';
import { formatEvidenceLine } from './evidenceLine';
import { linesHeightPt, truncateToLines, wrapText } from './textMeasure';

/** Slide size in inches (16:9, PowerPoint's "Widescreen"). */
export const SLIDE_WIDTH = 13.333;
export const SLIDE_HEIGHT = 7.5;
const MX = 0.7;
const PT = 72;

/** Font size limits in points: never below these, whatever the text. */
export const FONT_LIMITS = {
  headline: { max: 34, min: 24, lines: 3 },
  bullets: { max: 22, min: 16 },
  proof: { max: 15, min: 12 },
  deckTitle: { max: 40, min: 28, lines: 3 },
  closing: { max: 44, min: 30, lines: 2 },
} as const;

/** Bullet indent in points (text starts this far right of the bullet box). */
export const BULLET_INDENT_PT = 20;
/** Width of the bullet column when proof points sit beside it. */
const BULLET_COLUMN_WITH_PROOF = 7.5;
const COLUMN_GAP = 0.45;

/** What a deck is laid out from. */
export interface DeckInput {
  spec: DeckSpec;
  narratives: ReadonlyMap<string, DeckNarrative>;
  theme: BrandTheme;
  evidence: EvidenceSource;
}

const hex = (color: string): Hex => color.replace('#', '').toLowerCase();

function mix(a: Hex, b: Hex, t: number): Hex {
  const channel = (c: Hex, i: number): number => parseInt(c.slice(i, i + 2), 16);
  return [0, 2, 4]
    .map((i) => Math.round(channel(a, i) * (1 - t) + channel(b, i) * t))
    .map((v) => v.toString(16).padStart(2, '0'))
    .join('');
}

/** White or near-black, whichever reads better on `background`. */
export function inkOn(background: Hex): Hex {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(background.slice(i, i + 2), 16) / 255) as [number, number, number];
  const lum = (c: number): number => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const l = 0.2126 * lum(r) + 0.7152 * lum(g) + 0.0722 * lum(b);
  return l > 0.45 ? '1b2230' : 'ffffff';
}

interface Palette {
  primary: Hex;
  accent: Hex;
  background: Hex;
  text: Hex;
  muted: Hex;
  tint: Hex;
  onPrimary: Hex;
}

function palette(theme: BrandTheme): Palette {
  const background = hex(theme.background);
  const text = hex(theme.text);
  const primary = hex(theme.primary);
  return {
    primary,
    accent: hex(theme.accent),
    background,
    text,
    muted: mix(text, background, 0.42),
    tint: mix(primary, background, 0.92),
    onPrimary: inkOn(primary),
  };
}

function text(
  role: TextRole,
  frame: { x: number; y: number; w: number; h: number },
  paragraphs: string[],
  style: Partial<Omit<TextBox, 'kind' | 'role' | 'paragraphs'>> & { fontSize: number; font: string; color: Hex },
): TextBox {
  return {
    kind: 'text',
    role,
    ...frame,
    paragraphs,
    bullets: false,
    bold: false,
    align: 'left',
    spaceAfter: 0,
    ...style,
  };
}

/** Height in inches of `paragraphs` wrapped into `widthIn` at `fontSize`, with `spaceAfter` pt between. */
function blockHeight(paragraphs: string[], widthIn: number, fontSize: number, font: BrandFont, gap: number): number {
  let pt = 0;
  paragraphs.forEach((p, i) => {
    pt += linesHeightPt(wrapText(p, widthIn * PT, fontSize, font).length, fontSize) + (i > 0 ? gap : 0);
  });
  return pt / PT;
}

/** A flow of paragraphs fitted into a box: one font size, one or more pages. */
export interface FittedFlow {
  fontSize: number;
  pages: string[][];
}

/**
 * Fits `items` into a box of `widthIn` × `heightIn`: the largest size from `max` down to `min` at which all
 * fit on one page; otherwise `min`, split over pages (an item taller than a page is split by lines).
 */
export function fitFlow(
  items: readonly string[],
  widthIn: number,
  heightIn: number,
  limits: { max: number; min: number },
  font: BrandFont,
  gapFactor: number,
): FittedFlow {
  if (items.length === 0) return { fontSize: limits.max, pages: [] };
  for (let size = limits.max; size >= limits.min; size--) {
    if (blockHeight([...items], widthIn, size, font, size * gapFactor) <= heightIn) {
      return { fontSize: size, pages: [[...items]] };
    }
  }
  const size = limits.min;
  const gap = size * gapFactor;
  const lineH = linesHeightPt(1, size);
  const heightPt = heightIn * PT;
  const linesPerPage = Math.max(1, Math.floor(heightPt / lineH));
  const pages: string[][] = [];
  let page: string[] = [];
  let used = 0;
  const flush = (): void => {
    if (page.length > 0) pages.push(page);
    page = [];
    used = 0;
  };
  for (const item of items) {
    let lines = wrapText(item, widthIn * PT, size, font);
    while (lines.length > 0) {
      const before = page.length > 0 ? gap : 0;
      const room = Math.floor((heightPt - used - before + 1e-6) / lineH);
      if (lines.length <= room) {
        page.push(lines.join(' '));
        used += before + lines.length * lineH;
        lines = [];
      } else if (page.length > 0) {
        flush(); // keep an item whole when a fresh page can hold it (or holds more of it)
      } else {
        // Longer than a whole page: split it by lines.
        page.push(lines.slice(0, linesPerPage).join(' '));
        lines = lines.slice(linesPerPage);
        flush();
      }
    }
  }
  flush();
  return { fontSize: size, pages };
}

/** Fits a single heading: shrink to `min`, then cut at a word boundary with "…" (notes keep the whole). */
function fitHeading(
  value: string,
  widthIn: number,
  limits: { max: number; min: number; lines: number },
  font: BrandFont,
  suffix = '',
): { text: string; fontSize: number; lines: number } {
  for (let size = limits.max; size >= limits.min; size -= 2) {
    const lines = wrapText(value + suffix, widthIn * PT, size, font).length;
    if (lines <= limits.lines) return { text: value + suffix, fontSize: size, lines };
  }
  const clipped = truncateToLines(value, limits.lines, widthIn * PT, limits.min, font, suffix);
  return { text: clipped, fontSize: limits.min, lines: wrapText(clipped, widthIn * PT, limits.min, font).length };
}

function singleLine(value: string, widthIn: number, size: number, font: BrandFont): string {
  return truncateToLines(value, 1, widthIn * PT, size, font);
}

/** The logo fitted into a frame, keeping its aspect ratio; anchored to the frame's right or left edge. */
function logoBox(
  theme: BrandTheme,
  frame: { x: number; y: number; w: number; h: number },
  anchor: 'left' | 'right',
): SlideBox | null {
  if (theme.logo === null) return null;
  const ratio = theme.logo.width / theme.logo.height;
  const w = Math.min(frame.w, frame.h * ratio);
  const h = w / ratio;
  const x = anchor === 'right' ? frame.x + frame.w - w : frame.x;
  return { kind: 'image', x, y: frame.y + (frame.h - h) / 2, w, h, dataUrl: theme.logo.dataUrl };
}

function footer(spec: DeckSpec, p: Palette, theme: BrandTheme, page: number): SlideBox[] {
  const y = SLIDE_HEIGHT - 0.5;
  const label = [spec.title, spec.customer].filter((s) => s.trim()).join(' · ');
  return [
    text('footer', { x: MX, y, w: 9, h: 0.3 }, [singleLine(label, 9, 10, theme.bodyFont)], {
      fontSize: 10,
      font: theme.bodyFont,
      color: p.muted,
    }),
    text('page', { x: SLIDE_WIDTH - MX - 1, y, w: 1, h: 0.3 }, [String(page)], {
      fontSize: 10,
      font: theme.bodyFont,
      color: p.muted,
      align: 'right',
    }),
  ];
}

function titleSlide(spec: DeckSpec, theme: BrandTheme, p: Palette, narratives: DeckNarrative[]): LaidOutSlide {
  const panelX = SLIDE_WIDTH * 0.64;
  const width = panelX - MX - 0.6;
  const title = fitHeading(spec.title.trim() || 'Untitled deck', width, FONT_LIMITS.deckTitle, theme.headingFont);
  const titleH = linesHeightPt(title.lines, title.fontSize) / PT;
  const titleY = 2.3;
  const boxes: SlideBox[] = [
    { kind: 'rect', x: panelX, y: 0, w: SLIDE_WIDTH - panelX, h: SLIDE_HEIGHT, fill: p.primary },
    { kind: 'rect', x: panelX, y: 0, w: 0.14, h: SLIDE_HEIGHT, fill: p.accent },
    text('deck-title', { x: MX, y: titleY, w: width, h: titleH }, [title.text], {
      fontSize: title.fontSize,
      font: theme.headingFont,
      color: p.text,
    }),
    { kind: 'rect', x: MX, y: titleY + titleH + 0.25, w: 1.1, h: 0.07, fill: p.accent },
  ];
  const logo = logoBox(theme, { x: MX, y: 0.6, w: 2.6, h: 0.9 }, 'left');
  if (logo) boxes.push(logo);
  if (spec.customer.trim()) {
    const line = singleLine(`Prepared for ${spec.customer.trim()}`, width, 20, theme.bodyFont);
    boxes.push(
      text('deck-subtitle', { x: MX, y: titleY + titleH + 0.55, w: width, h: 0.45 }, [line], {
        fontSize: 20,
        font: theme.bodyFont,
        color: p.primary,
        bold: true,
      }),
    );
  }
  const meta = [spec.presenter, spec.date]
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' · ');
  if (meta) {
    boxes.push(
      text(
        'deck-meta',
        { x: MX, y: SLIDE_HEIGHT - 1.3, w: width, h: 0.4 },
        [singleLine(meta, width, 15, theme.bodyFont)],
        {
          fontSize: 15,
          font: theme.bodyFont,
          color: p.muted,
        },
      ),
    );
  }
  const notes = [
    `${spec.title}${spec.customer ? ` for ${spec.customer}` : ''}`,
    meta,
    '',
    'In this deck:',
    ...narratives.map((n, i) => `${i + 1}. ${n.title}`),
  ];
  return { kind: 'title', narrativeId: null, part: 1, background: p.background, boxes, notes: notes.join('\n').trim() };
}

function closingSlide(spec: DeckSpec, theme: BrandTheme, p: Palette): LaidOutSlide {
  const width = SLIDE_WIDTH - 2 * MX;
  const message = fitHeading(spec.closingMessage.trim() || 'Thank you', width, FONT_LIMITS.closing, theme.headingFont);
  const h = linesHeightPt(message.lines, message.fontSize) / PT;
  const y = 2.7 - h / 2 + 0.4;
  const boxes: SlideBox[] = [
    { kind: 'rect', x: 0, y: SLIDE_HEIGHT - 0.14, w: SLIDE_WIDTH, h: 0.14, fill: p.accent },
    text('closing-title', { x: MX, y, w: width, h }, [message.text], {
      fontSize: message.fontSize,
      font: theme.headingFont,
      color: p.onPrimary,
      align: 'center',
    }),
    { kind: 'rect', x: SLIDE_WIDTH / 2 - 0.55, y: y + h + 0.25, w: 1.1, h: 0.07, fill: p.accent },
  ];
  const meta = [spec.presenter, spec.customer, spec.date]
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' · ');
  if (meta) {
    boxes.push(
      text(
        'closing-meta',
        { x: MX, y: y + h + 0.55, w: width, h: 0.45 },
        [singleLine(meta, width, 18, theme.bodyFont)],
        {
          fontSize: 18,
          font: theme.bodyFont,
          color: p.onPrimary,
          align: 'center',
        },
      ),
    );
  }
  if (theme.logo) {
    // A light card keeps a dark logo readable on a dark brand colour.
    const card = { x: SLIDE_WIDTH - MX - 2.4, y: SLIDE_HEIGHT - 1.45, w: 2.4, h: 0.95 };
    boxes.push({ kind: 'rect', ...card, fill: p.background });
    const logo = logoBox(theme, { x: card.x + 0.2, y: card.y + 0.15, w: card.w - 0.4, h: card.h - 0.3 }, 'left');
    if (logo) boxes.push({ ...logo, x: card.x + (card.w - logo.w) / 2 });
  }
  return { kind: 'closing', narrativeId: null, part: 1, background: p.primary, boxes, notes: message.text };
}

/** The slides of one narrative: its first slide and any "(cont.)" slides. */
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
  const bullets = fitFlow(
    condenseToBullets(narrative.body),
    bulletTextW,
    contentH,
    FONT_LIMITS.bullets,
    theme.bodyFont,
    0.45,
  );

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
    if (pageBullets && pageBullets.length > 0) {
      boxes.push(
        text('bullets', { x: MX, y: contentTop, w: bulletW, h: contentH }, pageBullets, {
          fontSize: bullets.fontSize,
          font: theme.bodyFont,
          color: p.text,
          bullets: true,
          spaceAfter: Math.round(bullets.fontSize * 0.45),
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
        : `Continued: ${narrative.title}\n\n${[...(pageBullets ?? []), ...(pageProofs ?? [])].join('\n')}`;
    slides.push({
      kind: 'narrative',
      narrativeId: narrative.id,
      part,
      background: p.background,
      boxes,
      notes: partNotes,
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
