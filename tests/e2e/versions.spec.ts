/**
 * Versions of a playbook: save one, edit, compare (the word diff shows the change, readable without
 * colour), restore a narrative while a teammate is connected (both see it, Ctrl+Z takes it back), and a deal
 * logged after an approval counts for the new version in the review.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { createPlaybook, createWorkspace, narrativeSection } from './support/duet';
import { joinAs, sharedSyncServer, test } from './support/joinServer';

const SHOTS = resolve(import.meta.dirname, '../../test-results/screens');

function narrativeTitle(page: Page, index: number) {
  return page.getByTestId('editor').locator('.narrative-title').nth(index);
}

async function typeAtEndOf(page: Page, index: number, text: string): Promise<void> {
  await narrativeTitle(page, index).click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

async function saveVersion(page: Page, name: string, note = ''): Promise<void> {
  await page.getByTestId('save-version').click();
  const dialog = page.getByTestId('save-version-dialog');
  await dialog.getByTestId('version-name').fill(name);
  if (note) await dialog.getByTestId('version-note').fill(note);
  await dialog.getByRole('button', { name: 'Save version' }).click();
  await expect(dialog).toBeHidden();
}

async function logDeal(page: Page, narrative: string, account: string): Promise<void> {
  await narrativeSection(page, narrative).getByTestId('log-deal').click();
  const form = page.getByTestId('quick-deal-form');
  await expect(form).toBeVisible();
  await form.getByTestId('deal-account').fill(account);
  await form.getByTestId('deal-account').press('Enter');
  await expect(form).toBeHidden();
}

test('save a version, edit, compare: the diff shows the change; restore one narrative, Ctrl+Z takes it back', async ({
  page,
}) => {
  await createWorkspace(page, 'Acme marketing', 'Maya Okafor');
  await createPlaybook(page, 'Launch story');

  await page.getByTestId('history-toggle').click();
  await expect(page.getByTestId('versions-empty')).toContainText('No versions yet');
  await saveVersion(page, 'Before the rewrite', 'Baseline for Q3');
  const list = page.getByTestId('version-list');
  await expect(list.getByTestId('version-item')).toHaveCount(1);
  await expect(list).toContainText('Before the rewrite');
  await expect(list).toContainText('Baseline for Q3');
  await expect(list).toContainText('Maya Okafor');
  await expect(page.getByTestId('compare-summary')).toContainText('0 changed');

  await page.getByTestId('history-close').click();
  await typeAtEndOf(page, 1, 'predict, don’t react');
  await expect(narrativeTitle(page, 1)).toHaveText('Pillar 1 — predict, don’t react');

  await page.getByTestId('history-toggle').click();
  const compare = page.getByTestId('compare');
  await expect(page.getByTestId('compare-summary')).toContainText('From v1 to the text now: 1 changed');
  const card = compare.getByTestId('compare-narrative');
  await expect(card).toHaveCount(1);
  await expect(card).toContainText('Changed');
  const inserted = card.getByTestId('compare-text-title').getByTestId('diff-inserted');
  await expect(inserted).toContainText('predict');
  // Not colour alone: insertions are underlined, and say so to a screen reader.
  await expect(inserted.first()).toHaveCSS('text-decoration-line', 'underline');
  await expect(inserted.first()).toContainText('[inserted:');
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'version-compare.png') });

  await card.getByTestId('restore-narrative').click();
  await expect(page.getByTestId('versions-status')).toContainText('Restored “Pillar 1 —” from v1');
  // The restore is recorded as a version of its own, and now nothing differs from v1.
  await expect(list.getByTestId('version-item')).toHaveCount(2);
  await expect(list.getByTestId('version-item').first()).toContainText('Restore');
  await page.getByTestId('compare-from').selectOption({ index: 0 });
  await expect(page.getByTestId('compare-summary')).toContainText('0 changed');
  await page.screenshot({ path: join(SHOTS, 'version-history.png') });

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('version-history')).toBeHidden();
  await expect(narrativeTitle(page, 1)).toHaveText('Pillar 1 —');
  await narrativeTitle(page, 1).click();
  await page.keyboard.press('Control+z');
  await expect(narrativeTitle(page, 1)).toHaveText('Pillar 1 — predict, don’t react');
});

test('a deal logged after an approval counts for the new version in the review', async ({ page }) => {
  await createWorkspace(page, 'Acme marketing', 'Maya Okafor');
  await createPlaybook(page, 'Launch story');
  await page.getByTestId('history-toggle').click();
  await saveVersion(page, 'First draft');
  await page.getByTestId('history-close').click();

  await logDeal(page, 'Positioning', 'Fernway Logistics');

  // Approving the narrative takes a version by itself.
  await narrativeSection(page, 'Positioning').getByTestId('status-badge').click();
  const details = page.getByTestId('narrative-details');
  await details.getByText('Approved', { exact: true }).click();
  await details.getByRole('button', { name: 'Save' }).click();
  await expect(details).toBeHidden();
  await expect(page.getByTestId('history-toggle')).toHaveText('History (2)');
  // What changed in the approval version: the status, as a field change readable without colour.
  await page.getByTestId('history-toggle').click();
  await page.getByRole('button', { name: 'What changed in v2' }).click();
  const field = page.getByTestId('compare-field');
  await expect(field).toHaveText(/Status:\s*\[was: Draft\]\s*→\s*\[now: Approved\]/);
  await expect(field.locator('del')).toHaveCSS('text-decoration-line', 'line-through');
  await page.screenshot({ path: join(SHOTS, 'version-compare-fields.png') });
  await page.getByTestId('history-close').click();

  await logDeal(page, 'Positioning', 'Globex');
  await logDeal(page, 'Positioning', 'Initech');

  await page.getByTestId('review-toggle').click();
  const review = page.getByTestId('version-review');
  await expect(review).toBeVisible();
  const v1 = review.locator('[data-testid="version-row"][data-version-label="v1"]');
  const v2 = review.locator('[data-testid="version-row"][data-version-label="v2"]');
  await expect(v1.getByTestId('version-deals')).toHaveText('1');
  await expect(v2.getByTestId('version-deals')).toHaveText('2');
  await expect(v2).toContainText('Approved: “Positioning”');
  await expect(review.getByTestId('version-verdict')).toContainText('not enough deals to tell yet');
  // Both versions began this month: one marker line names both.
  await expect(page.getByTestId('version-marker')).toHaveText('v1, v2');
  // Each deal card says which version it counted for, and why.
  const card = (account: string) => page.getByTestId('deal-card').filter({ hasText: account });
  await expect(card('Fernway Logistics').getByTestId('deal-version')).toHaveText('v1');
  await expect(card('Globex').getByTestId('deal-version')).toHaveText('v2');
  await expect(card('Initech').getByTestId('deal-version')).toHaveAttribute(
    'title',
    'Counted for version 2: logged with it',
  );
  await page.getByTestId('review-detail').scrollIntoViewIfNeeded();
  await review.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'version-review.png') });
});

test.describe('with a teammate connected', () => {
  const server = sharedSyncServer();

  test('restoring a narrative reaches both; Ctrl+Z takes it back for both', async ({ browser }) => {
    const maya = await joinAs(browser, server, 'Maya', server.invite('acme', 'Maya', 'storyteller'));
    const jonas = await joinAs(browser, server, 'Jonas', server.invite('acme', 'Jonas', 'marketing'));
    await maya.getByTestId('new-playbook').click();
    await maya.getByTestId('new-playbook-dialog').getByLabel('Title').fill('Launch story');
    await maya.getByRole('button', { name: 'Create playbook' }).click();
    await expect(jonas.getByTestId('playbook-list')).toContainText('Launch story');
    await jonas.getByRole('button', { name: 'Launch story', exact: true }).click();
    await expect(narrativeTitle(jonas, 1)).toHaveText('Pillar 1 —');

    await maya.getByTestId('history-toggle').click();
    await saveVersion(maya, 'Baseline');
    // The version reaches the teammate's history through the server.
    await expect(jonas.getByTestId('history-toggle')).toHaveText('History (1)');

    await maya.getByTestId('history-close').click();
    await typeAtEndOf(maya, 1, 'Speed wins');
    await expect(narrativeTitle(jonas, 1)).toHaveText('Pillar 1 — Speed wins');

    await maya.getByTestId('history-toggle').click();
    await maya.getByTestId('compare-narrative').getByTestId('restore-narrative').click();
    await expect(maya.getByTestId('versions-status')).toContainText('Restored');
    await expect(narrativeTitle(jonas, 1)).toHaveText('Pillar 1 —');
    await expect(jonas.getByTestId('history-toggle')).toHaveText('History (2)');

    await maya.getByTestId('history-close').click();
    await expect(narrativeTitle(maya, 1)).toHaveText('Pillar 1 —');
    await narrativeTitle(maya, 1).click();
    await maya.keyboard.press('Control+z');
    await expect(narrativeTitle(maya, 1)).toHaveText('Pillar 1 — Speed wins');
    await expect(narrativeTitle(jonas, 1)).toHaveText('Pillar 1 — Speed wins');
    await maya.context().close();
    await jonas.context().close();
  });
});
