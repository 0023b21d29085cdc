/**
 * Every command of Duet, once: id, label, shortcut per shell, where it applies, who may run it. The native
 * menu (electron/main/menu), the browser's shortcuts, the editor's shortcuts, the shortcuts help and the
 * palette's command mode are all generated from this list, and a unit test fails when a shortcut is bound
 * twice. Pure data: the handlers are registered by the screens that own the behaviour (renderer/commands).
 */
import type { Action } from '../domain/permissions';
import type { MenuCommand } from '../ipc/contract';
import { canonicalKeys } from './keys';

/**
 * Where a command's shortcut is listened for: `window` (anywhere in the app: the native menu's accelerator
 * in the desktop app, a window listener in a browser), `playbook` (while a playbook is open), `editor`
 * (while the text has focus), or `builtin` (handled by the editor or outline themselves; listed in the help
 * and checked for clashes, but never bound here).
 */
export type CommandScope = 'window' | 'playbook' | 'editor' | 'builtin';

/** Which native menu lists a command. */
export type MenuPlace = 'app' | 'file' | 'edit' | 'view' | 'help';

/** One command. */
export interface CommandDef {
  id: string;
  label: string;
  /** The shortcut; `browser` when a browser keeps the desktop one for itself (Ctrl+N opens a window). */
  keys?: string | { desktop: string; browser: string };
  scope: CommandScope;
  /** Listed in the native menu (its id is then a MenuCommand the menu sends). */
  menu?: MenuPlace;
  /** Offered in the palette's command mode. */
  palette?: boolean;
  /** What the command writes; the palette offers it only to roles that may (shared/domain/permissions). */
  action?: Action;
  /** Shortcuts help: the line it is listed under (commands sharing a line are shown together). */
  helpLine?: string;
}

const defs = [
  {
    id: 'playbook:new',
    label: 'New playbook',
    keys: { desktop: 'Mod+N', browser: 'Mod+Alt+N' },
    scope: 'window',
    menu: 'file',
    palette: true,
    action: 'playbooks.manage',
  },
  {
    id: 'workspace:import',
    label: 'Import workspace…',
    keys: 'Mod+Shift+O',
    scope: 'window',
    menu: 'file',
    palette: true,
    helpLine: 'Export / import workspace',
  },
  {
    id: 'workspace:export',
    label: 'Export workspace…',
    keys: 'Mod+Shift+E',
    scope: 'window',
    menu: 'file',
    palette: true,
    helpLine: 'Export / import workspace',
  },
  { id: 'edit:find', label: 'Filter playbooks', keys: 'Mod+F', scope: 'window', menu: 'edit', palette: true },
  { id: 'search:open', label: 'Search the workspace…', keys: 'Mod+P', scope: 'window', menu: 'edit' },
  {
    id: 'view:toggle-outline',
    label: 'Show or hide the outline',
    keys: 'Mod+\\',
    scope: 'window',
    menu: 'view',
    palette: true,
  },
  { id: 'help:shortcuts', label: 'Keyboard shortcuts', keys: 'Mod+/', scope: 'window', menu: 'help', palette: true },
  { id: 'help:about', label: 'About Duet', scope: 'window', menu: 'help', palette: true },
  {
    id: 'narrative:new',
    label: 'New narrative',
    keys: 'Mod+Shift+Enter',
    scope: 'editor',
    palette: true,
    action: 'playbook.edit',
    helpLine: 'New narrative after this one',
  },
  { id: 'editor:link', label: 'Link', keys: 'Mod+K', scope: 'editor', action: 'playbook.edit' },
  { id: 'format:h1', label: 'Heading 1', keys: 'Mod+Alt+1', scope: 'editor', helpLine: 'Heading 1 / 2 / 3' },
  { id: 'format:h2', label: 'Heading 2', keys: 'Mod+Alt+2', scope: 'editor', helpLine: 'Heading 1 / 2 / 3' },
  { id: 'format:h3', label: 'Heading 3', keys: 'Mod+Alt+3', scope: 'editor', helpLine: 'Heading 1 / 2 / 3' },
  { id: 'format:paragraph', label: 'Normal text', keys: 'Mod+Alt+0', scope: 'editor' },
  {
    id: 'format:number',
    label: 'Numbered list',
    keys: 'Mod+Shift+7',
    scope: 'editor',
    helpLine: 'Numbered / bulleted list',
  },
  {
    id: 'format:bullet',
    label: 'Bulleted list',
    keys: 'Mod+Shift+8',
    scope: 'editor',
    helpLine: 'Numbered / bulleted list',
  },
  { id: 'format:quote', label: 'Quote', keys: 'Mod+Shift+9', scope: 'editor' },
  { id: 'text:bold', label: 'Bold', keys: 'Mod+B', scope: 'builtin', helpLine: 'Bold / italic / underline' },
  { id: 'text:italic', label: 'Italic', keys: 'Mod+I', scope: 'builtin', helpLine: 'Bold / italic / underline' },
  { id: 'text:underline', label: 'Underline', keys: 'Mod+U', scope: 'builtin', helpLine: 'Bold / italic / underline' },
  { id: 'history:undo', label: 'Undo', keys: 'Mod+Z', scope: 'builtin', helpLine: 'Undo / redo' },
  { id: 'history:redo', label: 'Redo', keys: 'Mod+Shift+Z', scope: 'builtin', helpLine: 'Undo / redo' },
  {
    id: 'outline:move-up',
    label: 'Move narrative up (in the outline)',
    keys: 'Alt+↑',
    scope: 'builtin',
    helpLine: 'Move narrative (in the outline)',
  },
  {
    id: 'outline:move-down',
    label: 'Move narrative down (in the outline)',
    keys: 'Alt+↓',
    scope: 'builtin',
    helpLine: 'Move narrative (in the outline)',
  },
  {
    id: 'deal:log',
    label: 'Log deal',
    keys: 'Mod+Shift+L',
    scope: 'playbook',
    palette: true,
    action: 'notes.write',
    helpLine: 'Log a deal for this narrative',
  },
  {
    id: 'note:add',
    label: 'Add a note to the selected words',
    keys: 'Mod+Alt+M',
    scope: 'playbook',
    action: 'notes.write',
  },
  { id: 'review:open', label: 'Open review', scope: 'playbook', palette: true },
  { id: 'deck:export', label: 'Export deck…', scope: 'playbook', palette: true },
  { id: 'host:open', label: 'Host on this computer…', scope: 'window', palette: true },
  // Not a menu item a person picks: the main process's word that the OS handed Duet a workspace file
  // (File → Open Recent, a double-click, a second launch). No shortcut, not in the palette.
  { id: 'workspace:open-file', label: 'Open a workspace file', scope: 'window', menu: 'file' },
] as const satisfies readonly CommandDef[];

