/**
 * Screenshots of the main screens for a person to look at (test-results/screens/, not committed). The test
 * only checks each screen is there; judging the pixels is a human's job.
 */
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  createWorkspace,
  narrativeSections,
  openFreshApp,
  openSample,
  overwriteStoredDoc,
  playbookDocName,
  playbookNames,
  SAMPLE,
  selectPlaybook,
} from './support/duet';

const SCREENS = resolve(import.meta.dirname, '../../test-results/screens');

async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SCREENS, `${name}.png`), animations: 'disabled' });
}

test('the welcome screen and a new, empty workspace', async ({ page }) => {
  await openFreshApp(page);
  await shoot(page, '01-welcome');
  await createWorkspace(page);
  await shoot(page, '02-workspace-empty');
  await page.getByTestId('new-playbook').click();
  await expect(page.getByTestId('new-playbook-dialog')).toBeVisible();
  await shoot(page, '03-new-playbook-dialog');
});

test('the sample playbook in the editor, with its dialogs', async ({ page }) => {
  await openSample(page);
  await selectPlaybook(page, SAMPLE.core.title);
  await shoot(page, '04-editor');
  const first = narrativeSections(page).first();
  await first.getByTestId('status-badge').click();
  await expect(page.getByTestId('narrative-details')).toBeVisible();
  await shoot(page, '05-narrative-details');
  await page.keyboard.press('Escape');
  await first.getByRole('button', { name: 'Narrative actions' }).click();
  await shoot(page, '06-section-menu');
  await page.keyboard.press('Escape');
  await first.locator('.narrative-key-message').click();
  await page.keyboard.press('Control+K');
  await page.getByTestId('link-dialog').getByLabel('Address').fill('javascript:alert(1)');
  await page.getByTestId('link-dialog').getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('link-dialog').getByRole('alert')).toBeVisible();
  await shoot(page, '07-link-refused');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+/');
  await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
  await shoot(page, '08-shortcuts');
});

test('the unreadable playbook and a refused import', async ({ page }) => {
  await openSample(page);
  await overwriteStoredDoc(page, playbookDocName(SAMPLE.workspaceId, SAMPLE.cfo.id), [1, 2, 3, 4, 5, 6, 7, 8]);
  await page.reload();
  await playbookNames(page).filter({ hasText: SAMPLE.cfo.title }).click();
  await expect(page.getByTestId('playbook-unreadable')).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-workspace').click();
  await (
    await chooser
  ).setFiles({ name: 'holiday.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a', 'hex') });
  await expect(page.locator('.toast-error')).toBeVisible();
  await shoot(page, '09-unreadable-and-refused-import');
});
