/**
 * Benchmark: the first load. A cold start of the app to its first screen, beside a page that loads React,
 * Lexical and Yjs only (bench/pages/libs.ts), and the script bytes each first screen needed.
 *  - welcome: a new user's start (a fresh browser context: no settings, no documents) until the welcome
 *    screen is painted, beside libs.html until its empty editor is painted;
 *  - editable: a returning user's start until the last playbook (a small one, so that loading the code
 *    dominates rather than the document) is editable, beside the bare editor (bench/pages/bare.ts, also
 *    React, Lexical and Yjs only) on the same stored document;
 *  - kB: the JavaScript each screen requested before it was ready (Resource Timing, body sizes; the app is
 *    served uncompressed, as from disk in Electron). The search worker's script is counted apart: it runs
 *    off the main thread and is not needed to show anything.
 * Nothing is cacheable (bench/lib/server.mjs), so every run fetches and compiles the code afresh.
 */
import { median, round1 } from './lib/browser.mjs';
import { loadPage } from './lib/loadPage.mjs';
import { readyProbe, selectorProbe } from './lib/probes.mjs';

/** Measured runs per page; a discarded warm-up run comes first. */
const RUNS = 5;
/** The budget for the script of the first screen, minified. */
const FIRST_SCREEN_KB = 700;

/** The JavaScript a page requested before it was ready: main-thread scripts and worker scripts, in kB. */
async function scriptsBefore(page, ready) {
  const scripts = await page.evaluate(
    (until) =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime <= until && new URL(e.name).pathname.endsWith('.js'))
        .map((e) => ({ path: new URL(e.name).pathname, bytes: e.decodedBodySize })),
    ready.dom,
  );
  const isWorker = (s) => /\.worker[-.]/.test(s.path);
  const kB = (list) => round1(list.reduce((sum, s) => sum + s.bytes, 0) / 1024);
  return {
    files: scripts.map((s) => `${s.path.replace(/^.*\//, '')} ${round1(s.bytes / 1024)} kB`),
    scriptKb: kB(scripts.filter((s) => !isWorker(s))),
    workerKb: kB(scripts.filter(isWorker)),
    chunks: scripts.length,
  };
}

/** Loads `url` in a fresh page of `context`: the ready times and the script bytes requested. */
function load(context, url, probe, arg, label) {
  return loadPage(context, url, { probe, arg, label, inspect: scriptsBefore });
}

/** Alternating app and baseline runs; returns the samples of each (warm-up dropped). */
async function alternate(runs, app, baseline, log, name) {
  const samples = { app: [], baseline: [] };
  for (let i = 0; i <= runs; i++) {
    for (const [which, run] of [
      ['app', app],
      ['baseline', baseline],
    ]) {
      const r = await run();
      if (i > 0) samples[which].push(r);
      log(
        `${name} ${which} run ${i}${i === 0 ? ' (warm-up)' : ''}: painted ${round1(r.paint)} ms, ${r.scriptKb} kB script in ${r.chunks} files` +
          (r.workerKb ? ` (+ ${r.workerKb} kB worker)` : '') +
          // DUET_BENCH_LIST_SCRIPTS=1: which files they were, for whoever trims the first screen.
          (process.env.DUET_BENCH_LIST_SCRIPTS && i === 0 ? `\n    ${r.files.join('\n    ')}` : ''),
      );
    }
  }
  return samples;
}

/**
 * Runs the benchmark.
 * @param {{ browser: import('@playwright/test').Browser, context: import('@playwright/test').BrowserContext, url: string, playbook: { id: string, docName: string, lastTitle: string }, openOnStart: (id: string) => Promise<void>, log: (s: string) => void }} ctx
 */
export async function run({ browser, context, url, playbook, openOnStart, log }) {
  // A new user: every run in its own fresh context, so nothing is stored and the welcome screen shows.
  const fresh = async (target, probe, arg, label) => {
    const own = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      return await load(own, target, probe, arg, label);
    } finally {
      await own.close();
    }
  };
  const welcome = await alternate(
    RUNS,
    () => fresh(url, selectorProbe, '[data-testid="welcome"]', 'welcome'),
    () => fresh(`${url}bench/libs.html`, selectorProbe, '#root[data-bench-ready]', 'libs'),
    log,
    'first load: welcome',
  );
  // A returning user: the shared context holds the seeded playbook, which `/` reopens.
  await openOnStart(playbook.id);
  const editable = await alternate(
    RUNS,
    () => load(context, url, readyProbe, playbook.lastTitle, 'app'),
    () =>
      load(
        context,
        `${url}bench/bare.html?doc=${encodeURIComponent(playbook.docName)}`,
        readyProbe,
        playbook.lastTitle,
        'bare',
      ),
    log,
    'first load: editable',
  );
  const med = (samples, which, key) => round1(median(samples[which].map((s) => s[key])));
  return {
    rows: [
      {
        metric: 'cold start → welcome screen (median ms)',
        value: med(welcome, 'app', 'paint'),
        baseline: med(welcome, 'baseline', 'paint'),
        target: {},
      },
      {
        metric: 'first-screen script, welcome (kB, minified)',
        value: med(welcome, 'app', 'scriptKb'),
        baseline: med(welcome, 'baseline', 'scriptKb'),
        target: { maxValue: FIRST_SCREEN_KB },
        unit: 'kB',
      },
      {
        metric: `cold start → last playbook editable, ${playbook.narratives} narratives (median ms)`,
        value: med(editable, 'app', 'paint'),
        baseline: med(editable, 'baseline', 'paint'),
        target: {},
      },
      {
        metric: 'first-screen script, last playbook (kB, minified)',
        value: med(editable, 'app', 'scriptKb'),
        baseline: med(editable, 'baseline', 'scriptKb'),
        target: { maxValue: FIRST_SCREEN_KB },
        unit: 'kB',
      },
    ],
    breakdown:
      `First load (kB of JavaScript before the screen was ready; baselines: libs.html, bare.html): ` +
      `welcome ${med(welcome, 'app', 'scriptKb')} kB in ${med(welcome, 'app', 'chunks')} files, ` +
      `last playbook ${med(editable, 'app', 'scriptKb')} kB in ${med(editable, 'app', 'chunks')} files` +
      ` (+ ${med(editable, 'app', 'workerKb')} kB search worker, off the main thread).`,
    details: { runs: RUNS, welcome, editable },
  };
}
