/** One registry of commands: no shortcut does two things, and every place that lists shortcuts agrees. */
import { describe, expect, it } from 'vitest';
import {
  COMMANDS,
  duplicateBindings,
  keysOf,
  shortcutHelp,
  type CommandDef,
} from '../../../../shared/commands/commandRegistry';
import { canonicalKeys, matchesChord, parseKeys, toAccelerator } from '../../../../shared/commands/keys';
import { MENU_COMMANDS } from '../../../../shared/ipc/contract';

const SHELLS = ['electron', 'browser'] as const;

function press(code: string, key: string, mods: Partial<Record<'ctrl' | 'meta' | 'shift' | 'alt', boolean>> = {}) {
  return {
    code,
    key,
    ctrlKey: !!mods.ctrl,
    metaKey: !!mods.meta,
    shiftKey: !!mods.shift,
    altKey: !!mods.alt,
  };
}

describe('the command registry', () => {
  it.each(SHELLS)('binds no shortcut twice (%s)', (shell) => {
    expect(duplicateBindings(COMMANDS, shell)).toEqual([]);
  });

  it('notices a shortcut bound twice, however it is spelled', () => {
    const clash: CommandDef[] = [
      { id: 'a', label: 'A', keys: 'Mod+Shift+L', scope: 'editor' },
      { id: 'b', label: 'B', keys: 'Shift+Mod+l', scope: 'window' },
    ];
    expect(duplicateBindings(clash, 'browser')).toEqual(['Mod+Shift+L: a and b']);
  });

  it('gives every command a unique id and a shortcut that parses', () => {
    expect(new Set(COMMANDS.map((c) => c.id)).size).toBe(COMMANDS.length);
    for (const def of COMMANDS) for (const shell of SHELLS) if (keysOf(def, shell)) parseKeys(keysOf(def, shell)!);
  });

  it('lists in the native menu exactly the commands the menu can send', () => {
    expect(
      COMMANDS.filter((c) => c.menu)
        .map((c) => c.id)
        .sort(),
    ).toEqual([...MENU_COMMANDS].sort());
  });

  it('gives every window-wide shortcut a menu entry, so the desktop app (where the menu owns them) binds it', () => {
    const unbound = COMMANDS.filter((c) => c.scope === 'window' && c.keys !== undefined && !c.menu);
    expect(unbound.map((c) => c.id)).toEqual([]);
  });

  it('lists every shortcut in the help, with the ones that share a line together', () => {
    const help = shortcutHelp('browser');
    const listed = help.flatMap((line) => line.keys).map(canonicalKeys);
    const bound = COMMANDS.flatMap((c) => (keysOf(c, 'browser') ? [canonicalKeys(keysOf(c, 'browser')!)] : []));
    expect(listed.sort()).toEqual(bound.sort());
    expect(help.find((l) => l.label === 'Heading 1 / 2 / 3')?.keys).toEqual(['Mod+Alt+1', 'Mod+Alt+2', 'Mod+Alt+3']);
    expect(help.find((l) => l.label === 'New playbook')?.keys).toEqual(['Mod+Alt+N']);
    expect(shortcutHelp('electron').find((l) => l.label === 'New playbook')?.keys).toEqual(['Mod+N']);
  });

  it('offers the palette the commands the issue names', () => {
    const palette = COMMANDS.filter((c) => c.palette).map((c) => c.label);
    for (const label of ['New narrative', 'Log deal', 'Export deck…', 'Open review', 'Host on this computer…'])
      expect(palette).toContain(label);
  });
});

describe('shortcuts', () => {
  it('match by physical key, so Shift+7 and ⌥-letters still match', () => {
    const chord = parseKeys('Mod+Shift+7');
    expect(matchesChord(press('Digit7', '&', { ctrl: true, shift: true }), chord, false)).toBe(true);
    expect(matchesChord(press('KeyN', 'ñ', { meta: true, alt: true }), parseKeys('Mod+Alt+N'), true)).toBe(true);
  });

  it('use ⌘ on macOS and Ctrl elsewhere, and refuse extra modifiers', () => {
    const chord = parseKeys('Mod+P');
    expect(matchesChord(press('KeyP', 'p', { meta: true }), chord, true)).toBe(true);
    expect(matchesChord(press('KeyP', 'p', { ctrl: true }), chord, true)).toBe(false);
    expect(matchesChord(press('KeyP', 'p', { ctrl: true }), chord, false)).toBe(true);
    expect(matchesChord(press('KeyP', 'P', { ctrl: true, shift: true }), chord, false)).toBe(false);
  });

  it('become Electron accelerators', () => {
    expect(toAccelerator('Mod+\\')).toBe('CmdOrCtrl+\\');
    expect(toAccelerator('Mod+Shift+E')).toBe('CmdOrCtrl+Shift+E');
    expect(toAccelerator('Alt+↑')).toBe('Alt+Up');
  });

  it('refuse a modifier they do not know', () => {
    expect(() => parseKeys('Hyper+K')).toThrow(/unknown modifier/);
  });
});
