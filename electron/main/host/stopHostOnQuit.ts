/**
 * Quitting Duet stops the host first: the quit is held (before-quit → preventDefault) until the server has
 * closed its connections and stored everything it received, then resumed.
 */

/** The part of Electron's `app` used (structural, so tests pass an EventEmitter). */
export interface QuitApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

/** The part of the host used. */
export interface StoppableHost {
  status(): { state: string };
  stop(): Promise<unknown>;
}

/** Installs the before-quit handler. */
export function stopHostOnQuit(app: QuitApp, host: StoppableHost): void {
  let stopped = false;
  app.on('before-quit', (event) => {
    if (stopped || host.status().state === 'stopped') return;
    event.preventDefault();
    stopped = true;
    host.stop().then(
      () => app.quit(),
      (error: unknown) => {
        console.error('[host] stopping before quit failed', error);
        app.quit();
      },
    );
  });
}
