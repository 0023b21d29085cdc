/**
 * Workspace files handed to Duet by the OS (double-click, "Open with", a second launch, File → Open
 * Recent) wait here until the renderer takes them. The renderer may not exist yet (macOS sends
 * 'open-file' before the app is ready; the window may still be loading), so main only announces that a
 * file is waiting ('workspace:open-file' on the menu channel) and the renderer asks for it with
 * 'workspace:takeOpened' — when it is ready, once per announcement and once at start.
 */
import type { PickedFile } from '@shared/ipc/contract';
import { fail, ok, type Result } from '@shared/result';
import { isWorkspaceFilePath } from './workspaceFileArgs';

/** Files waiting at most; a user does not open more at once, and a flood of events cannot grow memory. */
export const MAX_WAITING_FILES = 8;

/** Reads a file with the import's checks (readWorkspaceFile). */
export type ReadWorkspaceFile = (path: string) => Promise<Result<PickedFile>>;

/** What the queue tells the rest of the app, connected once the app is ready. */
export interface OpenedFilesHooks {
  /** Tells the renderer a file is waiting (nothing happens without a window: the renderer asks at start). */
  announce(): void;
  /** Called with each file that was read successfully (recent workspaces, the OS's recent documents). */
  remember(path: string): void;
}

/** The queue of opened files. */
export interface OpenedFiles {
  /** The OS asked Duet to open `path`; anything that is not a `.duet` path is refused with a reason. */
  open(path: unknown): Result<null>;
  /** The next waiting file, read; ok(null) when none waits. */
  take(): Promise<Result<PickedFile | null>>;
  /** Number of files waiting. */
  readonly waiting: number;
  /** Connects the hooks once the app is ready; files opened before that wait quietly. */
  connect(hooks: OpenedFilesHooks): void;
}

/** Creates the queue; it exists before the app is ready, since macOS sends 'open-file' that early. */
export function createOpenedFiles(read: ReadWorkspaceFile): OpenedFiles {
  const queue: string[] = [];
  let hooks: OpenedFilesHooks | null = null;
  return {
    open(path) {
      if (!isWorkspaceFilePath(path)) {
        return fail('invalid-input', 'Duet opens workspace files (.duet) only.');
      }
      // The same file twice (a double double-click) is one import.
      const at = queue.indexOf(path);
      if (at !== -1) queue.splice(at, 1);
      queue.push(path);
      if (queue.length > MAX_WAITING_FILES) queue.shift();
      hooks?.announce();
      return ok(null);
    },
    async take() {
      const path = queue.shift();
      if (path === undefined) return ok(null);
      const file = await read(path);
      if (file.ok) hooks?.remember(path);
      return file;
    },
    get waiting() {
      return queue.length;
    },
    connect(next) {
      hooks = next;
    },
  };
}
