/** Commands at run time: handlers registered by screens, run from the menu, shortcuts and the palette. */
export { matchesCommand, paletteCommands, registerCommand, runCommand } from './commandHandlers';
export { useCommand } from './useCommand';
