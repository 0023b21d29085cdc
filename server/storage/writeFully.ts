/**
 * `writeSync` may write fewer bytes than asked (a signal, a nearly full disk); every store that writes a file
 * goes through this loop so none can leave a record half written and believe it whole.
 */
import { writeSync } from 'node:fs';

/**
 * Writes all of `bytes` to `fd`, at the file's current position or, given `position`, there (the file's
 * own position is then left alone). Returns the position after them when one was given, else the byte count.
 */
export function writeFully(fd: number, bytes: Uint8Array, position?: number): number {
  for (let written = 0; written < bytes.length;) {
    written +=
      position === undefined
        ? writeSync(fd, bytes, written)
        : writeSync(fd, bytes, written, bytes.length - written, position + written);
  }
  return (position ?? 0) + bytes.length;
}
