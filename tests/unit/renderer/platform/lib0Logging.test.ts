/**
 * The renderer's stand-in for lib0/logging (electron.vite.config.ts resolves `lib0/logging` to it) has every
 * name Yjs reads from that module, and prints Yjs's warnings in words.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as stand from '../../../../renderer/platform/lib0Logging';

const require = createRequire(import.meta.url);

/** The names a module reads from `lib0/logging`, whether imported as a namespace or by name. */
function namesUsed(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/import \* as (\w+) from ['"]lib0\/logging['"]/g))
    for (const use of source.matchAll(new RegExp(`\\b${m[1]}\\.(\\w+)`, 'g'))) names.add(use[1]!);
  for (const m of source.matchAll(/import \{([^}]*)\} from ['"]lib0\/logging['"]/g))
    for (const part of m[1]!.split(',')) names.add(part.trim().split(/\s+as\s+/)[0]!);
  names.delete('');
  return [...names].sort();
}

afterEach(() => vi.restoreAllMocks());

describe('the renderer’s lib0/logging', () => {
  it('exports every name Yjs uses from lib0/logging', () => {
    const yjs = readFileSync(join(require.resolve('yjs'), '..', 'yjs.mjs'), 'utf8');
    const used = namesUsed(yjs);
    expect(used.length).toBeGreaterThan(2); // the scan found Yjs's uses (print, warn, the colours)
    const missing = used.filter((name) => !(name in stand));
    expect(missing, 'names Yjs reads that renderer/platform/lib0Logging.ts lacks').toEqual([]);
  });

  it('prints the words of a message, without lib0’s style markers', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    stand.warn('Invalid access: Add Yjs type to a document before reading data.');
    stand.print(stand.ORANGE, stand.BOLD, '[yjs] ', stand.UNBOLD, stand.RED, 'Changed the client-id.');
    stand.print(() => ['Structs: ', 3]);
    expect(warn).toHaveBeenCalledWith('Invalid access: Add Yjs type to a document before reading data.');
    expect(log.mock.calls).toEqual([
      ['[yjs] ', 'Changed the client-id.'],
      ['Structs: ', 3],
    ]);
  });
});
