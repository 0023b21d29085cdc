/**
 * A year of CRM history: 20,000 opportunities (the import's limit) through the import dialog in Chromium,
 * with no long task over 200 ms, a progress bar that moves, a DOM that stays small at the preview and the
 * narrative step, and every deal imported. A 200-row import in the same run is the baseline its time is
 * printed beside.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createPlaybook, createWorkspace } from './support/duet';

test.use({ viewport: { width: 1280, height: 720 } });

const SHOTS = resolve(import.meta.dirname, '../../test-results/screens');
mkdirSync(SHOTS, { recursive: true });

const CAMPAIGNS = ['Cost of downtime', 'Safety first'];

/** A Salesforce-style export of `count` opportunities; every hundredth came from the pilot campaign. */
function salesforceExport(count: number, prefix: string): Buffer {
  const lines = [
    '"Opportunity ID","Opportunity Name","Account Name","Amount","Close Date","Stage","Main Competitors","Campaign"',
  ];
  for (let i = 0; i < count; i++) {
    const stage = i % 3 === 0 ? 'Closed Lost' : i % 3 === 1 ? 'Closed Won' : 'Negotiation/Review';
    const campaign = i % 100 === 0 ? 'Pilot program' : CAMPAIGNS[i % 2]!;
    const month = (i % 12) + 1;
    const day = (i % 28) + 1;
    lines.push(
      `"${prefix}${String(i).padStart(6, '0')}","Fleet renewal ${i}","Kunde ${i % 900} Logistik GmbH","USD ${(1000 + (i % 90) * 1000).toLocaleString('en-US')}.00","${month}/${day}/2026","${stage}","${i % 3 === 0 ? 'Geotab' : ''}","${campaign}"`,
    );
  }
  lines.push(
    '',
    '"Grand Totals (' + count + ' records)"',
    '"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."',
  );
  return Buffer.from(lines.join('\r\n'), 'latin1');
}

declare global {
  interface Window {
    __longTasks: { start: number; duration: number }[];
    __progress: number[];
    /** When the file input's change event fired (performance.now()). */
    __picked: number | null;
  }
}

const domSize = (page: Page): Promise<number> => page.evaluate(() => document.getElementsByTagName('*').length);

interface Run {
  /** File picked → every row parsed and checked, preview shown. */
  previewSeconds: number;
  writeSeconds: number;
  longTasks: { start: number; duration: number }[];
  progress: number[];
  domAtPreview: number;
  domAtNarratives: number;
}

async function importThroughDialog(page: Page, count: number, prefix: string): Promise<Run> {
  const file = salesforceExport(count, prefix);
  const dialog = page.getByTestId('csv-dialog');
  await page.evaluate(() => (window.__progress = []));
  await page.evaluate(() => (window.__picked = null));
  await page
    .getByTestId('csv-file')
    .setInputFiles({ name: `opportunities-${count}.csv`, mimeType: 'text/csv', buffer: file });
  // From the moment the page learns of the file: Playwright builds the File inside the page first (decoding
  // megabytes of base64 on its main thread — a long task no user's file pick has), so that is not counted.
  const start = await page.evaluate(() => window.__picked ?? performance.now());
  // Waited for with a slow, cheap poll: Playwright's retrying checks run on the page's main thread too, and a
  // failing one snapshots the whole page each time.
  await page.waitForFunction(() => document.querySelector('[data-testid="csv-counts"]') !== null, null, {
    timeout: 120_000,
    polling: 100,
  });
  await expect(dialog.getByTestId('csv-counts')).toHaveText(`${count} ready · 0 already imported · 0 with problems`);
  await expect(dialog.getByTestId('csv-footer-note')).toBeVisible();
  const previewSeconds = ((await page.evaluate(() => performance.now())) - start) / 1000;
  const domAtPreview = await domSize(page);
  if (count > 1000) await page.screenshot({ path: join(SHOTS, 'csv-10-columns-20000.png') });
  await dialog.getByTestId('csv-next').click();
  await dialog.getByRole('radio', { name: 'By a column of the file' }).check();
  await dialog.getByTestId('csv-rule-column').selectOption({ label: 'Campaign' });
  await dialog.getByRole('combobox', { name: 'Narrative for Pilot program' }).selectOption({ label: 'Positioning' });
  await expect(dialog.getByTestId('csv-narrative-counts')).toHaveText(
    `No narrative: ${count - count / 100} · Positioning: ${count / 100}`,
  );
  await dialog.getByText('Change single deals').click();
  await expect(dialog.getByTestId('csv-override-table').getByRole('row').nth(3)).toBeVisible();
  const domAtNarratives = await domSize(page);
  let writeStart = await page.evaluate(() => performance.now());
  await dialog.getByTestId('csv-confirm').click();
  if (count > 1000) {
    await page.waitForFunction(() => document.querySelector('[data-testid="csv-progress-bar"]') !== null, null, {
      polling: 200,
    });
    const before = Date.now();
    await page.screenshot({ path: join(SHOTS, 'csv-9-writing-20000.png') });
    writeStart += Date.now() - before; // the screenshot's time is not the import's
  }
  await page.waitForFunction(() => document.querySelector('[data-testid="csv-result"]') !== null, null, {
    timeout: 180_000,
    polling: 100,
  });
  await expect(dialog.getByTestId('csv-result')).toHaveText(`Imported ${count} deals.`);
  const end = await page.evaluate(() => performance.now());
  const { longTasks, progress } = await page.evaluate(() => ({
    longTasks: window.__longTasks,
    progress: window.__progress,
  }));
  await dialog.getByTestId('csv-done').click();
  return {
    previewSeconds,
    writeSeconds: (end - writeStart) / 1000,
    longTasks: longTasks.filter((t) => t.start >= start && t.start <= end),
    progress,
    domAtPreview,
    domAtNarratives,
  };
}

