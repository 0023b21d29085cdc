/**
 * Keyboard shortcuts as Duet writes them ("Mod+Shift+L": Mod is ⌘ on macOS and Ctrl elsewhere), and the
 * three things made from one: a matcher for key events, an Electron accelerator, and a canonical form that
 * the uniqueness test compares. Letters and digits match by physical key (`KeyboardEvent.code`), so
 * Ctrl+Shift+7 and ⌥-combinations on macOS (which change `key`) still match.
 */

/** The parts of a KeyboardEvent a shortcut looks at. */
export interface KeyEventLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** A parsed shortcut. */
export interface KeyChord {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  /** The key as written: "L", "7", "Enter", "\\", "/", "↑". */
  key: string;
}

const ARROWS: Record<string, string> = { '↑': 'ArrowUp', '↓': 'ArrowDown', '←': 'ArrowLeft', '→': 'ArrowRight' };
const PUNCTUATION_CODES: Record<string, string> = { '\\': 'Backslash', '/': 'Slash', '.': 'Period', ',': 'Comma' };

/** Parses "Mod+Alt+1"; throws on a modifier it does not know (a typo in the registry is a bug). */
export function parseKeys(keys: string): KeyChord {
  const parts = keys.split('+');
  // "Mod++" would be a plus key; Duet binds none, so the last part is always the key.
  const key = parts.pop() ?? '';
  const chord: KeyChord = { mod: false, shift: false, alt: false, key };
  for (const part of parts) {
    if (part === 'Mod') chord.mod = true;
    else if (part === 'Shift') chord.shift = true;
    else if (part === 'Alt') chord.alt = true;
    else throw new Error(`[commands] unknown modifier "${part}" in "${keys}"`);
  }
  if (key === '') throw new Error(`[commands] no key in "${keys}"`);
  return chord;
}

/** True when `event` is exactly `chord` (no extra modifiers) on this platform. */
export function matchesChord(event: KeyEventLike, chord: KeyChord, isMac: boolean): boolean {
  const mod = isMac ? event.metaKey : event.ctrlKey;
  const other = isMac ? event.ctrlKey : event.metaKey;
  if (mod !== chord.mod || other || event.shiftKey !== chord.shift || event.altKey !== chord.alt) return false;
  const key = chord.key;
  if (/^[A-Z]$/.test(key)) return event.code === `Key${key}` || event.key.toUpperCase() === key;
  if (/^[0-9]$/.test(key)) return event.code === `Digit${key}`;
  if (ARROWS[key]) return event.key === ARROWS[key];
  if (PUNCTUATION_CODES[key]) return event.key === key || event.code === PUNCTUATION_CODES[key];
  return event.key === key;
}

/** The Electron accelerator of `keys` ("Mod+Shift+E" → "CmdOrCtrl+Shift+E"). */
export function toAccelerator(keys: string): string {
  const chord = parseKeys(keys);
  return [chord.mod && 'CmdOrCtrl', chord.alt && 'Alt', chord.shift && 'Shift', ARROWS[chord.key] ?? chord.key]
    .filter(Boolean)
    .join('+')
    .replace('ArrowUp', 'Up')
    .replace('ArrowDown', 'Down');
}

/** One spelling per chord ("Shift+Mod+l" and "Mod+Shift+L" are the same), for comparing bindings. */
export function canonicalKeys(keys: string): string {
  const chord = parseKeys(keys);
  return [chord.mod && 'Mod', chord.alt && 'Alt', chord.shift && 'Shift', chord.key.toUpperCase()]
    .filter(Boolean)
    .join('+');
}
