/** Commands at run time: handlers registered by screens, run from the menu, shortcuts and the palette. */
export {
  listenForPlaybookShortcuts,
  matchesCommand,
  onCommandsChanged,
  paletteCommands,
  registerCommand,
  runCommand,
} from './commandHandlers';
export { useCommand } from './useCommand';
