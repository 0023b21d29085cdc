/**
 * Benchmark (a): open a 200-narrative playbook from local storage to an editable editor.
 *
 * Measured from the start of the navigation (performance.now() = 0) to the frame after the editor is
 * editable with every narrative in the DOM (see readyProbe). For the app that is a returning user's start:
 * `/` reopens the last playbook, so the time covers the bundle, settings, IndexedDB, the workspace
 * directory, the playbook's load and merge, the editor mount, the Yjs → Lexical sync and the chrome. The
 * baseline is bench/pages/bare.ts: the same stored records into a bare Lexical + Yjs editor, same metric.
 * Runs alternate app and baseline so that drift (thermal, caches, GC) hits both alike.
 */
import { median, round1 } from './lib/browser.mjs';
import { loadPage } from './lib/loadPage.mjs';
import { readyProbe } from './lib/probes.mjs';

/** Measured runs per editor; the first run of each is a discarded warm-up on top (V8 code cache, disk cache). */
const RUNS = 7;

/**
 * Loads `url` in a fresh page and returns the ready times (ms since navigation start).
 * @returns {Promise<{ dom: number, paint: number }>}
 */
export function loadUntilReady(context, url, lastTitle, label) {
  return loadPage(context, url, { probe: readyProbe, arg: lastTitle, label });
}

/**
 * Runs the benchmark.
 * @param {{ context: import('@playwright/test').BrowserContext, url: string, playbook: { id: string, docName: string, lastTitle: string }, openOnStart: (id: string) => Promise<void>, log: (s: string) => void }} ctx
 */
export async function run({ context, url, playbook, openOnStart, log }) {
  await openOnStart(playbook.id);
  const targets = {
    app: url,
    baseline: `${url}bench/bare.html?doc=${encodeURIComponent(playbook.docName)}`,
  };
  const samples = { app: [], baseline: [] };
  for (let i = 0; i <= RUNS; i++) {
    for (const which of ['app', 'baseline']) {
      const ready = await loadUntilReady(context, targets[which], playbook.lastTitle, which);
      if (i > 0) samples[which].push(ready);
      log(
        `open ${which} run ${i}${i === 0 ? ' (warm-up)' : ''}: dom ${round1(ready.dom)} ms, painted ${round1(ready.paint)} ms`,
      );
    }
  }
  const painted = (which) => median(samples[which].map((s) => s.paint));
  return {
    rows: [
      {
        metric: 'open 200-narrative playbook → editable (median ms)',
        value: round1(painted('app')),
        baseline: round1(painted('baseline')),
        target: { maxValue: 500 },
      },
    ],
    details: { runs: RUNS, samples },
  };
}
