/**
 * Requests the workspace screen's code the moment the bundle starts running, when the last start reopened a
 * workspace — before React, the settings (over IPC in the desktop app) or IndexedDB are ready to say so.
 * A returning user's first screen then waits for one download running beside the rest of the start instead
 * of one that begins after it. The fact is remembered in localStorage by `rememberFirstScreen` (boot.ts); a
 * new user has none and downloads nothing extra. It also starts reading that workspace's directory and last
 * playbook from IndexedDB (platform/earlyDocRead.ts). It is an entry of its own, loaded by an async script
 * tag ahead of the app's (electron.vite.config.ts): it imports only that small module, so it runs as soon as
 * its one small file is in, while the app's own modules are still arriving. main.tsx imports it too (the
 * same module, run once).
 */

import { startEarlyRead, type EarlyRecords } from '../platform/earlyDocRead';

const KEY = 'duet.reopensWorkspace';

/** Remembers whether this start reopens a workspace, for the next start (written only when it changes). */
export function rememberFirstScreen(reopensWorkspace: boolean): void {
  if ((localStorage.getItem(KEY) === '1') === reopensWorkspace) return;
  try {
    if (reopensWorkspace) localStorage.setItem(KEY, '1');
    else localStorage.removeItem(KEY);
  } catch (error) {
    console.warn('[app] could not remember the first screen; the next start loads its code a little later', error);
  }
}

let early: Promise<EarlyRecords | null> = Promise.resolve(null);

/** The documents read before the app started (earlyDocRead.ts), handed out once: the boot's store takes them. */
export function takeEarlyRecords(): Promise<EarlyRecords | null> {
  const taken = early;
  early = Promise.resolve(null);
  return taken;
}

if (localStorage.getItem(KEY) === '1') {
  // The same module the shell loads lazily (lazyPart dedupes nothing here: the browser's module map does).
  // A failed download is not reported here: the shell imports it again when it shows it, and says so there.
  import('../features/shell/WorkspaceView').catch(() => undefined);
  // The workspace's directory and last playbook, read while the app's code still arrives.
  early = startEarlyRead();
}
