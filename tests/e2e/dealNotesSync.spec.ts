/**
 * A salesperson — read-only on the playbook, a writer of notes — logs a deal while the sync server is down;
 * the storyteller sees it in the review once both are connected again.
 */
import { expect, test } from '@playwright/test';
import { joinAs } from './support/joinServer';
import { startSyncServer, type SyncServer } from './support/syncServer';

test.describe.configure({ mode: 'serial' });

let server: SyncServer;
test.beforeAll(async () => {
  server = await startSyncServer();
});
test.afterAll(async () => {
  await server?.dispose();
});

test('a deal logged offline by sales reaches the storyteller after both reconnect', async ({ browser }) => {
  const maya = await joinAs(browser, server, 'Maya', server.invite('acme', 'Maya', 'storyteller'));
  await maya.getByTestId('new-playbook').click();
  await maya.getByTestId('new-playbook-dialog').getByLabel('Title').fill('Launch story');
  await maya.getByRole('button', { name: 'Create playbook' }).click();
  await expect(maya.getByTestId('playbook-title')).toHaveValue('Launch story');

  const rep = await joinAs(browser, server, 'Rep', server.invite('acme', 'Rep', 'sales'));
  await rep.getByRole('button', { name: 'Launch story', exact: true }).click();
  await expect(rep.getByTestId('read-only')).toContainText('sales');
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
