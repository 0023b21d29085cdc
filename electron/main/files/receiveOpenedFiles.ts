/**
 * Every way the OS hands Duet a workspace file, wired to one queue before the app is ready: the file in
 * this launch's argv (Windows, Linux: a double-click starts Duet with the path), 'open-file' (macOS, also
 * before ready) and 'second-instance' (a later double-click while Duet runs). Pure apart from the `app`
 * events and the reader it is given, so the whole path runs in Node tests against Electron's own typings.
 */
import { createOpenedFiles, type OpenedFiles, type ReadWorkspaceFile } from './openedFiles';
import { installOpenFileHandlers, type OpenFileApp } from './installOpenFileHandlers';
import { findWorkspaceFileArg } from './workspaceFileArgs';

/** How this process was launched. */
export interface LaunchFacts {
  argv: readonly string[];
  /** The working directory a relative path in argv is relative to. */
  cwd: string;
}

/** The queue, and the disposer of the two event handlers. */
export interface ReceivedFiles {
  files: OpenedFiles;
  dispose: () => void;
}

/** Creates the queue, queues the launch file (if any) and listens for the OS's later files. */
export function receiveOpenedFiles(app: OpenFileApp, launch: LaunchFacts, read: ReadWorkspaceFile): ReceivedFiles {
  const files = createOpenedFiles(read);
  const launchedWith = findWorkspaceFileArg(launch.argv, launch.cwd);
  if (launchedWith !== null) files.open(launchedWith);
  const dispose = installOpenFileHandlers(app, (path) => {
    const accepted = files.open(path);
    // The OS (or a crafted launch) named something Duet does not open; nothing to show a user yet.
    if (!accepted.ok) console.warn(`[files] ${accepted.error.message}`);
  });
  return { files, dispose };
}
