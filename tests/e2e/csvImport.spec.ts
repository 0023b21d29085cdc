/**
 * CRM files as CRMs export them, each through the import dialog in Chromium at 1280×720: a Salesforce
 * ISO-8859-1 report with its footer, a German Excel Windows-1252 file with semicolons and decimal commas, a
 * HubSpot UTF-8 file with a byte-order mark, a file with broken rows, and files that are not text at all.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createPlaybook, createWorkspace } from './support/duet';

const CORPUS = resolve(import.meta.dirname, '../unit/renderer/features/notes/fixtures');
const SHOTS = resolve(import.meta.dirname, '../../test-results/screens');

test.use({ viewport: { width: 1280, height: 720 } });

async function openReview(page: Page): Promise<void> {
  await createWorkspace(page, 'Acme sales', 'Ana Reyes');
  await createPlaybook(page, 'Launch story');
  await page.getByTestId('review-toggle').click();
  await expect(page.getByTestId('csv-import')).toBeVisible();
}

async function pick(page: Page, file: string): Promise<void> {
  await page.getByTestId('csv-file').setInputFiles(join(CORPUS, file));
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `csv-${name}.png`) });
}

/** The dialog's actions are on screen (the body scrolls, the footer stays). */
async function expectActionsInView(page: Page): Promise<void> {
  await expect(page.getByTestId('csv-cancel')).toBeInViewport({ ratio: 1 });
}

test('a Salesforce ISO-8859-1 report: accents, dollar amounts and the footer skipped', async ({ page }) => {
  await openReview(page);
  await pick(page, 'salesforce-latin1-footer.csv');
  const dialog = page.getByTestId('csv-dialog');
  await expect(dialog.getByTestId('csv-format')).toHaveText('Salesforce report export · 4 rows');
  await expect(dialog.getByTestId('csv-encoding')).toHaveValue('windows-1252');
  await expect(dialog.getByTestId('csv-footer-note')).toContainText('Skipped the Salesforce report footer (5 lines');
  await expect(dialog.getByTestId('csv-counts')).toHaveText('4 ready · 0 already imported · 0 with problems');
  const preview = dialog.getByTestId('csv-preview');
  await expect(preview.getByRole('row').filter({ hasText: 'Müller Logistik GmbH' })).toContainText('48,000 USD');
  await expect(preview.getByRole('row').filter({ hasText: 'Société Générale' })).toContainText('12,500.5 EUR');
  // A blank amount is no amount, not 0.
  await expect(preview.getByRole('row').filter({ hasText: 'Nordbahn Señales' })).toContainText('—');
  await expect(dialog.getByTestId('csv-next')).toBeInViewport({ ratio: 1 });
  await expectActionsInView(page);
  await shot(page, '1-columns-salesforce');

  await dialog.getByTestId('csv-next').click();
  // No narrative unless the user says so.
  await expect(dialog.getByRole('radio', { name: 'No narrative — decide later' })).toBeChecked();
  await expect(dialog.getByTestId('csv-confirm')).toHaveText('Import 4 deals without narratives');
  await shot(page, '2-narratives-default');
  await dialog.getByRole('radio', { name: 'One narrative for every deal' }).check();
  await dialog.getByTestId('csv-narrative-all').selectOption({ label: 'Positioning' });
  await expect(dialog.getByTestId('csv-narrative-counts')).toHaveText('Positioning: 4');
  await expect(dialog.getByTestId('csv-confirm')).toHaveText('Import 4 deals');
  await dialog.getByTestId('csv-confirm').click();
  await expect(dialog.getByTestId('csv-result')).toHaveText('Imported 4 deals.');
  await shot(page, '3-result');
  await dialog.getByTestId('csv-done').click();
  const card = page.getByTestId('deal-card').filter({ hasText: 'Müller Logistik GmbH' });
  await expect(card).toContainText('$48,000.00');
  await expect(page.getByTestId('deal-card').filter({ hasText: 'Nordbahn Señales' })).not.toContainText('€0');

  // The same file again: every row is already in the log.
  await pick(page, 'salesforce-latin1-footer.csv');
  await expect(dialog.getByTestId('csv-counts')).toHaveText('0 ready · 4 already imported · 0 with problems');
  await expect(dialog.getByTestId('csv-next')).toBeDisabled();
});

test('a German Excel file: Windows-1252, semicolons, decimal commas, a visible default currency', async ({ page }) => {
  await openReview(page);
  await pick(page, 'german-excel-1252.csv');
  const dialog = page.getByTestId('csv-dialog');
  await expect(dialog.getByTestId('csv-encoding')).toHaveValue('windows-1252');
  await expect(dialog.getByTestId('csv-decimal')).toHaveValue(',');
  const preview = dialog.getByTestId('csv-preview');
  await expect(preview).toContainText('Bäckerei Größe');
  // The file names no currency: the default is shown, says how many amounts use it, and can be changed.
  await expect(dialog.getByTestId('csv-currency')).toHaveValue('USD');
  await expect(dialog.getByTestId('csv-currency-hint')).toHaveText('Used for 3 amounts without a currency.');
  await dialog.getByTestId('csv-currency').fill('EUR');
  await expect(preview.getByRole('row').filter({ hasText: 'Bäckerei Größe' })).toContainText('48,000 EUR');
  await expect(preview.getByRole('row').filter({ hasText: 'Straßenbahn Köln' })).toContainText('1,250.5 EUR');
  // Another encoding can be picked; the wrong one says so.
  await dialog.getByTestId('csv-encoding').selectOption('utf-8');
  await expect(dialog.getByTestId('csv-unreadable')).toBeVisible();
  await expect(preview).toContainText('B\ufffdckerei');
  await dialog.getByTestId('csv-encoding').selectOption('windows-1252');
  await expect(preview).toContainText('Bäckerei Größe');
  await expect(dialog.getByTestId('csv-currency')).toHaveValue('EUR');
  await expect(preview.getByRole('row').filter({ hasText: 'Bäckerei Größe' })).toContainText('48,000 EUR');
  await shot(page, '4-columns-german');

  await dialog.getByTestId('csv-next').click();
  await dialog.getByRole('radio', { name: 'By a column of the file' }).check();
  await dialog.getByTestId('csv-rule-column').selectOption({ label: 'Status' });
  await dialog.getByRole('combobox', { name: 'Narrative for won' }).selectOption({ label: 'Positioning' });
  await expect(dialog.getByTestId('csv-narrative-counts')).toHaveText('Positioning: 3 · No narrative: 1');
  await expectActionsInView(page);
  await shot(page, '5-narratives-by-column');
  await dialog.getByTestId('csv-confirm').click();
  await expect(dialog.getByTestId('csv-result')).toHaveText('Imported 4 deals.');
  await dialog.getByTestId('csv-done').click();
  await expect(page.getByTestId('deal-card').filter({ hasText: 'Bäckerei Größe' })).toContainText('€48,000.00');
});

