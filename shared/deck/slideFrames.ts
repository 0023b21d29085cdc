/** The frame around slides (logo, footer) and the title and closing slides. */
import type { BrandTheme } from '../collab/brand';
import type { DeckNarrative, DeckSpec, LaidOutSlide, SlideBox } from './deckModel';
import { linesHeightPt } from './textMeasure';
import { FONT_LIMITS, MX, PT, SLIDE_HEIGHT, SLIDE_WIDTH } from './deckGeometry';
import type { Palette } from './deckPalette';
import { fitHeading, singleLine, text } from './fitText';

/** The brand logo fitted into `frame` (keeping its aspect ratio), or null without a logo. */
export function logoBox(
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

/** The footer line of a slide: deck title, customer and page number. */
export function footer(spec: DeckSpec, p: Palette, theme: BrandTheme, page: number): SlideBox[] {
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

/** The opening slide: deck title, customer, presenter, date and logo. */
export function titleSlide(spec: DeckSpec, theme: BrandTheme, p: Palette, narratives: DeckNarrative[]): LaidOutSlide {
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

/** The closing slide: the thank-you line and the presenter. */
export function closingSlide(spec: DeckSpec, theme: BrandTheme, p: Palette): LaidOutSlide {
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
