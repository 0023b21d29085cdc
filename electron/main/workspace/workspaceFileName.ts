/**
 * File names for exported workspaces. The suggested name comes from the renderer (a workspace name the
 * user typed), so it may contain anything: it is reduced to a name that is valid and harmless on every OS.
 */
import { WORKSPACE_FILE_EXTENSION } from '@shared/format/workspaceFile';

/** Used when nothing usable is left of the suggested name. */
export const FALLBACK_WORKSPACE_FILE_NAME = 'Workspace';

const MAX_BASE_NAME_LENGTH = 100;
// Names Windows reserves for devices, with or without an extension.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// Path separators, characters Windows forbids, and control characters (including NUL and newlines).
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[/\\:*?"<>|\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `suggestedName` → "name.duet": unsafe characters become "-", leading dots (hidden files) and trailing
 * dots or spaces (which Windows strips) are removed, and an existing .duet extension is not doubled.
 */
export function sanitizeWorkspaceFileName(suggestedName: unknown): string {
  let base = typeof suggestedName === 'string' ? suggestedName.normalize('NFC') : '';
  // Line breaks and tabs read as spaces; every other unsafe character becomes a visible "-".
  base = base.replace(/\s+/g, ' ').replace(UNSAFE_CHARACTERS, '-').trim();
  const extension = `.${WORKSPACE_FILE_EXTENSION}`;
  if (base.toLowerCase().endsWith(extension)) base = base.slice(0, -extension.length);
  base = base.replace(/^[.\s-]+/, '').replace(/[.\s]+$/, '');
  if (base.length > MAX_BASE_NAME_LENGTH) base = base.slice(0, MAX_BASE_NAME_LENGTH).replace(/[.\s]+$/, '');
  if (base.length === 0) base = FALLBACK_WORKSPACE_FILE_NAME;
  // "con.duet" is still the console device on Windows; a prefix makes it an ordinary name.
  if (WINDOWS_RESERVED.test(base)) base = `_${base}`;
  return `${base}${extension}`;
}
