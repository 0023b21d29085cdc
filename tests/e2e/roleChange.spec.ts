/**
 * An admin changes roles while people have the playbook open (the `role` command, as the host dialog
 * does): within 5 s a promoted salesperson can edit and a demoted storyteller is read-only — without
 * reloading, through the app's own reconnect. And the role the server gave outlives a restart without the
 * server: a viewer's device does not fall back on its own (storyteller) setting.
 */
import { expect } from '@playwright/test';
import { joinAs, sharedSyncServer, test } from './support/joinServer';

test.describe.configure({ mode: 'serial' });

const server = sharedSyncServer();

test('a role change reaches people who have the playbook open within 5 s', async ({ browser }) => {
  const mayaToken = server.invite('acme', 'Maya', 'storyteller');
  const repToken = server.invite('acme', 'Rep', 'sales');
  const maya = await joinAs(browser, server, 'Maya', mayaToken);
  const rep = await joinAs(browser, server, 'Rep', repToken);

  await maya.getByTestId('new-playbook').click();
  await maya.getByTestId('new-playbook-dialog').getByLabel('Title').fill('Launch story');
  await maya.getByRole('button', { name: 'Create playbook' }).click();
  await expect(rep.getByTestId('playbook-list')).toContainText('Launch story');
  await rep.getByRole('button', { name: 'Launch story', exact: true }).click();
  await expect(rep.getByTestId('read-only')).toContainText('sales');
  await expect(rep.getByTestId('editor')).toHaveAttribute('contenteditable', 'false');

  server.setRole(repToken, 'marketing');
  await expect(rep.getByTestId('editor')).toHaveAttribute('contenteditable', 'true', { timeout: 5_000 });
  await expect(rep.getByTestId('read-only')).toHaveCount(0);
  const repTitle = rep.getByTestId('editor').locator('.narrative-title').nth(1);
  await repTitle.click();
  await rep.keyboard.press('End');
  await rep.keyboard.type(' — promoted');
  await expect(maya.getByTestId('editor').locator('.narrative-title').nth(1)).toContainText('— promoted');

  // Maya is not the last storyteller (the server refuses to demote that one): Priya owns the workspace too.
  server.invite('acme', 'Priya', 'storyteller');
  server.setRole(mayaToken, 'viewer');
  await expect(maya.getByTestId('editor')).toHaveAttribute('contenteditable', 'false', { timeout: 5_000 });
  await expect(maya.getByTestId('read-only')).toContainText('viewer');
});

test('restarted where the server cannot be reached, a viewer is still read-only', async ({ browser }) => {
  const maya = await joinAs(browser, server, 'Maya', server.invite('acme', 'Maya', 'storyteller'));
  await maya.getByTestId('new-playbook').click();
  await maya.getByTestId('new-playbook-dialog').getByLabel('Title').fill('Offline story');
  await maya.getByRole('button', { name: 'Create playbook' }).click();
  const vic = await joinAs(browser, server, 'Vic', server.invite('acme', 'Vic', 'viewer'));
  await vic.getByRole('button', { name: 'Offline story', exact: true }).click();
  await expect(vic.getByTestId('read-only')).toContainText('viewer');

  // The device's own role setting is the default (storyteller); only the server said "viewer".
  await vic.routeWebSocket(/./, (ws) => ws.close({ code: 1006, reason: 'unreachable' }));
  await vic.reload();
  await expect(vic.getByTestId('connection')).toHaveAttribute('data-status', /offline|connecting/);
  await vic.getByRole('button', { name: 'Offline story', exact: true }).click();
  await expect(vic.getByTestId('editor')).toHaveAttribute('contenteditable', 'false');
  await expect(vic.getByTestId('read-only')).toContainText('viewer');
  await expect(vic.getByTestId('review-toggle')).toBeVisible();
  await expect(vic.getByTestId('log-deal')).toHaveCount(0);
});
