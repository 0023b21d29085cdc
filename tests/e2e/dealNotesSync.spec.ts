/**
 * A salesperson — read-only on the playbook, a writer of notes — logs a deal while the sync server is down;
 * the storyteller sees it in the review once both are connected again.
 */
import { expect } from '@playwright/test';
import { joinAs, sharedSyncServer, test } from './support/joinServer';

test.describe.configure({ mode: 'serial' });

const server = sharedSyncServer();

test('a deal logged offline by sales reaches the storyteller after both reconnect', async ({ browser }) => {
  const maya = await joinAs(browser, server, 'Maya', server.invite('acme', 'Maya', 'storyteller'));
  await maya.getByTestId('new-playbook').click();
  await maya.getByTestId('new-playbook-dialog').getByLabel('Title').fill('Launch story');
  await maya.getByRole('button', { name: 'Create playbook' }).click();
  await expect(maya.getByTestId('playbook-title')).toHaveValue('Launch story');

  const rep = await joinAs(browser, server, 'Rep', server.invite('acme', 'Rep', 'sales'));
  await rep.getByRole('button', { name: 'Launch story', exact: true }).click();
  await expect(rep.getByTestId('read-only')).toContainText('sales');
  // A browser client loads the deal form and the review on first use; once every part is fetched it works
  // offline (a page that loses its server before that shows "Try again" instead).
  await expect(rep.locator('html')).toHaveAttribute('data-parts', 'loaded', { timeout: 15_000 });
  await maya.getByTestId('review-toggle').click();
  await expect(maya.getByTestId('review-no-deals')).toBeVisible();

  await server.stop();
  await expect(rep.getByTestId('connection')).toHaveAttribute('data-status', /offline|connecting/);
  await rep.getByTestId('log-deal').first().click();
  await rep.getByTestId('deal-account').fill('Offline Outfitters');
  await rep.getByTestId('deal-note').fill('Logged on the train.');
  await rep.getByTestId('deal-account').press('Enter');
  await expect(rep.getByTestId('quick-deal-form')).toBeHidden();
  await rep.getByTestId('review-toggle').click();
  await expect(rep.getByTestId('deal-card')).toContainText('Offline Outfitters');

  await server.start();
  await expect(maya.getByTestId('deal-card')).toContainText('Offline Outfitters', { timeout: 20_000 });
  await expect(maya.getByTestId('deal-card')).toContainText('by Rep');
  await expect(maya.getByTestId('stat-won')).toContainText('1');
  // The playbook itself was never written by the salesperson.
  await expect(rep.getByTestId('editor')).toHaveAttribute('contenteditable', 'false');
});

test('a viewer reads the review but gets no way to log deals', async ({ browser }) => {
  const viewer = await joinAs(browser, server, 'Vera', server.invite('acme', 'Vera', 'viewer'));
  await viewer.getByRole('button', { name: 'Launch story', exact: true }).click();
  await viewer.getByTestId('review-toggle').click();
  await expect(viewer.getByTestId('deal-card')).toContainText('Offline Outfitters', { timeout: 20_000 });
  await expect(viewer.getByTestId('log-deal')).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: '+ Log deal' })).toHaveCount(0);
});

test('a deal is edited by the member who logged it — not by another member of the same name — and the storyteller moderates', async ({
  browser,
}) => {
  // A second salesperson, also called Rep: names are display only, the member id decides.
  const namesake = await joinAs(browser, server, 'Rep', server.invite('acme', 'Rep', 'sales'));
  await namesake.getByRole('button', { name: 'Launch story', exact: true }).click();
  await namesake.getByTestId('log-deal').first().click();
  await namesake.getByTestId('deal-account').fill('Namesake Freight');
  await namesake.getByTestId('deal-account').press('Enter');
  await expect(namesake.getByTestId('quick-deal-form')).toBeHidden();
  await namesake.getByTestId('review-toggle').click();
  const theirs = namesake.getByTestId('deal-card').filter({ hasText: 'Offline Outfitters' });
  await expect(theirs).toBeVisible({ timeout: 20_000 });
  await expect(theirs.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  const mine = namesake.getByTestId('deal-card').filter({ hasText: 'Namesake Freight' });
  await expect(mine.getByRole('button', { name: 'Edit' })).toBeVisible();

  // The storyteller may change what anyone wrote (the server lets storytellers moderate).
  const maya = await joinAs(browser, server, 'Maya', server.invite('acme', 'Maya', 'storyteller'));
  await maya.getByRole('button', { name: 'Launch story', exact: true }).click();
  await maya.getByTestId('review-toggle').click();
  const card = maya.getByTestId('deal-card').filter({ hasText: 'Namesake Freight' });
  await card.getByRole('button', { name: 'Edit' }).click({ timeout: 20_000 });
  await maya.getByTestId('deal-note').fill('Moderated: the amount is confidential.');
  await maya.getByTestId('deal-account').press('Enter');
  await expect(mine).toContainText('Moderated: the amount is confidential.', { timeout: 20_000 });
  await expect(mine).toContainText('by Rep');
});
