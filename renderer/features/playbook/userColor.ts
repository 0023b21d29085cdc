/** A stable, readable colour per person, so their cursor looks the same on everyone's screen. */

/**
 * Each carries white text (cursor names, avatars) at 4.5:1 or more, and keeps its hue as a fill in light and
 * dark alike; the earlier orange, green and teal measured 3.4–4.3:1 and were darkened.
 */
export const PRESENCE_PALETTE = [
  '#c03d0a',
  '#1971c2',
  '#2b7a3b',
  '#9c36b5',
  '#c2410c',
  '#0b7285',
  '#c2255c',
  '#5f3dc4',
];

/** The colour for a display name. */
export function colorForName(name: string): string {
  let hash = 0;
  for (let i = 0; i < name.length; i++) hash = (hash * 31 + name.charCodeAt(i)) | 0;
  return PRESENCE_PALETTE[Math.abs(hash) % PRESENCE_PALETTE.length]!;
}
