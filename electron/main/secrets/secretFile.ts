/** The secrets file on disk: atomic writes (temp file + rename) with owner-only permissions. */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { SecretFile } from './secretStore';

/** A SecretFile at `path`. */
export function secretFileAt(path: string): SecretFile {
  return {
    read() {
      try {
        return readFileSync(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    write(text) {
      const temp = `${path}.tmp-${process.pid}`;
      writeFileSync(temp, text, { mode: 0o600 });
      renameSync(temp, path);
    },
  };
}
