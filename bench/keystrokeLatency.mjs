/**
 * Benchmark (b): keystroke-to-next-paint latency typing into a 5,000-paragraph playbook.
 *
 * Method (keystrokeProbe): per keydown, from the event's timestamp to a task queued from the next
 * requestAnimationFrame, i.e. just after the frame that shows the character has been rendered. Keys are
 * sent by page.keyboard.type (real key events through Chromium's input pipeline) into a body paragraph
 * of the middle narrative, in the real app and in the bare Lexical + Yjs editor holding the same stored
 * document. The first WARMUP_TEXT keys are not recorded: they pay for JIT compilation, not for typing.
 * Typed at ~25 keys/s, faster than people type, so any backlog between keys shows up in the figures.
 * Sessions alternate app, baseline, app, baseline and the samples of each editor are pooled, so that load
 * from other processes on the machine falls on both alike.
 */
import { percentile, round1, watchForErrors } from './lib/browser.mjs';
import { keystrokeProbe, readyProbe } from './lib/probes.mjs';
import { traced } from './lib/trace.mjs';
import { KEY_DELAY_MS, placeCaret, SESSIONS, TYPED_TEXT, WARMUP_TEXT } from './lib/typing.mjs';

/**
 * `DUET_BENCH_TRACE_TYPING=file.json` records Chrome traces of the first recorded typing session: the app's
 * into `file.json`, the bare editor’s into `file.json.baseline.json` (with the binding fix: `file.json.fixed.json`).
 */
const TRACE_TYPING = process.env.DUET_BENCH_TRACE_TYPING;

/** Time for deferred work after load (chrome portals, outline) to finish before the first key. */
const SETTLE_MS = 1500;

/** Types into one editor and returns the latencies (ms) of the recorded keystrokes. */
async function typeInto(context, url, playbook, label, traceFile) {
  const page = await context.newPage();
  const check = watchForErrors(page, label);
  try {
    await page.addInitScript(readyProbe, playbook.lastTitle);
    await page.addInitScript(keystrokeProbe);
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__benchReady, null, { timeout: 120_000, polling: 100 });
    await page.waitForTimeout(SETTLE_MS);
    const target = {
      narrativeId: `bench-n${Math.ceil(playbook.narratives / 2)}`,
      paragraphIndex: playbook.paragraphs >> 1,
    };
    await page.evaluate(placeCaret, target);
    await page.waitForTimeout(200); // Lexical reads the DOM selection on `selectionchange`, a later task
    await page.keyboard.type(WARMUP_TEXT, { delay: KEY_DELAY_MS });
    await page.waitForTimeout(300);
    await page.evaluate(() => (window.__benchRecordKeys = true));
    await traced(context.browser(), traceFile, () => page.keyboard.type(TYPED_TEXT, { delay: KEY_DELAY_MS }));
    await page.waitForTimeout(300); // let the last key's frame land
    const result = await page.evaluate(({ narrativeId, paragraphIndex }) => {
      window.__benchRecordKeys = false;
      const body = document.querySelector(`section[data-narrative-id="${narrativeId}"] .narrative-body`);
      const text = body.querySelectorAll(':scope > p.ed-p')[paragraphIndex].textContent;
      return { samples: window.__benchKeys, slow: window.__benchSlowEvents, text };
    }, target);
    check();
    // A keystroke that went elsewhere (lost focus, a dialog) would make the figures meaningless.
    if (!result.text.endsWith(WARMUP_TEXT + TYPED_TEXT))
      throw new Error(`[bench] ${label}: typed text did not land in the paragraph`);
    if (result.samples.length !== TYPED_TEXT.length) {
      throw new Error(`[bench] ${label}: ${result.samples.length} samples for ${TYPED_TEXT.length} keys`);
    }
    const interactions = new Set(result.slow.filter((e) => e.interactionId > 0).map((e) => e.interactionId));
    return {
      latencies: result.samples.map((s) => s.end - s.start),
      slowInteractions: interactions.size,
      slowEvents: result.slow,
    };
  } finally {
    await page.close();
  }
}

/**
 * Runs the benchmark.
 * @param {{ context: import('@playwright/test').BrowserContext, url: string, playbook: { id: string, docName: string, lastTitle: string, narratives: number, paragraphs: number }, openOnStart: (id: string) => Promise<void>, log: (s: string) => void }} ctx
 */
export async function run({ context, url, playbook, openOnStart, log }) {
  await openOnStart(playbook.id);
  const bare = `${url}bench/bare.html?doc=${encodeURIComponent(playbook.docName)}`;
  // `fixed`: the bare editor with the app's binding change (syncChangedSubtreesOnly), which makes the app type
  // faster than the stock bare editor; beside it, what the app's own work costs per keystroke shows.
  const urls = { app: url, baseline: bare, fixed: `${bare}&fix=1` };
  const pooled = {
    app: { latencies: [], slowInteractions: 0, slowEvents: [] },
    baseline: { latencies: [], slowInteractions: 0, slowEvents: [] },
    fixed: { latencies: [], slowInteractions: 0, slowEvents: [] },
  };
  for (let session = 1; session <= SESSIONS; session++) {
    for (const which of ['app', 'baseline', 'fixed']) {
      const trace = session === 1 && TRACE_TYPING && (which === 'app' ? TRACE_TYPING : `${TRACE_TYPING}.${which}.json`);
      const r = await typeInto(context, urls[which], playbook, which, trace);
      log(
        `typing ${which} session ${session}: p50 ${round1(percentile(r.latencies, 50))} ms, p95 ${round1(percentile(r.latencies, 95))} ms`,
      );
      pooled[which].latencies.push(...r.latencies);
      pooled[which].slowInteractions += r.slowInteractions;
      pooled[which].slowEvents.push(...r.slowEvents);
    }
  }
  const { app, baseline, fixed } = pooled;
  const stats = (r) => ({
    p50: round1(percentile(r.latencies, 50)),
    p95: round1(percentile(r.latencies, 95)),
    max: round1(Math.max(...r.latencies)),
    slowInteractions: r.slowInteractions,
  });
  const a = stats(app);
  const b = stats(baseline);
  const c = stats(fixed);
  log(`keystrokes app: ${JSON.stringify(a)}  baseline: ${JSON.stringify(b)}  bare with the fix: ${JSON.stringify(c)}`);
  const name = `keystroke → next paint, ${playbook.paragraphs * playbook.narratives} paragraphs`;
  return {
    rows: [
      { metric: `${name}, p50 (ms)`, value: a.p50, baseline: b.p50, target: {} },
      { metric: `${name}, p95 (ms)`, value: a.p95, baseline: b.p95, target: { maxRatio: 1.1 } },
      {
        metric: `${name}, p95 beside a bare editor with the same binding (ms)`,
        value: a.p95,
        baseline: c.p95,
        target: {},
      },
    ],
    details: {
      keysPerSession: TYPED_TEXT.length,
      sessions: SESSIONS,
      keyDelayMs: KEY_DELAY_MS,
      app: { ...a, latencies: app.latencies.map(round1), slowEvents: app.slowEvents },
      baseline: { ...b, latencies: baseline.latencies.map(round1), slowEvents: baseline.slowEvents },
      fixed: { ...c, latencies: fixed.latencies.map(round1) },
    },
  };
}
