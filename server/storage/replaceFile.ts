/**
 * Replaces a file so that a crash or power loss leaves either the old content or the new, never half of
 * either: the bytes go to `temp` (owner-only), are flushed, renamed over `path`, and the rename itself is
 * flushed with the directory. Synchronous on purpose, like the stores that use it: nothing else touching the
 * file can run in between.
 */
import { closeSync, fsyncSync, openSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFully } from './writeFully';

/** Flushes a directory entry (a rename) to disk; not possible (nor needed) on Windows. */
export function syncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes `bytes` to `temp`, flushes it, renames it over `path` and flushes the directory. */
export function replaceFile(path: string, temp: string, bytes: Uint8Array | string): void {
  const fd = openSync(temp, 'w', 0o600);
  try {
    const data = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
    writeFully(fd, data);
    // Always flushed: a rename that reaches the disk before the data would leave an empty file after a
    // power loss.
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  syncDirectory(dirname(path));
}
