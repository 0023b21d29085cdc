/**
 * What Yjs uses of `lib0/logging` — a few warnings (a client id taken twice, a type read before it joined a
 * document) — printed with the console. The renderer's build resolves `lib0/logging` to this module
 * (electron.vite.config.ts): lib0's own styles its output through lib0/dom, whose top-level element checks
 * bring lib0's schema library (~7 kB minified) into the first screen's script, which logs nothing. The
 * colour and weight markers are dropped; the words are the same. `lib0Logging.test.ts` checks that every
 * name Yjs reads from the module is here, so a Yjs upgrade that uses another fails a test, not a user.
 */

/** Style markers: lib0 passes them among the words to colour what follows; here they are left out. */
export const BOLD = Symbol('bold');
export const UNBOLD = Symbol('unbold');
export const BLUE = Symbol('blue');
export const GREY = Symbol('grey');
export const GREEN = Symbol('green');
export const RED = Symbol('red');
export const PURPLE = Symbol('purple');
export const ORANGE = Symbol('orange');
export const UNCOLOR = Symbol('uncolor');

/** lib0's arguments: words and markers, or one function returning them (evaluated only when printed). */
type LogArgs = unknown[];

function words(args: LogArgs): unknown[] {
  const list = args.length === 1 && typeof args[0] === 'function' ? (args[0] as () => LogArgs)() : args;
  return list.filter((arg) => typeof arg !== 'symbol');
}

/** Prints a message (lib0's `print`). */
export function print(...args: LogArgs): void {
  console.log(...words(args));
}

/** Prints a warning (lib0's `warn`). */
export function warn(...args: LogArgs): void {
  console.warn(...words(args));
}

/** Prints an error (lib0's `printError`). */
export function printError(error: unknown): void {
  console.error(error);
}