test('a HubSpot UTF-8 file with a byte-order mark, with a single deal changed by hand', async ({ page }) => {
  await openReview(page);
  await pick(page, 'hubspot-bom.csv');
  const dialog = page.getByTestId('csv-dialog');
  await expect(dialog.getByTestId('csv-format')).toHaveText('HubSpot deals export · 3 rows');
  await expect(dialog.getByTestId('csv-encoding')).toHaveValue('utf-8');
  await expect(dialog.getByTestId('csv-preview')).toContainText('Škoda Fleet s.r.o.');
  await dialog.getByTestId('csv-next').click();
  await dialog.getByText('Change single deals').click();
  await dialog
    .getByRole('combobox', { name: 'Narrative of row 3, Ørsted Service' })
    .selectOption({ label: 'Objection handling' });
  await expect(dialog.getByTestId('csv-narrative-counts')).toHaveText('No narrative: 2 · Objection handling: 1');
  await shot(page, '6-narratives-override');
  await dialog.getByTestId('csv-confirm').click();
  await expect(dialog.getByTestId('csv-result')).toHaveText('Imported 3 deals.');
});

test('a file with broken rows: a message per row, the good rows import', async ({ page }) => {
  await openReview(page);
  await pick(page, 'broken-rows.csv');
  const dialog = page.getByTestId('csv-dialog');
  await expect(dialog.getByTestId('csv-counts')).toHaveText('3 ready · 0 already imported · 4 with problems');
  await dialog.getByLabel('Show only rows with problems').check();
  const problems = dialog.getByTestId('csv-row-problem');
  await expect(problems).toHaveCount(4);
  await expect(problems.nth(0)).toHaveText('Close date “2026-13-40” is not a date (read as day/month/year).');
  await expect(problems.nth(1)).toContainText('Amount “lots” is not a number');
  await expect(problems.nth(2)).toHaveText('Row has 2 cells but the header has 5.');
  await expect(problems.nth(3)).toContainText('three-letter currency code');
  await shot(page, '7-broken-rows');
  await dialog.getByTestId('csv-next').click();
  await expect(dialog.getByTestId('csv-narrative-summary')).toContainText('3 new deals · 4 with problems');
  await dialog.getByTestId('csv-confirm').click();
  await expect(dialog.getByTestId('csv-result')).toHaveText('Imported 3 deals.');
});

test('only a file that is not text is refused, saying what it is', async ({ page }) => {
  await openReview(page);
  await pick(page, 'binary.csv');
  await expect(page.getByTestId('csv-refusal')).toHaveText(
    'This file is not text (it contains binary data), so it cannot be a CSV export. Export the report from your CRM as CSV.',
  );
  await shot(page, '8-refused-binary');
  await page.getByRole('button', { name: 'Close' }).click();
  await pick(page, 'workbook-renamed.csv');
  await expect(page.getByTestId('csv-refusal')).toContainText('This is an Excel workbook (.xlsx)');
});

test('Cancel while the deals are written leaves the log as it was', async ({ page }) => {
  await openReview(page);
  const lines = ['Account,Close date,Amount,Currency'];
  for (let i = 0; i < 8000; i++) lines.push(`Account ${i},2026-05-14,${1000 + i},EUR`);
  await page
    .getByTestId('csv-file')
    .setInputFiles({ name: 'many.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
  const dialog = page.getByTestId('csv-dialog');
  await expect(dialog.getByTestId('csv-counts')).toHaveText('8000 ready · 0 already imported · 0 with problems', {
    timeout: 30_000,
  });
  await dialog.getByTestId('csv-next').click();
  // The import writes 8,000 deals in about a second: a click from the test process could arrive after it
  // finished. So the page presses Cancel itself the moment the progress shows deals being written.
  await page.evaluate(() => {
    const observer = new MutationObserver(() => {
      const progress = document.querySelector('[data-testid="csv-progress"]');
      const cancel = document.querySelector<HTMLButtonElement>('[data-testid="csv-cancel"]');
      if (!progress || !cancel || !/Importing [1-9]\d* of 8000 deals/.test(progress.textContent ?? '')) return;
      observer.disconnect();
      cancel.click();
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await dialog.getByTestId('csv-confirm').click();
  await expect(dialog.getByTestId('csv-result')).toContainText('Import cancelled: nothing was added', {
    timeout: 30_000,
  });
  await dialog.getByTestId('csv-done').click();
  await expect(page.getByTestId('review-no-deals')).toBeVisible();
  await expect(page.getByTestId('csv-export')).toBeDisabled();
});
