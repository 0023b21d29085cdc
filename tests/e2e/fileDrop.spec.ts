/**
 * Files dragged onto Duet as onto a desktop app: a .duet workspace dropped on the window is validated like
 * an import and applied only after the user confirms; a damaged one is refused with the reason; a .csv
 * dropped on a playbook's review starts the CSV import with that file, and anywhere else says where to
 * drop it.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { dropFile } from './support/dropFile';
import { holdChunk } from './support/holdChunk';
import { createPlaybook, createWorkspace, openFreshApp, openSample, playbookRows, toast } from './support/duet';

/** The sample workspace as a .duet file, exported through the app. */
async function sampleWorkspaceFile(page: Page, path: string): Promise<Buffer> {
  await openSample(page);
  const download = page.waitForEvent('download');
  await page.getByTestId('export-workspace').click();
  await (await download).saveAs(path);
  return readFileSync(path);
}

test('a .duet file dropped on the window is imported once the user confirms', async ({ browser, page }, info) => {
  const bytes = await sampleWorkspaceFile(page, info.outputPath('fernway.duet'));

  // Another device: the welcome screen, nothing imported yet.
  const device = await browser.newContext();
  const other = await device.newPage();
  await openFreshApp(other);
  const welcome = other.getByTestId('welcome');
  await dropFile(welcome, 'fernway.duet', bytes);
  const confirm = other.getByTestId('import-confirm');
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('fernway.duet holds the workspace “Fernway (sample)”');
  await expect(confirm).toContainText('added as a workspace of its own');
  // Cancel is focused first (Enter never imports by accident); cancelling imports nothing.
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await other.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(welcome).toBeVisible();

  await dropFile(welcome, 'fernway.duet', bytes);
  await confirm.getByRole('button', { name: 'Import workspace' }).click();
  await expect(playbookRows(other)).toHaveCount(3);
  await expect(toast(other, /^Imported “Fernway \(sample\)”/)).toBeVisible();

  // Dropped again on the same device: the question says it merges, and merging duplicates nothing.
  await dropFile(other.locator('body'), 'fernway.duet', bytes);
  await expect(confirm).toContainText('You already have this workspace here');
  await confirm.getByRole('button', { name: 'Merge into my copy' }).click();
  await expect(toast(other, /^Merged \d+ documents into “Fernway \(sample\)”/)).toBeVisible();
  await expect(playbookRows(other)).toHaveCount(3);
  await device.close();
});

test('a damaged .duet file is refused with the reason, without asking anything', async ({ page }) => {
  await openFreshApp(page);
  await dropFile(page.getByTestId('welcome'), 'broken.duet', Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]));
  await expect(toast(page, /^Nothing was imported\. broken\.duet: /)).toBeVisible();
  await expect(page.getByTestId('import-confirm')).toHaveCount(0);
  await expect(page.getByTestId('welcome')).toBeVisible();
});

test('a .csv file dropped on the review starts the CSV import with that file; elsewhere it says where', async ({
  page,
}) => {
  await createWorkspace(page, 'Acme sales', 'Ana Reyes');
  await createPlaybook(page, 'Launch story');
  const csv = Buffer.from('Account,Stage,Amount,Close Date\nAcme Logistics,Closed Won,12000,2026-03-01\n');

  // On the editor: not a place for deals; the app says where to drop it, and no import starts.
  await dropFile(page.getByTestId('editor'), 'pipeline.csv', csv, 'text/csv');
  await expect(toast(page, /open a playbook’s review and drop it there/)).toBeVisible();
  await expect(page.getByTestId('csv-dialog')).toHaveCount(0);

  await page.getByTestId('review-toggle').click();
  await dropFile(page.getByTestId('review'), 'pipeline.csv', csv, 'text/csv');
  const dialog = page.getByTestId('csv-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('csv-preview')).toContainText('Acme Logistics');
});

test('a .csv file dropped on the review while its import is still loading is imported once it is in', async ({
  page,
}) => {
  const release = await holdChunk(page, 'CsvActions');
  await createWorkspace(page, 'Acme sales', 'Ana Reyes');
  await createPlaybook(page, 'Launch story');
  await page.getByTestId('review-toggle').click();
  await expect(page.getByTestId('review')).toBeVisible();
  await expect(page.getByTestId('csv-import')).toHaveCount(0);

  const csv = Buffer.from('Account,Stage,Amount,Close Date\nAcme Logistics,Closed Won,12000,2026-03-01\n');
  await dropFile(page.getByTestId('review'), 'pipeline.csv', csv, 'text/csv');
  // Not told to drop it on the review, where it was just dropped; the file waits for the import.
  await expect(toast(page, /open a playbook’s review and drop it there/)).toHaveCount(0);
  release();
  const dialog = page.getByTestId('csv-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('csv-preview')).toContainText('Acme Logistics');
  await expect(toast(page, /open a playbook’s review and drop it there/)).toHaveCount(0);
});
