/** Geometry and type limits of a Duet slide, shared by the layout modules. */

/** Slide size in inches (16:9, PowerPoint's "Widescreen"). */
export const SLIDE_WIDTH = 13.333;
export const SLIDE_HEIGHT = 7.5;
/** Horizontal margin in inches. */
export const MX = 0.7;
/** Points per inch. */
export const PT = 72;

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
export const BULLET_COLUMN_WITH_PROOF = 7.5;
/** Gap between the bullet column and the proof panel, in inches. */
export const COLUMN_GAP = 0.45;
