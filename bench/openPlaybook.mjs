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
import { formatPhases, PHASE_ORDER } from './lib/phases.mjs';
import { readyProbe } from './lib/probes.mjs';
import { traced } from './lib/trace.mjs';

/**
 * Measured runs per editor; the first run of each is a discarded warm-up on top (V8 code cache, disk cache).
 * 11, not 7: with 7 the same build's ratio read 1.09×, 1.12× and 1.23× in three runs back to back.
 * `DUET_BENCH_OPEN_RUNS=n` measures more (21 read 1.18–1.21× on a quiet machine, where 11 read 1.12–1.21×:
 * the app's extra ~60 ms is much the same whatever the load, the bare editor's time is not).
 */
const RUNS = Number(process.env.DUET_BENCH_OPEN_RUNS ?? 11);
/**
 * `DUET_BENCH_TRACE_OPEN=file.json` records a Chrome trace of the app's last measured open
 * (`DUET_BENCH_TRACE_WHICH=baseline`: the bare editor's).
 */
const TRACE_OPEN = process.env.DUET_BENCH_TRACE_OPEN;
const TRACE_WHICH = process.env.DUET_BENCH_TRACE_WHICH ?? 'app';

/**
 * Loads `url` in a fresh page and returns the ready times (ms since navigation start) and the page's own
 * phase measures (`duet:open:*`: renderer/platform/measurePhase.ts), each as its duration and its end.
 * @returns {Promise<{ dom: number, paint: number, phases: Record<string, { ms: number, end: number }> }>}
 */
export function loadUntilReady(context, url, lastTitle, label) {
  return loadPage(context, url, {
    probe: readyProbe,
    arg: lastTitle,
    label,
    // The phases of the open (duet:open:*), the same measures in Duet and the bare editor.
    inspect: async (page) => ({
      phases: await page.evaluate(() =>
        Object.fromEntries(
          performance
            .getEntriesByType('measure')
            .filter((m) => m.name.startsWith('duet:open:'))
            .map((m) => [m.name.slice('duet:open:'.length), { ms: m.duration, end: m.startTime + m.duration }]),
        ),
      ),
    }),
  });
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
      const load = () => loadUntilReady(context, targets[which], playbook.lastTitle, which);
      const ready = await traced(context.browser(), which === TRACE_WHICH && i === RUNS && TRACE_OPEN, load, log);
      if (i > 0) samples[which].push(ready);
      log(
        `open ${which} run ${i}${i === 0 ? ' (warm-up)' : ''}: dom ${round1(ready.dom)} ms, painted ${round1(ready.paint)} ms`,
      );
    }
  }
  const painted = (which) => median(samples[which].map((s) => s.paint));
  // Median duration and end of each phase, then the probe's two moments as phases of their own.
  const phases = (which) => {
    const names = PHASE_ORDER.filter((name) => samples[which].some((s) => s.phases[name]));
    const out = {};
    for (const name of names) {
      const seen = samples[which].map((s) => s.phases[name]).filter(Boolean);
      out[name] = { ms: round1(median(seen.map((p) => p.ms))), end: round1(median(seen.map((p) => p.end))) };
    }
    out['ready (dom)'] = { ms: null, end: round1(median(samples[which].map((s) => s.dom))) };
    out.painted = { ms: null, end: round1(painted(which)) };
    return out;
  };
  const breakdown = { app: phases('app'), baseline: phases('baseline') };
  return {
    breakdown: formatPhases('Opening the 200-narrative playbook, by phase', breakdown, RUNS),
    phases: breakdown,
    rows: [
      {
        metric: 'open 200-narrative playbook → editable (median ms)',
        value: round1(painted('app')),
        baseline: round1(painted('baseline')),
        target: { maxRatio: 1.2 },
      },
    ],
    details: { runs: RUNS, samples },
  };
}
