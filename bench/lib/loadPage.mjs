/**
 * Loads a page the way a cold start does — a fresh tab, a probe injected before any of the page's code —
 * and waits until the probe says the screen is ready (window.__benchReady). Shared by the benchmarks that
 * time a page load.
 */
import { watchForErrors } from './browser.mjs';

/** How long one load may take before the benchmark counts as crashed. */
const LOAD_TIMEOUT_MS = 60_000;

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
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page
      .waitForFunction(() => window.__benchReady, null, { timeout: LOAD_TIMEOUT_MS, polling: 50 })
      .catch(async (error) => {
        // Say what the page showed instead: a timeout alone does not tell a slow load from a wrong screen.
        const shown = await page.evaluate(() => document.body.innerText.slice(0, 300)).catch(() => '?');
        throw new Error(`[bench] ${label} never became ready (${error.message}); the page showed: ${shown}`);
      });
    const ready = await handle.jsonValue();
    const extra = inspect ? await inspect(page, ready) : {};
    check();
    return { ...ready, ...extra };
  } finally {
    await page.close();
  }
}
