/**
 * File names derived from titles a user typed (decks, Markdown exports). The title may hold anything —
 * separators, "..", control characters, bidi overrides, a Windows device name — so it is reduced to one
 * plain file name that is valid and harmless on every OS. Never a path: the caller joins it to a folder
 * the user chose.
 */

/** File kinds Duet exports from a playbook. */
export const EXPORT_KINDS = ['pptx', 'pdf', 'md'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** True when `value` is a known export kind. */
export function isExportKind(value: unknown): value is ExportKind {
  return typeof value === 'string' && (EXPORT_KINDS as readonly string[]).includes(value);
}

/** Used when nothing usable is left of the title. */
export const FALLBACK_EXPORT_NAME = 'Deck';

/** Longest base name (without extension), in UTF-16 units; well under every file system's 255. */
export const MAX_EXPORT_BASE_LENGTH = 100;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// Separators, characters Windows forbids, control characters, bidi controls (which disguise extensions).
// eslint-disable-next-line no-control-regex
const UNSAFE = /[/\\:*?"<>|\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `title` → "Title.ext": unsafe characters become "-", whitespace runs one space, no leading dots or dashes
 * (hidden files, "../"), no trailing dots or spaces (Windows strips them), at most MAX_EXPORT_BASE_LENGTH
 * characters without splitting a surrogate pair, an existing matching extension not doubled, and a Windows
 * device name prefixed with "_".
 */
export function sanitizeExportFileName(title: unknown, kind: ExportKind): string {
  let base = typeof title === 'string' ? title.normalize('NFC') : '';
  base = base.replace(/\s+/g, ' ').replace(UNSAFE, '-').trim();
  if (base.toLowerCase().endsWith(`.${kind}`)) base = base.slice(0, -kind.length - 1);
  base = base.replace(/^[.\s-]+/, '').replace(/[.\s]+$/, '');
  if (base.length > MAX_EXPORT_BASE_LENGTH) {
    base = Array.from(base)
      .reduce((kept, ch) => (kept.length + ch.length <= MAX_EXPORT_BASE_LENGTH ? kept + ch : kept), '')
      .replace(/[.\s-]+$/, '');
  }
  if (base.length === 0) base = FALLBACK_EXPORT_NAME;
  if (WINDOWS_RESERVED.test(base)) base = `_${base}`;
  return `${base}.${kind}`;
}
