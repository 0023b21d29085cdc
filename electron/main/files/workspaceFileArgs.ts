/**
 * Which workspace file the OS asked Duet to open. On Windows and Linux a double-clicked `.duet` file
 * arrives as a command-line argument — of this process at launch, or of the second instance, whose argv
 * and working directory reach the first one through 'second-instance'; Chromium adds its own switches to
 * that argv. Anything that is not a plausible `.duet` path is ignored here; the file itself is then read
 * with the import's checks and decoded, validated and confirmed in the renderer like any import.
 */
import { isAbsolute, resolve } from 'node:path';
import { WORKSPACE_FILE_EXTENSION } from '@shared/format/workspaceFile';

/** Longest path accepted (Windows' long-path limit; far beyond any real path elsewhere). */
export const MAX_PATH_LENGTH = 32_767;

/** True when `path` names a workspace file: `.duet` at the end (any case), no NUL, not a switch. */
export function isWorkspaceFilePath(path: unknown): path is string {
  return (
    typeof path === 'string' &&
    path.length > 0 &&
    path.length <= MAX_PATH_LENGTH &&
    !path.includes('\0') &&
    !path.startsWith('-') &&
    path.toLowerCase().endsWith(`.${WORKSPACE_FILE_EXTENSION}`) &&
    path.length > WORKSPACE_FILE_EXTENSION.length + 1
  );
}

/**
 * The workspace file among `argv` (the last one, as a shell passes "Open with" files last), made absolute
 * against `workingDirectory` (the launching process's, for a second instance); null when there is none.
 * argv[0] is the executable and never a file to open.
 */
export function findWorkspaceFileArg(argv: readonly unknown[], workingDirectory: string): string | null {
  for (let i = argv.length - 1; i >= 1; i--) {
    const arg = argv[i];
    if (isWorkspaceFilePath(arg)) return isAbsolute(arg) ? arg : resolve(workingDirectory, arg);
  }
  return null;
}
