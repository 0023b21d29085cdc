/**
 * The live side of the command registry: which screen currently handles each command. A screen registers a
 * handler while it is mounted (and says whether it is available now, e.g. for this role); the native menu,
 * the browser's shortcuts, the playbook's shortcuts (`listenForPlaybookShortcuts`) and the palette all run
 * commands through `runCommand`, so a command behaves the same whichever way it is started.
 */
import { COMMANDS, commandById, keysOf, type CommandId } from '@shared/commands/commandRegistry';
import { matchesChord, parseKeys, type KeyEventLike } from '@shared/commands/keys';
import { IS_MAC } from '../platform/os';
import { platform } from '../platform/platform';

interface Registration {
  run: () => void;
  enabled: boolean;
  /**
   * A stand-in heard only while no real handler is registered, whatever the order they came in — e.g. one
   * that remembers a press until the feature that handles it has loaded (useEarlyCommands).
   */
  fallback?: boolean;
}

const handlers = new Map<CommandId, Registration[]>();
const changeListeners = new Set<() => void>();

/**
 * Registers the handler of `id`; the latest registration wins (the innermost screen), earlier ones come
 * back when it is removed; a fallback only when no other is registered. Returns the disposer.
 */
export function registerCommand(id: CommandId, registration: Registration): () => void {
  const list = handlers.get(id) ?? [];
  list.push(registration);
  handlers.set(id, list);
  notifyChange();
  return () => {
    const at = list.indexOf(registration);
    if (at < 0) return;
    list.splice(at, 1);
    notifyChange();
  };
}

function notifyChange(): void {
  for (const listener of [...changeListeners]) listener();
}

/** Calls `listener` after every registration and disposal. Returns the disposer. */
export function onCommandsChanged(listener: () => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

function current(id: CommandId, fallbacks: boolean): Registration | undefined {
  const list = handlers.get(id);
  if (!list) return undefined;
  for (let i = list.length - 1; i >= 0; i--) if (!list[i]!.fallback) return list[i];
  return fallbacks ? list.at(-1) : undefined;
}

/**
 * Runs `id` with its current handler; false when no screen offers it now. With `fallbacks: false` only a
 * real handler counts (a stand-in asks for its feature that way).
 */
export function runCommand(id: CommandId, { fallbacks = true }: { fallbacks?: boolean } = {}): boolean {
  const registration = current(id, fallbacks);
  if (!registration?.enabled) return false;
  registration.run();
  return true;
}

/** Commands the palette can run now: listed for the palette, with an enabled handler. */
export function paletteCommands(): { id: CommandId; label: string; keys: string | null }[] {
  return COMMANDS.filter((def) => def.palette && current(def.id, true)?.enabled).map((def) => ({
    id: def.id,
    label: def.label,
    keys: keysOf(def, platform.shell),
  }));
}

const chords = new Map<CommandId, ReturnType<typeof parseKeys> | null>();

/** True when `event` is the shortcut of `id` in this shell and on this platform. */
export function matchesCommand(event: KeyEventLike, id: CommandId): boolean {
  if (!chords.has(id)) {
    const keys = keysOf(commandById(id), platform.shell);
    chords.set(id, keys === null ? null : parseKeys(keys));
  }
  const chord = chords.get(id);
  return chord != null && matchesChord(event, chord, IS_MAC);
}

/** Commands whose shortcut is heard anywhere in the window while a screen offers them (scope `playbook`). */
const PLAYBOOK_SHORTCUTS = COMMANDS.filter((def) => def.scope === 'playbook').map((def) => def.id);

/**
 * Listens on `target` for the shortcuts of scope `playbook` and runs the command through its current handler
 * — one listener for every screen, so a screen only registers its handler (`useCommand`), and a handler that
 * stands in while the real one loads is heard like it. A key whose command no screen offers now is left
 * alone. Returns the disposer.
 */
export function listenForPlaybookShortcuts(
  target: Pick<Document, 'addEventListener' | 'removeEventListener'>,
): () => void {
  const handleKeyDown = (event: KeyboardEvent): void => {
    const id = PLAYBOOK_SHORTCUTS.find((c) => matchesCommand(event, c));
    if (id !== undefined && runCommand(id)) event.preventDefault();
  };
  target.addEventListener('keydown', handleKeyDown as EventListener);
  return () => target.removeEventListener('keydown', handleKeyDown as EventListener);
}
