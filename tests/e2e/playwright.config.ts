/**
 * Playwright config for the end-to-end tests (`npm run test:e2e`): the real renderer, built fresh, served
 * over http with the app's CSP and driven in Chromium through its browser host. Every test gets a new
 * browser context, so IndexedDB and localStorage start empty — a first start, every time.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
/**
 * Not the dev server's 5174 nor the 5199 of the docs: a run must not meet a server someone else started.
 * Two suites running at once on one machine need different ports (DUET_E2E_PORT).
 */
const PORT = Number(process.env.DUET_E2E_PORT ?? 5287);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: '.',
  // Company-scale specs (`*Scale.spec.ts`: 20,000 deals) judge long tasks, so they run on their own, one at a
  // time, after the rest (`DUET_E2E_SCALE=1 … --workers=1`, a step of scripts/test.mjs): beside another test
  // they would measure CPU contention, and slow the other test past its timeout.
  testMatch: process.env.DUET_E2E_SCALE ? '**/*Scale.spec.ts' : '**/*.spec.ts',
  testIgnore: process.env.DUET_E2E_SCALE ? [] : ['**/*Scale.spec.ts'],
  // Apart for the company-scale pass, which runs after the rest: Playwright empties its output folder first,
  // and the traces and screenshots of a test that failed once in the main pass must survive it.
  outputDir: process.env.DUET_E2E_SCALE ? '../../test-results/e2e-scale' : '../../test-results/e2e',
  // Two cores: two workers keep the suite short; each test has its own context, so they never share data.
  workers: 2,
  fullyParallel: true,
  // In CI one retry, so a test that fails once in many runs (a timing flake) does not throw away a whole
  // run; scripts/test.mjs names every test that needed it, and the summary line counts them. A test that
  // fails twice fails the run. Locally none: a flake shows at once.
  retries: process.env.CI ? 1 : 0,
  // Generous: a test's steps assert what a user sees within 5 s each; the whole test's limit only catches hangs,
  // and a busy 2-core machine (the search index building beside the app) can make a long test take 40 s.
  timeout: 90_000,
  expect: { timeout: 5_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1360, height: 860 },
    // Screenshots on failure only; the screens spec takes its own, on purpose.
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's Chromium here; Playwright's own browser on a laptop where that path does not exist.
      executablePath: existsSync(CHROMIUM) ? CHROMIUM : undefined,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
  },
  webServer: {
    // Builds the renderer from the working tree (never a stale bundle) and serves a private copy of it with
    // scripts/serveRenderer.mjs. DUET_E2E_NO_BUILD=1 serves the existing out/renderer as it is.
    command: `node tests/e2e/support/serveFreshBuild.mjs --port ${PORT}${process.env.DUET_E2E_NO_BUILD ? ' --no-build' : ''}`,
    cwd: PROJECT_ROOT,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
