/**
 * The vocabulary of a pitch deck: what the builder collects (narratives, per-slide options, title and
 * closing slides) and the laid-out slides that the PPTX writer, the live preview and the print layout all
 * draw from — one layout model, three renderers.
 */
import type { NarrativeSummary } from '../domain/narrative';
import type { NarrativeScore } from '../stats/narrativeReview';

/** A stretch of text; `url` when it is a link (kept only if safe: shared/domain/url.ts). */
export interface TextRun {
  text: string;
  url?: string;
}

/** One block of a narrative's body: its plain text (formatting dropped) and, when it has links, its runs. */
export interface TextBlock {
  kind: 'paragraph' | 'heading' | 'bullet' | 'number' | 'quote';
  text: string;
  /** The same text as runs, present only when some of it is a link; joined, the runs are `text`. */
  runs?: TextRun[];
}

/** A narrative with its body, as decks and the Markdown export read it. */
export interface DeckNarrative extends NarrativeSummary {
  body: TextBlock[];
}

/** Where win evidence comes from: the win/loss review once it lands; `() => null` until then. */
export type EvidenceSource = (narrativeId: string) => NarrativeScore | null;

/** What one narrative's slide shows. */
export interface SlideOptions {
  narrativeId: string;
  showProofPoints: boolean;
  showEvidence: boolean;
}

/** Everything the builder collects. */
export interface DeckSpec {
  title: string;
  customer: string;
  presenter: string;
  /** Free text as the user typed it (e.g. "12 March 2027"). */
  date: string;
  includeTitleSlide: boolean;
  includeClosingSlide: boolean;
  closingMessage: string;
  /** Narratives in slide order. */
  slides: SlideOptions[];
}

/** A colour as `rrggbb` (no '#', the form PPTX wants). */
export type Hex = string;

/** Text roles: they name the CSS classes of the preview and print layout, and the tests find boxes by them. */
export type TextRole =
  | 'kicker'
  | 'headline'
  | 'bullets'
  | 'proof-heading'
  | 'proof'
  | 'evidence'
  | 'footer'
  | 'page'
  | 'deck-title'
  | 'deck-subtitle'
  | 'deck-meta'
  | 'closing-title'
  | 'closing-meta';

/** A positioned box; x, y, w, h in inches on a 13.333 × 7.5 in (16:9) slide. */
interface BoxFrame {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Text: paragraphs (or bullets) in one font size that the layout has checked fit the box. */
export interface TextBox extends BoxFrame {
  kind: 'text';
  role: TextRole;
  paragraphs: string[];
  bullets: boolean;
  fontSize: number;
  font: string;
  color: Hex;
  bold: boolean;
  align: 'left' | 'right' | 'center';
  /** Space after each paragraph, in points. */
  spaceAfter: number;
  /**
   * Paragraphs that carry links or introduce a group (a body heading: bold, no bullet), index for index
   * with `paragraphs`; absent when every paragraph is plain.
   */
  rich?: RichParagraph[];
}

/** A paragraph of a text box with its links; `heading` for a group label over the bullets that follow. */
export interface RichParagraph {
  runs: TextRun[];
  heading: boolean;
}

/** What condensing a narrative into bullets left off its slide (the speaker notes keep all of it). */
export interface LeftOut {
  /** Sentences after a paragraph's first, word for word. */
  sentences: string[];
  /** Points cut short with "…" because they were too long for a bullet. */
  shortened: number;
}

/** A filled rectangle (bands, panels, accents). */
export interface RectBox extends BoxFrame {
  kind: 'rect';
  fill: Hex;
}

/** The workspace logo, already fitted inside its frame with its aspect ratio kept. */
export interface ImageBox extends BoxFrame {
  kind: 'image';
  dataUrl: string;
}

/** Anything drawn on a slide. */
export type SlideBox = TextBox | RectBox | ImageBox;

/** One laid-out slide. */
export interface LaidOutSlide {
  kind: 'title' | 'narrative' | 'closing';
  narrativeId: string | null;
  /** 1 for a narrative's first slide, 2+ for "(cont.)" slides. */
  part: number;
  background: Hex;
  boxes: SlideBox[];
  /** The talk track: the speaker notes of this slide. */
  notes: string;
  /** On a narrative's first slide: what its bullets leave out, shown beside the preview, never printed. */
  leftOut?: LeftOut;
}

/** A whole laid-out deck. */
export interface DeckLayout {
  width: number;
  height: number;
  slides: LaidOutSlide[];
}
