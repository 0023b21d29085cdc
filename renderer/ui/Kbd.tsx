/** A keyboard shortcut rendered for the current platform ("Mod" becomes ⌘ or Ctrl). */
import { IS_MAC } from '../platform/os';

/** Shows `keys` such as "Mod+Shift+E". */
export function Kbd({ keys }: { keys: string }) {
  const parts = keys.split('+').map((k) => (k === 'Mod' ? (IS_MAC ? '⌘' : 'Ctrl') : k === 'Alt' && IS_MAC ? '⌥' : k));
  return (
    <span className="kbd">
      {parts.map((p, i) => (
        <kbd key={i}>{p}</kbd>
      ))}
    </span>
  );
}
