/**
 * The workspace brand theme (colours, fonts, logo) that decks use, stored in the `{workspace}/directory`
 * document as `doc.getMap('brand')` — one key per field, so a colour changed on one machine and the logo on
 * another both survive the merge. Every value is validated on write and again on read: a peer or an
 * imported file may hold anything.
 */
import * as Y from 'yjs';
import { fail, ok, type Result } from '../result';
import { readImageDataUrl } from '../deck/imageInfo';

/** Fonts a theme may use: installed with Office on Windows and macOS, and metric-matched on Linux. */
export const BRAND_FONTS = ['Arial', 'Calibri', 'Georgia', 'Helvetica', 'Trebuchet MS', 'Verdana'] as const;
export type BrandFont = (typeof BRAND_FONTS)[number];

/** Largest logo file (decoded): logos are small, and the theme travels to every member of the workspace. */
export const MAX_LOGO_BYTES = 200 * 1024;
/** Largest logo side in pixels. */
export const MAX_LOGO_SIDE = 4096;

/** A logo: a PNG or JPEG data URL and its pixel size (for the aspect ratio). */
export interface BrandLogo {
  dataUrl: string;
  width: number;
  height: number;
}

/** The theme a deck is drawn with. Colours are `#rrggbb`. */
export interface BrandTheme {
  primary: string;
  accent: string;
  background: string;
  text: string;
  headingFont: BrandFont;
  bodyFont: BrandFont;
  logo: BrandLogo | null;
}

/** Duet's own look, used until the storyteller sets a brand. */
export const DEFAULT_BRAND: BrandTheme = {
  primary: '#0f6e68',
  accent: '#e8603c',
  background: '#ffffff',
  text: '#1b2230',
  headingFont: 'Georgia',
  bodyFont: 'Arial',
  logo: null,
};

const BRAND = 'brand';
const COLOR = /^#[0-9a-f]{6}$/;
const COLOR_KEYS = ['primary', 'accent', 'background', 'text'] as const;

/** A patch a user can apply; `logo: null` removes the logo. */
export type BrandPatch = Partial<Omit<BrandTheme, 'logo'>> & { logo?: string | null };

/** True for `#rrggbb` (lower or upper case). */
export function isBrandColor(value: unknown): value is string {
  return typeof value === 'string' && COLOR.test(value.toLowerCase());
}

/** True for one of BRAND_FONTS. */
export function isBrandFont(value: unknown): value is BrandFont {
  return typeof value === 'string' && (BRAND_FONTS as readonly string[]).includes(value);
}

/** Checks a logo data URL (PNG/JPEG only, size limits); null when it is not acceptable. */
export function readLogo(dataUrl: unknown): BrandLogo | null {
  const info = readImageDataUrl(dataUrl, MAX_LOGO_BYTES, MAX_LOGO_SIDE);
  return info === null ? null : { dataUrl: dataUrl as string, width: info.width, height: info.height };
}

/** Brings any stored values into a valid theme: unknown or broken fields fall back to the default. */
export function coerceBrand(values: Partial<Record<keyof BrandTheme, unknown>>): BrandTheme {
  const theme: BrandTheme = { ...DEFAULT_BRAND };
  for (const key of COLOR_KEYS) {
    const v = values[key];
    if (isBrandColor(v)) theme[key] = v.toLowerCase();
  }
  if (isBrandFont(values.headingFont)) theme.headingFont = values.headingFont;
  if (isBrandFont(values.bodyFont)) theme.bodyFont = values.bodyFont;
  theme.logo = values.logo === undefined || values.logo === null ? null : readLogo(values.logo);
  return theme;
}

/** The workspace's brand theme (the default until someone sets one). */
export function readBrand(doc: Y.Doc): BrandTheme {
  const map = doc.getMap<unknown>(BRAND);
  const values: Partial<Record<keyof BrandTheme, unknown>> = {};
  for (const key of [...COLOR_KEYS, 'headingFont', 'bodyFont', 'logo'] as const) values[key] = map.get(key);
  return coerceBrand(values);
}

/** Validates a patch and writes it in one transaction; nothing is written when any field is invalid. */
export function writeBrand(doc: Y.Doc, patch: BrandPatch): Result<BrandTheme> {
  for (const key of COLOR_KEYS) {
    if (patch[key] !== undefined && !isBrandColor(patch[key])) {
      return fail('invalid-input', `The ${key} colour must look like #1a2b3c.`);
    }
  }
  for (const key of ['headingFont', 'bodyFont'] as const) {
    if (patch[key] !== undefined && !isBrandFont(patch[key])) {
      return fail('invalid-input', `Choose one of these fonts: ${BRAND_FONTS.join(', ')}.`);
    }
  }
  if (patch.logo !== undefined && patch.logo !== null && readLogo(patch.logo) === null) {
    return fail(
      'invalid-input',
      `The logo must be a PNG or JPEG image of at most ${MAX_LOGO_BYTES / 1024} KB and ${MAX_LOGO_SIDE} pixels a side.`,
    );
  }
  const map = doc.getMap<unknown>(BRAND);
  doc.transact(() => {
    for (const key of COLOR_KEYS) if (patch[key] !== undefined) map.set(key, patch[key]!.toLowerCase());
    if (patch.headingFont !== undefined) map.set('headingFont', patch.headingFont);
    if (patch.bodyFont !== undefined) map.set('bodyFont', patch.bodyFont);
    if (patch.logo === null) map.delete('logo');
    else if (patch.logo !== undefined) map.set('logo', patch.logo);
  });
  return ok(readBrand(doc));
}

/** Calls `onChange` with the theme now and after every change; returns the disposer. */
export function observeBrand(doc: Y.Doc, onChange: (theme: BrandTheme) => void): () => void {
  const map = doc.getMap<unknown>(BRAND);
  const handler = (): void => onChange(readBrand(doc));
  map.observe(handler);
  handler();
  return () => map.unobserve(handler);
}
