/**
 * `npm run bench` (after the app build): builds the bench pages, serves app and pages on loopback, seeds
 * the benchmark playbooks into IndexedDB through the app's own code, runs every benchmark in headless
 * Chromium and prints one table — each figure beside a baseline measured in this same run — then writes
 * bench/results/latest.json. A missed target prints MISS and still exits 0 (figures are information, and
 * a noisy machine must not fail a build); a benchmark that crashes exits 1.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { launchBrowser, machineFacts } from './lib/browser.mjs';
import { serveBench, snapshotApp } from './lib/server.mjs';
import * as company from './company.mjs';
import * as deckExport from './deckExport.mjs';
import * as firstLoad from './firstLoad.mjs';
import * as keystrokeLatency from './keystrokeLatency.mjs';
import * as openPlaybook from './openPlaybook.mjs';
import * as reviewReport from './reviewReport.mjs';
import * as searchIndex from './searchIndex.mjs';
import * as versionHistory from './versionHistory.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const RESULTS = resolve(import.meta.dirname, 'results', 'latest.json');

/** The playbooks the benchmarks need (seeded once, read by both app and baseline). */
const PLAYBOOKS = {
  open: { id: 'bench-open-200', narratives: 200, paragraphs: 3 },
  typing: { id: 'bench-type-5000', narratives: 100, paragraphs: 50 },
  first: { id: 'bench-first-10', narratives: 10, paragraphs: 3 },
};

// A row compares the app's figure with the baseline of this run; its target is an absolute bound, a bound
// on the ratio to the baseline, or both (then both must hold). Lower is better for every metric.
/**
 * @typedef {{ maxValue?: number, maxRatio?: number }} Target
 * @typedef {{ metric: string, value: number, baseline: number, target: Target, unit?: string }} Row
 */

/** Adds ratio, target text and verdict to a row. */
function judge(row) {
  const ratio = row.baseline > 0 ? row.value / row.baseline : Infinity;
  const { maxValue, maxRatio } = row.target;
  const parts = [];
  if (maxValue !== undefined) parts.push(`≤ ${maxValue} ${row.unit ?? 'ms'}`);
  if (maxRatio !== undefined) parts.push(`≤ ${maxRatio}× baseline`);
  const judged = maxValue !== undefined || maxRatio !== undefined;
  const pass = (maxValue === undefined || row.value <= maxValue) && (maxRatio === undefined || ratio <= maxRatio);
  return {
    ...row,
    ratio: Math.round(ratio * 100) / 100,
    targetText: parts.join(' and ') || '—',
    verdict: judged ? (pass ? 'PASS' : 'MISS') : '—',
  };
}

/** The table as text: metric | value | baseline | ratio | target | pass. */
function formatTable(judgedRows) {
  const header = ['metric', 'value', 'baseline', 'ratio', 'target', 'pass'];
  const lines = judgedRows.map((r) => [
    r.metric,
    r.display ?? String(r.value),
    String(r.baseline),
    // No ratio to a baseline of 0 (a longest task where the baseline had none) or one that was not measured.
    Number.isFinite(r.ratio) ? `${r.ratio.toFixed(2)}×` : '—',
    r.targetText,
    r.verdict,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells) =>
    cells.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ');
  return [format(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...lines.map(format)].join('\n');
}

/** Writes the results file (bench/results/ is gitignored: figures are machine-specific). */
async function writeResults(path, results) {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, JSON.stringify(results, null, 2) + '\n');
}

const log = (line) => console.log(`[bench] ${line}`);

function buildPages() {
  // The app itself is built by `npm run build` just before; the bench pages are built here, like the app.
  execFileSync(
    process.execPath,
    [resolve(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'bench/vite.bench.config.ts'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
}

async function main() {
  const started = Date.now();
  buildPages();
  await snapshotApp();
  const server = await serveBench();
  const browser = await launchBrowser();
  try {
    const facts = machineFacts(browser);
    // One context for everything: IndexedDB belongs to a context, and the app must read what the seed wrote.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const seedPage = await context.newPage();
    await seedPage.goto(`${server.url}bench/seed.html`);
    await seedPage.waitForFunction(() => window.duetBench !== undefined);
    const seeded = await seedPage.evaluate((requests) => window.duetBench.seed(requests), Object.values(PLAYBOOKS));
    for (const p of seeded)
      log(`seeded ${p.id}: ${p.narratives} narratives × ${p.paragraphs} paragraphs, ${p.bytes} bytes, ${p.seedMs} ms`);
    const byId = Object.fromEntries(seeded.map((p) => [p.id, p]));
    const openOnStart = (id) => seedPage.evaluate((playbookId) => window.duetBench.openOnStart(playbookId), id);
    const common = { context, url: server.url, openOnStart, log };

    // `node bench/run.mjs company` runs only the named benchmarks (after the seed); no names runs them all.
    const only = new Set(process.argv.slice(2));
    const wanted = (name) => only.size === 0 || only.has(name);
    const results = {};
    if (wanted('open')) results.open = await openPlaybook.run({ ...common, playbook: byId[PLAYBOOKS.open.id] });
    if (wanted('first'))
      results.first = await firstLoad.run({ ...common, browser, playbook: byId[PLAYBOOKS.first.id] });
    if (wanted('typing'))
      results.typing = await keystrokeLatency.run({ ...common, playbook: byId[PLAYBOOKS.typing.id] });
    if (wanted('deck')) results.deck = await deckExport.run(common);
    if (wanted('review')) results.review = await reviewReport.run(common);
    if (wanted('versions')) results.versions = await versionHistory.run(common);
    if (wanted('company')) results.company = await company.run(common);
    if (wanted('search')) results.search = await searchIndex.run(common);
    const rows = Object.values(results).flatMap((r) => r.rows.map(judge));

    const loadAtEnd = machineFacts(browser).loadAverage;
    console.log(
      `\nMachine: ${facts.cores} cores (${facts.cpu}), ${facts.memoryGb} GB, ${facts.platform}, Node ${facts.node}`,
    );
    console.log(`Load average (1/5/15 min): ${facts.loadAverage.join(' ')} at start, ${loadAtEnd.join(' ')} at end`);
    console.log(`Chromium ${facts.chromium} (headless; ${facts.flags})\n`);
    console.log(formatTable(rows));
    for (const r of Object.values(results)) if (r.breakdown) console.log(`\n${r.breakdown}`);
    const seconds = Math.round((Date.now() - started) / 1000);
    console.log(`\nBaselines: a bare Lexical + Yjs editor on the same stored document, this run. ${seconds} s in all.`);
    await writeResults(RESULTS, {
      at: new Date().toISOString(),
      facts: { ...facts, loadAtEnd },
      seeded,
      rows,
      details: results,
    });
    log(`results written to ${RESULTS}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error('[bench] crashed:', error);
  process.exitCode = 1;
});
