/**
 * Writes a file so that the target is either the old file or the complete new one, never half of either:
 * the bytes go to a temporary file in the same folder (same filesystem, so the rename is atomic), are
 * flushed to disk, and only then renamed over the target. On any failure the temporary file is removed.
 */
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { fail, ok, type Result } from '@shared/result';
import { describeSystemError, isSystemError } from '../systemError';

/** The file handle operations used (node:fs/promises FileHandle). */
export interface WritableFileHandle {
  writeFile(data: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The filesystem operations used (a subset of node:fs/promises), injectable to simulate a full disk. */
export interface AtomicWriteFs {
  open(path: string, flags: 'wx', mode?: number): Promise<WritableFileHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

/** Writes `bytes` to `targetPath` atomically; expected I/O failures are returned, bugs throw. */
export async function writeFileAtomic(fs: AtomicWriteFs, targetPath: string, bytes: Uint8Array): Promise<Result<null>> {
  // A hidden, random name: never collides with the user's files, and 'wx' refuses to reuse an existing one.
  const tempPath = join(dirname(targetPath), `.${basename(targetPath)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(tempPath, 'wx', 0o644);
    try {
      await handle.writeFile(bytes);
      // Without the flush a power cut after the rename could leave an empty file under the final name.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tempPath, targetPath);
    return ok(null);
  } catch (error) {
    await removeTemp(fs, tempPath);
    if (!isSystemError(error)) throw error;
    return fail('io', `The workspace could not be saved to ${targetPath}: ${describeSystemError(error)}.`);
  }
}

async function removeTemp(fs: AtomicWriteFs, tempPath: string): Promise<void> {
  try {
    await fs.unlink(tempPath);
  } catch (error) {
    if (isSystemError(error) && error.code === 'ENOENT') return; // never created, or already renamed
    // The save already failed and is reported; a leftover hidden temp file is worth a log line, not a second error.
    console.warn(`[workspace] could not remove temporary file ${tempPath}`, error);
  }
}
