/** The slide colours derived from a brand theme (readable ink on any background). */
import type { BrandTheme } from '../collab/brand';
import type { Hex } from './deckModel';

/** A "#RRGGBB" colour as the lowercase hex digits PPTX expects. */
export const hex = (color: string): Hex => color.replace('#', '').toLowerCase();

/** The colour `t` of the way from `a` to `b`. */
export function mix(a: Hex, b: Hex, t: number): Hex {
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

/** Every colour a slide uses. */
export interface Palette {
  primary: Hex;
  accent: Hex;
  background: Hex;
  text: Hex;
  muted: Hex;
  tint: Hex;
  onPrimary: Hex;
}

/** The palette of a brand theme. */
export function palette(theme: BrandTheme): Palette {
  const background = hex(theme.background);
  const text = hex(theme.text);
  const primary = hex(theme.primary);
  return {
    primary,
    accent: hex(theme.accent),
    background,
    text,
    // 0.34 keeps small captions at 4.5:1 or more on the default theme (0.42 measured 4.0:1 with axe).
    muted: mix(text, background, 0.34),
    tint: mix(primary, background, 0.92),
    onPrimary: inkOn(primary),
  };
}
