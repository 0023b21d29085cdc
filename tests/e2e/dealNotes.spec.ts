/**
 * Sales field notes: a deal logged from a narrative with the keyboard shows up in the win/loss review with
 * the right win rate and a small-sample warning.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createPlaybook, createWorkspace } from './support/duet';

const SHOTS = resolve(import.meta.dirname, '../../test-results/screens');

async function logDealByKeyboard(page: Page, account: string, lost: boolean): Promise<void> {
  const chip = page.getByTestId('log-deal').first();
  await chip.focus();
  await page.keyboard.press('Enter');
  const form = page.getByTestId('quick-deal-form');
  await expect(form).toBeVisible();
  await expect(form.getByTestId('deal-account')).toBeFocused();
  await page.keyboard.type(account);
  await page.keyboard.press('Tab');
  await page.keyboard.type('Fleet renewal');
  await page.keyboard.press('Tab');
  await expect(form.getByTestId('deal-outcome')).toBeFocused();
  if (lost) await page.keyboard.press('ArrowDown'); // Won → Lost to competitor
  await page.keyboard.press('Tab');
  await page.keyboard.type('48.000,50');
  await page.keyboard.press('Enter');
  await expect(form).toBeHidden();
}

test('a deal logged from a narrative by keyboard appears in the review with its win rate', async ({ page }) => {
  await createWorkspace(page, 'Acme sales', 'Ana Reyes');
  await createPlaybook(page, 'Launch story');

  // Escape cancels without writing anything.
  await page.getByTestId('log-deal').first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('quick-deal-form')).toBeVisible();
  await expect(page.getByTestId('quick-deal-form').locator('.deal-use-title')).toHaveText('Positioning');
  mkdirSync(SHOTS, { recursive: true });
  await page.getByTestId('deal-account').fill('Fernway Logistics');
  await page.screenshot({ path: join(SHOTS, 'quick-deal-form.png') });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('quick-deal-form')).toBeHidden();

  await logDealByKeyboard(page, 'Fernway Logistics', false);
  await logDealByKeyboard(page, 'Globex', true);
  await logDealByKeyboard(page, 'Initech', false);

  await page.getByTestId('review-toggle').click();
  const review = page.getByTestId('review');
  await expect(review).toBeVisible();
  await expect(review.getByTestId('rank-row').first()).toContainText('Positioning');
  await expect(review.getByTestId('stat-deals')).toContainText('3');
  await expect(review.getByTestId('stat-won')).toContainText('2');
  await expect(review.getByTestId('stat-lost')).toContainText('1 to a competitor · 0 no decision');
  // 2 of 3: 67%, Wilson 95% interval 21–94%.
  await expect(review.getByTestId('stat-win-rate')).toContainText('67%');

  // The log exports as CSV that Excel reads as UTF-8 (byte-order mark), with narrative titles, not ids.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('deal-notes.csv');
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('Globex');
  expect(csv).toContain('Positioning');
  await expect(review.getByTestId('stat-win-rate')).toContainText('21%–94%');
  await expect(review.getByTestId('small-sample')).toContainText('only 3 decided deals');
  await expect(review.getByTestId('deal-card')).toHaveCount(3);
  await review.getByTestId('notes-search').fill('globex');
  await expect(review.getByTestId('deal-card')).toHaveCount(1);
  await review.getByTestId('notes-search').fill('');
  await page.screenshot({ path: join(SHOTS, 'review.png') });

  // The author edits their entry; the history says what changed.
  await review.getByTestId('deal-card').filter({ hasText: 'Globex' }).getByRole('button', { name: 'Edit' }).click();
  await page.getByTestId('deal-note').fill('Lost on price.');
  await page.getByTestId('deal-competitor').fill('Geotab');
  await page.getByTestId('deal-account').press('Enter');
  const globex = review.getByTestId('deal-card').filter({ hasText: 'Globex' });
  await expect(globex).toContainText('edited 1×');
  await expect(globex).toContainText('vs Geotab');
  // Opened, the history lists the edit: who, and each field's before and after.
  await globex.getByText('edited 1×').click();
  await expect(globex.locator('.deal-history li')).toHaveCount(1);
  await expect(globex.locator('.deal-history li')).toContainText('→ “Geotab”');
  await globex.screenshot({ path: join(SHOTS, 'deal-history.png') });
});

test('the review explains what to do first when no deal is logged', async ({ page }) => {
  await createWorkspace(page, 'Acme sales', 'Ana Reyes');
  await createPlaybook(page, 'Launch story');
  await page.getByTestId('review-toggle').click();
  await expect(page.getByTestId('review-no-deals')).toContainText('Log deal');
  await page.screenshot({ path: join(SHOTS, 'review-empty.png') });
  await page.getByTestId('review-toggle').click();
  await expect(page.getByTestId('editor')).toBeVisible();
});
