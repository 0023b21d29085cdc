/**
 * Loads a page the way a cold start does — a fresh tab, a probe injected before any of the page's code —
 * and waits until the probe says the screen is ready (on the console). Shared by the benchmarks that
 * time a page load.
 */
import { watchForErrors } from './browser.mjs';

/** How long one load may take before the benchmark counts as crashed. */
const LOAD_TIMEOUT_MS = 60_000;
/** What the probes log when the screen is ready, followed by `{ dom, paint }` as JSON (bench/lib/probes.mjs). */
const READY_PREFIX = '__benchReady ';

/**
 * Opens `url` in a new page of `context` with `probe(arg)` injected, waits for readiness, then runs
 * `inspect(page, ready)` (optional) before closing the page.
 * @returns {Promise<{ dom: number, paint: number } & Record<string, unknown>>}
 */
export async function loadPage(context, url, { probe, arg, label, inspect }) {
  const page = await context.newPage();
  const check = watchForErrors(page, label);
  try {
    await page.addInitScript(probe, arg);
    // Readiness is heard on the console, not polled: waitForFunction compiled Playwright's injected script in
    // the page right after the navigation (one 26 ms task on the main thread, in a trace), in the middle of
    // the start it measures.
    let timer;
    const readyLine = new Promise((resolve, reject) => {
      page.on('console', (message) => {
        const text = message.text();
        if (text.startsWith(READY_PREFIX)) resolve(JSON.parse(text.slice(READY_PREFIX.length)));
      });
      timer = setTimeout(() => reject(new Error(`timeout ${LOAD_TIMEOUT_MS} ms`)), LOAD_TIMEOUT_MS);
    });
    await page.goto(url, { waitUntil: 'commit' });
    const ready = await readyLine
      .catch(async (error) => {
        // Say what the page showed instead: a timeout alone does not tell a slow load from a wrong screen.
        const shown = await page.evaluate(() => document.body.innerText.slice(0, 300)).catch(() => '?');
        throw new Error(`[bench] ${label} never became ready (${error.message}); the page showed: ${shown}`);
      })
      .finally(() => clearTimeout(timer));
    const extra = inspect ? await inspect(page, ready) : {};
    check();
    return { ...ready, ...extra };
  } finally {
    await page.close();
  }
}
