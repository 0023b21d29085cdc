/**
 * Company scale (issue 18): a sales team's year of CRM history — 200, 2,000 and 20,000 deals with histories
 * (100,000 for the review's aggregation) — each figure beside the 200-deal figure of this same run. Target at
 * 20,000 deals: every interaction ≤ 1.5× its 200-deal figure (and no long task over 200 ms). The second
 * client's join transfers the whole log (local-first), so it is held instead to 1.5× what the log's content
 * costs any device that receives it — inflating, decoding, reading — in this run (see the row's comment).
 *
 * Data layer and sync (bench/pages/company.ts, the app's own code in Chromium; a real sync server process,
 * bench/companySync.mjs): stored bytes, decode, read every deal, one edit seen by an observer, the older
 * layout beside the current one, the review's aggregation, a second client's join. UI (bench/companyUi.mjs:
 * the real app in Chromium, driven by test ids and roles that stay when the screens change): app start with
 * the deals stored, the longest task of that start, open the review, filter by competitor, a deal's outcome
 * edited in the open review, one keystroke in the notes search, import of a CSV file through the dialog. Every UI step has its own time limit: one that
 * runs over is reported as "timeout > N s" (a MISS) and the steps that depend on it are skipped, so a slow
 * screen never hangs the run.
 */
import { round1, watchForErrors } from './lib/browser.mjs';
import { buildSyncServer } from './lib/syncServer.mjs';
import { SIZES } from './companySizes.mjs';
import { LIMITS, StepTimeout, uiFigures, withLimit } from './companyUi.mjs';
import { syncFigures } from './companySync.mjs';

const REVIEW_SIZES = [200, 2_000, 20_000, 100_000];
/** `DUET_BENCH_COMPANY_UI=0` skips the UI steps (for trying a change to the data layer or sync). */
const UI = process.env.DUET_BENCH_COMPANY_UI !== '0';

/** A figure that may be a timeout, as a row value and its printed form. */
function valueOf(figure) {
  return figure instanceof StepTimeout
    ? { value: Number.POSITIVE_INFINITY, display: figure.message }
    : figure === undefined
      ? { value: Number.POSITIVE_INFINITY, display: 'not reached' }
      : { value: round1(figure) };
}

/** Rows for one metric over the sizes; the 200-deal figure is every row's baseline, 1.5× the target at 20,000. */
function scaleRows(metric, bySize, { ratioAt = 20_000, maxValue, unit = 'ms' } = {}) {
  const base = bySize[SIZES[0]];
  const baseline = base instanceof StepTimeout || base === undefined ? Number.NaN : round1(base);
  return Object.keys(bySize).map((size) => {
    const n = Number(size);
    const target = {};
    if (n === ratioAt) target.maxRatio = 1.5;
    if (maxValue !== undefined) target.maxValue = maxValue;
    return {
      metric: `company ${metric}, ${n.toLocaleString('en')} deals (${unit})`,
      ...valueOf(bySize[size]),
      baseline,
      target,
      unit,
    };
  });
}

/** The phase breakdown printed under the table: where each size's start, review and join time went. */
function breakdown(ui, sync) {
  const ms = (v) => (v === undefined ? '—' : `${round1(v)} ms`);
  const lines = ["Phase breakdown (company; app phases are the app's own duet:* measures):"];
  for (const size of Object.keys(ui)) {
    const f = ui[size];
    const n = Number(size).toLocaleString('en');
    /** One step's phases and long tasks, as a line (nothing when the step was not measured). */
    const phaseLine = (label, step, extra = '') =>
      step &&
      lines.push(
        `  ${n} deals, ${label}: ${Object.entries(step.phases)
          .map(([k, v]) => `${k} ${ms(v)}`)
          .join(', ')}; ${step.longTasks} long tasks, ${ms(step.longTaskMs)} in all${extra}`,
      );
    phaseLine('app start', f.startPhases, f.startPhases && `; longest ${f.startPhases.longestDuring}`);
    phaseLine('open review', f.reviewPhases);
    phaseLine('first filter', f.filterPhases);
    phaseLine('import', f.importPhases);
  }
  for (const [size, f] of Object.entries(sync))
    lines.push(
      `  ${Number(size).toLocaleString('en')} deals, second client's join: waiting for the server (connect, load, encode, transfer) ${ms(f.phases.wait)}, decode ${ms(f.phases.decode)}, read every deal ${ms(f.phases.read)}; ${(f.phases.received / 1e6).toFixed(2)} MB received; longest task ${ms(f.phases.longest)}; rejoin with the log in hand ${ms(f.phases.rejoin)}, ${(f.phases.rejoinReceived / 1e3).toFixed(1)} kB received`,
    );
  return lines.join('\n');
}

