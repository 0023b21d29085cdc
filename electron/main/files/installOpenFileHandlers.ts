/**
 * The OS handing Duet a workspace file: macOS sends 'open-file' (also before the app is ready, so this is
 * installed at once by index.ts), Windows and Linux start Duet again with the path, which reaches this
 * instance as 'second-instance' (the lifecycle brings the window forward; this reads the path).
 */
import { findWorkspaceFileArg } from './workspaceFileArgs';

/** The part of Electron's `app` used (structural, so tests pass an EventEmitter). */
export interface OpenFileApp {
  on(event: 'open-file', listener: OpenFileListener): unknown;
  on(event: 'second-instance', listener: SecondInstanceListener): unknown;
  removeListener(event: 'open-file', listener: OpenFileListener): unknown;
  removeListener(event: 'second-instance', listener: SecondInstanceListener): unknown;
}

type OpenFileListener = (event: { preventDefault(): void }, path: string) => void;
type SecondInstanceListener = (event: { preventDefault(): void }, argv: string[], workingDirectory: string) => void;

/** Installs both handlers; `open` receives each path (validated again by the queue). Returns the disposer. */
export function installOpenFileHandlers(app: OpenFileApp, open: (path: string) => void): () => void {
  const handleOpenFile: OpenFileListener = (event, path) => {
    // Without preventDefault macOS treats the file as not handled.
    event.preventDefault();
    open(path);
  };
  const handleSecondInstance: SecondInstanceListener = (_event, argv, workingDirectory) => {
    const path = Array.isArray(argv) ? findWorkspaceFileArg(argv, String(workingDirectory)) : null;
    if (path !== null) open(path);
  };
  app.on('open-file', handleOpenFile);
  app.on('second-instance', handleSecondInstance);
  return () => {
    app.removeListener('open-file', handleOpenFile);
    app.removeListener('second-instance', handleSecondInstance);
  };
}
