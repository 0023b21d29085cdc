/**
 * The print layout's document, built by the main process from the renderer's stylesheet and markup. Its CSP
 * allows no scripts, no network, no files: only inline styles and `data:` images. The checks here refuse
 * anything that could reach outside the document before Chromium ever parses it.
 */

/** The print window's policy: stricter than the app's (no script at all), inline styles for the slides. */
export const DECK_PRINT_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  'font-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Largest print document (the data: URL Chromium loads is limited to 2 MB; base64 adds a third). */
export const MAX_PRINT_DOCUMENT_CHARS = 1_400_000;

/** The stylesheet and markup the renderer sends. */
export interface PrintParts {
  css: string;
  bodyHtml: string;
}

// The renderer's markup is a handful of tags with a handful of attributes, and every text is escaped. So the
// check is an allowlist: any other tag or attribute (script, img, on*=, src=, style=…) means a bug or a
// hostile page, and the document is refused rather than cleaned.
const ALLOWED_TAGS = new Set(['div', 'section', 'p', 'ul', 'li', 'span', 'a']);
const TAG = /<(\/?)([a-z0-9]+)([^<>]*)>/gi;
const ALLOWED_ATTRIBUTES = /^(\s+(class|data-kind|data-role|role|aria-label)="[^"<>]*")*\s*$/;
// A link, so the PDF's links can be clicked: exactly this shape, to the web or an e-mail address only (the
// print window never follows it — JavaScript is off and every request but data: is cancelled).
const LINK_ATTRIBUTES = /^\s+class="deck-link"\s+href="(?:https?:\/\/|mailto:)[^"<>\s]+"\s*$/i;
// No backslashes (CSS escapes could spell url( or @import), no markup, and url() only for checked images.
const FORBIDDEN_CSS = /[\\<>]|@import|url\(\s*(?!"data:image\/(?:png|jpeg);base64,[A-Za-z0-9+/]+={0,2}"\))/i;

function markupIsSlidesOnly(html: string): boolean {
  let tags = 0;
  for (const match of html.matchAll(TAG)) {
    tags++;
    const [, closing, name, attributes] = match;
    const tag = name!.toLowerCase();
    if (!ALLOWED_TAGS.has(tag)) return false;
    if (closing) {
      if (attributes!.trim() !== '') return false;
    } else if (!(tag === 'a' ? LINK_ATTRIBUTES : ALLOWED_ATTRIBUTES).test(attributes!)) return false;
  }
  // Every "<" must have been one of those tags: text is escaped, so a stray one is not ours.
  return (html.match(/</g)?.length ?? 0) === tags;
}

/** Checks the parts; returns the reason when they are not acceptable. */
export function checkPrintParts(value: unknown): { ok: true; parts: PrintParts } | { ok: false; reason: string } {
  if (typeof value !== 'object' || value === null) return { ok: false, reason: 'The print layout is missing.' };
  const { css, bodyHtml } = value as Record<string, unknown>;
  if (typeof css !== 'string' || typeof bodyHtml !== 'string') {
    return { ok: false, reason: 'The print layout is missing.' };
  }
  if (css.length + bodyHtml.length > MAX_PRINT_DOCUMENT_CHARS) {
    return { ok: false, reason: 'This deck is too large to print in one go; print fewer slides at a time.' };
  }
  if (!markupIsSlidesOnly(bodyHtml) || FORBIDDEN_CSS.test(css)) {
    return { ok: false, reason: 'The print layout contained something other than slides and was not printed.' };
  }
  return { ok: true, parts: { css, bodyHtml } };
}

/** The complete HTML document of the print layout. */
export function buildPrintDocument(parts: PrintParts): string {
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${DECK_PRINT_CSP}">`,
    '<title>Deck</title>',
    `<style>${parts.css}</style>`,
    `</head><body>${parts.bodyHtml}</body></html>`,
  ].join('');
}