const pick = (figures, key) => Object.fromEntries(Object.entries(figures).map(([size, f]) => [size, f[key]]));
/** `figures[size][group][key]` by size, for sizes that have that group (a step that timed out has none). */
const pickPhase = (figures, group, key) =>
  Object.fromEntries(
    Object.entries(figures)
      .filter(([, f]) => f[group] !== undefined)
      .map(([size, f]) => [size, f[group][key]]),
  );

/**
 * Runs the company benchmarks.
 * @param {{ context: import('@playwright/test').BrowserContext, url: string, log: (s: string) => void }} ctx
 */
export async function run({ context, url, log }) {
  buildSyncServer();
  const bench = await context.newPage();
  const check = watchForErrors(bench, 'company page');
  try {
    await bench.goto(`${url}bench/company.html`);
    await bench.waitForFunction(() => window.duetCompanyBench !== undefined);
    const seeded = await withLimit(
      bench.evaluate((sizes) => window.duetCompanyBench.seed(sizes), SIZES),
      LIMITS.seed,
    );
    for (const s of seeded) log(`company seeded ${s.size} deals: ${s.bytes} bytes stored, ${s.seedMs} ms`);
    const data = {};
    for (const s of seeded) {
      data[s.size] = await bench.evaluate((size) => window.duetCompanyBench.dataLayer(size), s.size);
      log(`company data ${s.size}: ${JSON.stringify(data[s.size])}`);
    }
    const review = {};
    for (const size of REVIEW_SIZES)
      review[size] = await bench.evaluate((n) => window.duetCompanyBench.reviewDataLayer(n), size);
    log(`company review data layer: ${JSON.stringify(review)}`);
    const sync = await syncFigures(bench, url, log);
    check();
    const ui = UI ? await uiFigures(context, url, bench, seeded, log) : {};

    const largest = data[SIZES.at(-1)];
    const rows = [
      ...SIZES.map((n) => ({
        metric: `company notes doc stored, ${n.toLocaleString('en')} deals (bytes)`,
        value: data[n].bytes,
        baseline: data[SIZES[0]].bytes,
        target: {},
      })),
      {
        metric: `company notes doc stored, ${SIZES.at(-1).toLocaleString('en')} deals: this layout vs one Y.Map per deal (bytes)`,
        value: largest.bytes,
        baseline: largest.oldBytes,
        // Records are JSON strings (~10% more bytes than Yjs's own encoding), bought for a ~1.7× faster decode.
        target: { maxRatio: 1.15 },
      },
      // Decoding and reading every deal grow with the data (100× the deals); the interactions below must not.
      ...scaleRows('decode stored notes', pick(data, 'decode'), { ratioAt: -1 }),
      ...scaleRows('read every deal (validated)', pick(data, 'read'), { ratioAt: -1 }),
      ...scaleRows("read every deal the app's way (the deal log, slices back to back)", pick(data, 'logRead'), {
        ratioAt: -1,
      }),
      ...scaleRows("inflate the server's deflated reply", pick(data, 'inflate'), { ratioAt: -1 }),
      // In µs: an edit takes about a tenth of a millisecond, which rounded to 0.1 ms read as 1× or 2×. Shown
      // without a target of its own: the log publishes a new list for each edit (one copy of 20,000 references,
      // 10–15 µs, so that every published list stays as it was and whatever is remembered per list stays right),
      // which grows with the deals as the decode does. The interaction this step is part of — a deal saved with
      // the review open, until the review shows it — is held to 1.5× its 200-deal figure in the UI rows below.
      ...scaleRows(
        "edit one deal until the review's deal log publishes it",
        Object.fromEntries(Object.entries(pick(data, 'incremental')).map(([n, ms]) => [n, ms * 1000])),
        { unit: 'µs', ratioAt: -1 },
      ),
      // With the review open the edit is also derived: what the review shows and what its filters start from,
      // patched from the log before's figures. Beside it, the same derivations counted afresh (how every edit
      // was derived before: a pass over every deal per derivation, ~200 ms at 20,000 deals).
      ...scaleRows(
        'edit one deal with the review open, until its figures and filters are derived again',
        Object.fromEntries(Object.entries(pick(data, 'reviewed')).map(([n, ms]) => [n, ms * 1000])),
        { unit: 'µs', ratioAt: -1 },
      ),
      ...SIZES.filter((n) => data[n]?.reviewedAfresh !== undefined).map((n) => ({
        metric: `company edit one deal with the review open, ${n.toLocaleString('en')} deals: patched vs counted afresh (ms)`,
        value: round1(data[n].reviewed * 1000) / 1000,
        baseline: round1(data[n].reviewedAfresh),
        target: n === 20_000 ? { maxRatio: 0.1 } : {},
      })),
      {
        metric: `company decode + read ${SIZES.at(-1).toLocaleString('en')} deals: this layout vs one Y.Map per deal (ms)`,
        value: round1(largest.decode + largest.read),
        baseline: round1(largest.oldDecode + largest.oldRead),
        target: { maxRatio: 1 },
      },
      ...scaleRows('review aggregation', pick(review, 'all'), { ratioAt: -1 }).map((r, i) =>
        REVIEW_SIZES[i] === 100_000 ? { ...r, target: { maxValue: 50 } } : r,
      ),
      ...scaleRows('review aggregation, competitor filter', pick(review, 'filtered'), { ratioAt: -1 }),
      // A joining device receives the whole log: Duet is local-first, so every member's device holds every
      // deal and reviews it offline (docs/ARCHITECTURE.md, "A new device receives the whole log"). Decoding and
      // reading 20,000 deals grow with them, as the rows above show, so the join is not held to 1.5× the
      // 200-deal join; it is bounded by what the log's content costs any device that receives it, measured
      // above in this run: inflating the server's deflated reply (3.4 MB for 23.5: what a real network can
      // carry), decoding it and reading every deal the app's way (the deal log's slices run back to back).
      // What the join adds to that (the server's answer, the socket, the tasks the work is cut into) must stay
      // under half of it. It never holds the window (the longest-task row below).
      ...scaleRows('second client join → every deal read', pick(sync, 'join'), { ratioAt: -1 }),
      // Per size above the first; the target applies at 20,000, as everywhere (at 200 deals the server's fixed
      // ~10 ms is most of the join, at 2,000 it still counts).
      ...SIZES.slice(1)
        .filter((n) => sync[n] && data[n])
        .map((n) => ({
          metric: `company second client join ${n.toLocaleString('en')} deals: beside inflating, decoding + reading the log (ms)`,
          value: round1(sync[n].join),
          baseline: round1(data[n].inflate + data[n].decode + data[n].logRead),
          target: n === 20_000 ? { maxRatio: 1.5 } : {},
        })),
      // A returning device (its local copy loaded, as the app-start rows measure) only syncs what it lacks; both
      // sides still exchange every deletion (Yjs's sync sends delete sets whole). Shown, no target of its own.
      ...scaleRows('returning client rejoin, log in hand → live', pickPhase(sync, 'phases', 'rejoin'), {
        ratioAt: -1,
      }),
      ...scaleRows('app start → editable, deals stored', pick(ui, 'start')),
      ...scaleRows('app start: longest task', pick(ui, 'longest'), { ratioAt: -1, maxValue: 200 }),
      ...scaleRows('open review', pick(ui, 'review')),
      ...Object.entries(pick(ui, 'reviewElements'))
        .filter(([, n]) => n !== undefined)
        .map(([size, n]) => ({
          metric: `company review: elements in the page, ${Number(size).toLocaleString('en')} deals`,
          value: n,
          baseline: ui[SIZES[0]]?.reviewElements ?? Number.NaN,
          target: { maxValue: 5_000 },
          unit: 'elements',
        })),
      ...scaleRows('filter competitor', pick(ui, 'filter')),
      ...scaleRows('edit a deal in the open review: Save → its figures show it', pick(ui, 'edit')),
      ...scaleRows('notes search keystroke', pick(ui, 'search')),
      // The issue gives the import its own target (20,000 rows ≤ 10 s, the UI responsive throughout) rather
      // than 1.5× the 200-row import: it writes 100× the deals. The ratio is printed all the same.
      ...scaleRows('import CSV through the dialog', pick(ui, 'importCsv'), { ratioAt: -1, maxValue: 10_000 }),
      ...scaleRows('import: longest task', pickPhase(ui, 'importPhases', 'longest'), { ratioAt: -1, maxValue: 200 }),
      ...scaleRows('second client join: longest task', pickPhase(sync, 'phases', 'longest'), {
        ratioAt: -1,
        maxValue: 200,
      }),
    ];
    return {
      rows,
      breakdown: breakdown(ui, sync),
      details: { seeded: seeded.map(({ csv: _csv, ...s }) => s), data, review, sync, ui },
    };
  } finally {
    await bench.close();
  }
}
