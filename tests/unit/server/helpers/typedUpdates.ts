/** Real Yjs updates for storage tests: what one writer typing sends, one update per keystroke. */
import * as Y from 'yjs';

/**
 * `count` updates of one writer typing into the root text `root`, one character each, in order: `char(i)`
 * is the i-th character typed (default "x").
 */
export function typedUpdates(count: number, char: (i: number) => string = () => 'x'): Uint8Array[] {
  const doc = new Y.Doc();
  const out: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => out.push(update));
  for (let i = 0; i < count; i++) doc.getText('root').insert(i, char(i));
  return out;
}