/** A command's id. */
export type CommandId = (typeof defs)[number]['id'];

/** The registry, in the order the shortcuts help and the palette list it. */
export const COMMANDS: readonly (CommandDef & { id: CommandId })[] = defs;

/** Menu commands are exactly the registry's menu entries (checked at compile time both ways). */
type MenuIds = Extract<(typeof defs)[number], { menu: MenuPlace }>['id'];
const menuIdsAreMenuCommands: MenuIds extends MenuCommand ? (MenuCommand extends MenuIds ? true : never) : never = true;
void menuIdsAreMenuCommands;

const byId = new Map<string, CommandDef & { id: CommandId }>(COMMANDS.map((c) => [c.id, c]));

/** The command with this id. */
export function commandById(id: CommandId): CommandDef & { id: CommandId } {
  const def = byId.get(id);
  if (!def) throw new Error(`[commands] no command ${id}`);
  return def;
}

/** The desktop app (native menu) or a browser tab. */
export type Shell = 'electron' | 'browser';

/** A command's shortcut in `shell`, or null when it has none. */
export function keysOf(def: CommandDef, shell: Shell): string | null {
  if (def.keys === undefined) return null;
  if (typeof def.keys === 'string') return def.keys;
  return shell === 'electron' ? def.keys.desktop : def.keys.browser;
}

/** Shortcuts bound to more than one command in `shell` (empty when every binding is unique). */
export function duplicateBindings(commands: readonly CommandDef[], shell: Shell): string[] {
  const seen = new Map<string, string>();
  const clashes: string[] = [];
  for (const def of commands) {
    const keys = keysOf(def, shell);
    if (keys === null) continue;
    const canonical = canonicalKeys(keys);
    const other = seen.get(canonical);
    if (other) clashes.push(`${canonical}: ${other} and ${def.id}`);
    else seen.set(canonical, def.id);
  }
  return clashes;
}

/** The lines of the shortcuts help: a label and the shortcuts listed on it, in registry order. */
export function shortcutHelp(shell: Shell): { label: string; keys: string[] }[] {
  const lines: { label: string; keys: string[] }[] = [];
  for (const def of COMMANDS) {
    const keys = keysOf(def, shell);
    if (keys === null) continue;
    const label = def.helpLine ?? def.label.replace(/…$/, '');
    const line = lines.find((l) => l.label === label);
    if (line) line.keys.push(keys);
    else lines.push({ label, keys: [keys] });
  }
  return lines;
}
