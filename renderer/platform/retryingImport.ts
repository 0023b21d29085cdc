/**
 * Dynamic imports that can be tried again. Browsers keep a failed module fetch for the page's lifetime
 * (Chromium makes no second request for the same URL), so calling the same `import()` again after the
 * network or an update took a chunk away replays the failure, however healthy the server is by then. A
 * retry therefore imports the URL the browser's error names with a `?retry=N` query: a new module to the
 * browser, the same file to the server.
 */

/** What a person is told when a part of the app could not be loaded (a file missing after an update). */
export const PART_NOT_LOADED = 'This part of Duet could not be loaded. If Duet was just updated, restarting it helps.';

/**
 * The URL of a module that could not be fetched, as the browser's error names it (Chromium: "Failed to fetch
 * dynamically imported module: URL", Firefox: "error loading dynamically imported module: URL"); null when
 * the message names none (Safari). A query a retry added is left off.
 */
export function failedModuleUrl(error: unknown): string | null {
  const message = error instanceof Error ? error.message : String(error);
  const url = /[a-z][a-z0-9+.-]*:\/\/\S+?\.m?js(?=[?#\s]|$)/i.exec(message)?.[0];
  return url ?? null;
}

/** A browser's message about a failed module, without the query a retry added (for showing to a person). */
export function withoutRetryQuery(message: string): string {
  return message.replace(/\?retry=\d+/g, '');
}

/**
 * `load` (an `() => import('./X')`) as a function that can be called again after it failed: the first call,
 * and every call after a success, runs `load`; a call after a failure fetches the failed file afresh.
 */
export function retryingImport<M>(load: () => Promise<M>): () => Promise<M> {
  let failedUrl: string | null = null;
  let retries = 0;
  return () => {
    const attempt =
      failedUrl === null ? load() : (import(/* @vite-ignore */ `${failedUrl}?retry=${++retries}`) as Promise<M>);
    return attempt.then(
      (module) => {
        failedUrl = null;
        return module;
      },
      (error: unknown) => {
        failedUrl = failedModuleUrl(error) ?? failedUrl;
        throw error;
      },
    );
  };
}
