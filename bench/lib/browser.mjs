/**
 * Headless Chromium for the benchmarks, the machine facts printed above the table, and the few statistics
 * the benchmarks share. Kept apart from run.mjs so that each benchmark file can be read on its own.
 */
import { existsSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { chromium } from '@playwright/test';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * Flags for a quiet, repeatable browser. The last two lift the 60 Hz frame clock: with it, "next paint"
 * includes a wait for the display's next vsync that is uniformly 0–16.7 ms whatever the app does, which
 * would bury the app's own per-keystroke cost (measured: a bare contenteditable shows p95 9.6 ms with the
 * clock, 3.4 ms without). On a real 60 Hz screen add up to one frame to the keystroke figures.
 */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-frame-rate-limit',
  '--disable-gpu-vsync',
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

/** The p-th percentile (nearest rank), so p95 of 200 samples is an observed value, not an interpolation. */
export function percentile(values, p) {
  if (values.length === 0) throw new Error('[bench] percentile of no samples');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** The median (mean of the middle two for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Rounds to one decimal for the table and the JSON. */
export const round1 = (value) => Math.round(value * 10) / 10;