test('20,000 CRM rows import through the dialog without freezing the window', async ({ page }) => {
  test.setTimeout(600_000);
  await page.addInitScript(() => {
    window.__longTasks = [];
    window.__progress = [];
    window.__picked = null;
    document.addEventListener('change', () => (window.__picked = performance.now()), { capture: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
    // Samples the import's progress bar while it works (a timer runs between the import's slices).
    setInterval(() => {
      const bar = document.querySelector<HTMLProgressElement>('[data-testid="csv-progress-bar"]');
      if (bar) window.__progress.push(bar.value);
    }, 25);
  });
  await createWorkspace(page, 'Acme sales', 'Ana Reyes');
  await createPlaybook(page, 'Launch story');
  await page.getByTestId('review-toggle').click();

  const small = await importThroughDialog(page, 200, 'B');
  const large = await importThroughDialog(page, 20_000, 'L');
  const worst = (run: Run): number => Math.max(0, ...run.longTasks.map((t) => t.duration));
  const describe = (run: Run): string =>
    `${(run.previewSeconds + run.writeSeconds).toFixed(1)} s (reading and checking ${run.previewSeconds.toFixed(1)} s, ` +
    `writing ${run.writeSeconds.toFixed(1)} s, longest task ${worst(run).toFixed(0)} ms)`;
  console.log(
    `[bench] CSV import through the dialog: 20,000 rows ${describe(large)}, DOM ${large.domAtPreview}/${large.domAtNarratives} ` +
      `elements · baseline 200 rows ${describe(small)}`,
  );

  expect(large.domAtPreview).toBeLessThanOrEqual(5000);
  expect(large.domAtNarratives).toBeLessThanOrEqual(5000);
  // The bar moved: it showed values strictly between empty and full while the import worked.
  expect(new Set(large.progress.filter((v) => v > 0 && v < 1)).size).toBeGreaterThan(2);
  // The 200 ms limit is only meaningful where the same run's 200-row import has no long task at all: on a
  // machine so busy that 200 rows already take over 200 ms in one task, CPU contention, not the import,
  // sets the figure (seen at load averages of 20 on 2 cores), and the test says so instead of judging.
  if (worst(small) <= 200) expect(large.longTasks.filter((t) => t.duration > 200)).toEqual([]);
  else
    test.info().annotations.push({
      type: 'warning',
      description: `machine too busy to judge long tasks: the 200-row baseline had a ${worst(small).toFixed(0)} ms task`,
    });
  await expect(page.getByTestId('stat-deals')).toContainText('202');
});
