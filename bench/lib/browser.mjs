/**
 * Headless Chromium for the benchmarks, the machine facts printed above the table, and the few statistics
 * the benchmarks share. Kept apart from run.mjs so that each benchmark file can be read on its own.
 */
import { existsSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { chromium } from '@playwright/test';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * Flags for a quiet, repeatable browser. `--disable-frame-rate-limit` and `--disable-gpu-vsync` lift the
 * 60 Hz frame clock: with it, "next paint" includes a wait for the display's next vsync that is uniformly
 * 0–16.7 ms whatever the app does, which would bury the app's own per-keystroke cost (measured: a bare
 * contenteditable shows p95 9.6 ms with the clock, 3.4 ms without). On a real 60 Hz screen add up to one
 * frame to the keystroke figures.
 */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-frame-rate-limit',
  '--disable-gpu-vsync',
  // `gc()` in the page: the company bench collects before each join, so a join does not pay for collecting
  // the documents of the joins before it (100 MB of garbage by the third 20,000-deal join). Changes nothing else.
  '--js-flags=--expose-gc',
];

/** Launches the system Chromium, or Playwright's own when the system one is missing. */
export async function launchBrowser() {
  const executablePath = existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;
  return chromium.launch({ executablePath, args: ARGS });
}

/** What the figures depend on, printed above the table and stored with the results. */
export function machineFacts(browser) {
  const cores = cpus();
  return {
    cores: cores.length,
    cpu: cores[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    chromium: browser.version(),
    node: process.versions.node,
    platform: `${process.platform}-${process.arch}`,
    flags: ARGS.join(' '),
    // Other processes compete for the same cores; a high figure here means noisy percentiles.
    loadAverage: loadavg().map((l) => Math.round(l * 10) / 10),
  };
}

/** Fails a benchmark when the page throws or logs an error: a broken page must not produce a figure. */
export function watchForErrors(page, label) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(`${label}: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`${label}: ${msg.text()}`);
  });
  return () => {
    if (errors.length > 0) throw new Error(`[bench] page errors\n  ${errors.join('\n  ')}`);
  };
}

// The statistics live in stats.mjs (no browser needed); re-exported for the pages' benches.
export { median, percentile } from './stats.mjs';

/** Rounds to one decimal for the table and the JSON. */
export const round1 = (value) => Math.round(value * 10) / 10;
