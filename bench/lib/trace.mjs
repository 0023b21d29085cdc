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
  // DUET_BENCH_TRACE_NO_SAMPLES=1 leaves out the CPU samples: starting the sampler walks the whole heap (a
  // task of 100–300 ms at 20,000 deals) that the traced step would otherwise contain.
  const base = process.env.DUET_BENCH_TRACE_NO_SAMPLES
    ? TRACE_CATEGORIES.filter((c) => c !== 'disabled-by-default-v8.cpu_profiler')
    : TRACE_CATEGORIES;
  // DUET_BENCH_TRACE_EXTRA=fonts,blink adds categories (comma-separated): fonts showed the first layout's cost.
  const categories = [...base, ...(process.env.DUET_BENCH_TRACE_EXTRA?.split(',') ?? [])];
  await browser.startTracing(undefined, { categories });
  try {
    return await step();
  } finally {
    await writeFile(file, await browser.stopTracing());
    log(`[bench] Chrome trace written to ${file}`);
  }
}

/**
 * Runs `step`; when `file` is set, records a CPU profile of `page` meanwhile (`.cpuprofile`, for DevTools'
 * Performance panel). Lighter than a trace: starting a trace's profiler on a large heap is itself a task of
 * 100 ms and more, which a short step (a filter) would then include.
 * @template T
 * @param {import('@playwright/test').Page} page
 * @param {string | undefined | false} file
 * @param {() => Promise<T>} step
 * @param {(line: string) => void} [log]
 * @returns {Promise<T>}
 */
export async function profiled(page, file, step, log = console.log) {
  if (!file) return step();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  try {
    return await step();
  } finally {
    const { profile } = await cdp.send('Profiler.stop');
    await writeFile(file, JSON.stringify(profile));
    await cdp.detach();
    log(`[bench] CPU profile written to ${file}`);
  }
}
