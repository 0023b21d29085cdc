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

test('the joint reviews: goals, a new meeting with its proposed agenda, the meeting running', async ({ page }) => {
  test.setTimeout(120_000);
  await openSample(page);
  await selectPlaybook(page, SAMPLE.core.title);
  const deals: [string, string, string, string][] = [
    ['Northwind Freight', 'lost-competitor', 'Seismic', 'They chose Seismic for the SOC 2 report on day one.'],
    ['Contoso Depots', 'lost-competitor', 'Seismic', 'Price was 20% under ours.'],
    ['Harbor Lines', 'won', 'Seismic', 'Downtime math landed with the CFO.'],
    ['Alpine Haulage', 'won', '', ''],
    ['Baltic Movers', 'lost-no-decision', '', 'Budget frozen.'],
  ];
  for (const [account, outcome, competitor, note] of deals) {
    await page.getByTestId('log-deal').first().click();
    await page.getByTestId('deal-account').fill(account);
    await page.getByTestId('deal-outcome').selectOption(outcome);
    await page.getByTestId('deal-competitor').fill(competitor);
    await page.getByTestId('deal-note').fill(note);
    await page.getByTestId('deal-save').click();
    await expect(page.getByTestId('quick-deal-form')).toBeHidden();
  }
  await page.getByTestId('open-meetings').click();
  await expect(page.getByTestId('goals-empty')).toBeVisible();
  await shoot(page, '40-meetings-empty');

  await page.getByTestId('add-goal').click();
  await page.getByTestId('goal-title').fill('Win against Seismic');
  await page.getByTestId('goal-competitor').fill('Seismic');
  await page.getByTestId('goal-target').fill('40');
  await shoot(page, '41-goal-dialog');
  await page.getByTestId('goal-dialog').getByRole('button', { name: 'Add goal' }).click();
  await page.getByTestId('add-goal').click();
  await page.getByTestId('goal-title').fill('Win rate overall');
  await page.getByTestId('goal-target').fill('85');
  await page.getByTestId('goal-dialog').getByRole('button', { name: 'Add goal' }).click();
  await expect(page.getByTestId('goal-card')).toHaveCount(2);
  await shoot(page, '42-goals');
  await selectPlaybook(page, SAMPLE.core.title);
  await page.getByTestId('review-toggle').click();
  await expect(page.getByTestId('review-goals')).toContainText('Win against Seismic');
  await shoot(page, '46-review-with-goals');
  await page.getByTestId('open-meetings').click();

  await page.getByTestId('new-meeting').click();
  await expect(page.getByTestId('proposed-item').first()).toBeVisible();
  await page.getByTestId('new-agenda-item').fill('Q3 launch messaging');
  await page.getByTestId('new-agenda-item').press('Enter');
  await shoot(page, '43-new-meeting-dialog');
  await page.getByRole('button', { name: 'Create meeting' }).click();
  await page.getByTestId('present').click();
  await page.keyboard.press('Alt+ArrowDown');
  await page.getByTestId('item-notes').fill('Two of the three Seismic losses name the compliance report.');
  await page.keyboard.press('Alt+Shift+D');
  await page.keyboard.type('Lead security reviews with the SOC 2 summary');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Alt+Shift+A');
  await page.keyboard.type('Publish the SOC 2 one-pager');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('action')).toHaveCount(1);
  await page.getByTestId('item-done').click();
  await shoot(page, '44-meeting-room');
  await page.getByText('← Joint reviews').click();
  await page.getByTestId('decision-search').fill('soc');
  await expect(page.getByTestId('decision-results')).toContainText('SOC 2 summary');
  await shoot(page, '45-meetings-with-history');
});
