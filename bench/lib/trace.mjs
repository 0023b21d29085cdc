/**
 * Chrome traces for the benchmarks: a row that is asked for one (an environment variable naming the file)
 * records a trace of one step, with the CPU profile, so the step can be read in DevTools or mapped back to
 * the sources through the build's source maps.
 */
import { writeFile } from 'node:fs/promises';

/** What a trace records: the timeline with each task, JavaScript with its CPU samples, GC and the app's marks. */
export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.gc',
  'blink.user_timing',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-v8.cpu_profiler',
];

/**
 * Runs `step`; when `file` is set, records a trace of it into `file` (and says so through `log`).
 * @template T
 * @param {import('@playwright/test').Browser} browser
 * @param {string | undefined | false} file
 * @param {() => Promise<T>} step
 * @param {(line: string) => void} [log]
 * @returns {Promise<T>}
 */
export async function traced(browser, file, step, log = console.log) {
  if (!file) return step();
  await browser.startTracing(undefined, { categories: TRACE_CATEGORIES });
  try {
    return await step();
  } finally {
    await writeFile(file, await browser.stopTracing());
    log(`[bench] Chrome trace written to ${file}`);
  }
}
