/**
 * Playwright config for the real desktop app (`npm run test:electron`, after `npm run build`). It drives
 * the Electron binary, so it only runs where that binary is installed; elsewhere every test is skipped
 * with the reason printed (see electronBinary.ts).
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // One Electron app at a time: they share the single-instance lock per profile and the display.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  outputDir: '../../test-results/electron',
});
