/**
 * What a read-only teammate sees around the text: no "Add" chips that do nothing (the values the storyteller
 * set still show), and a long display name cut with an ellipsis beside the Ctrl+/ keycap, never under it.
 */
import { expect } from '@playwright/test';
import { joinAs, sharedSyncServer, test } from './support/joinServer';

test.describe.configure({ mode: 'serial' });

const server = sharedSyncServer();

const LONG_NAME = 'Maximiliane Alexandra Konstantinopoulou-Wittelsbach von Hohenzollern-Sigmaringen';

test('sales sees the values set on a narrative, no empty "Add" chips, and a long name kept clear of the keycap', async ({
  browser,
}, info) => {
  const maya = await joinAs(browser, server, 'Maya', server.invite('acme', 'Maya', 'storyteller'));
  await maya.getByTestId('new-playbook').click();
  await maya.getByTestId('new-playbook-dialog').getByLabel('Title').fill('Launch story');
  await maya.getByRole('button', { name: 'Create playbook' }).click();
  await expect(maya.getByTestId('playbook-title')).toHaveValue('Launch story');
  // The storyteller sets a persona on the first narrative and leaves the owner of the second empty.
  const mayaHeaders = maya.getByTestId('narrative-header');
  await mayaHeaders
    .first()
    .getByRole('button', { name: /^Persona/ })
    .click();
  const details = maya.getByTestId('narrative-details');
  await details.getByLabel('Persona').fill('VP Operations');
  await details.getByLabel('Owner').fill('Sam Lee');
  await details.getByRole('button', { name: 'Save' }).click();
  await expect(mayaHeaders.first().getByRole('button', { name: /^Persona/ })).toHaveText('PersonaVP Operations');
  // The storyteller, who may edit, still gets the chips that add a value.
  await expect(mayaHeaders.nth(1).getByRole('button', { name: /^Persona/ })).toHaveText('PersonaAdd');

  const rep = await joinAs(browser, server, LONG_NAME, server.invite('acme', 'Rep', 'sales'));
  await rep.getByRole('button', { name: 'Launch story', exact: true }).click();
  await expect(rep.getByTestId('read-only')).toContainText('sales');
  const headers = rep.getByTestId('narrative-header');
  await expect(headers.first()).toContainText('VP Operations');
  await expect(headers.first()).toContainText('Sam Lee');
  // Set values are shown as text, not as buttons that cannot be pressed; nothing offers "Add".
  await expect(headers.first().getByText('VP Operations')).toBeVisible();
  await expect(headers.getByRole('button', { name: /^(Persona|Stage|Owner)/ })).toHaveCount(0);
  await expect(headers.filter({ hasText: /Add/ })).toHaveCount(0);
  await expect(headers.locator('.chip-empty')).toHaveCount(0);
  await expect(headers.nth(1)).not.toContainText('Persona');
  await headers.first().screenshot({ path: info.outputPath('read-only-chips.png') });

  // The long name: cut with an ellipsis, whole in the tooltip, and clear of the keycap.
  const user = rep.getByTestId('sidebar-user');
  await expect(user).toHaveAttribute('title', new RegExp(`^${LONG_NAME} · `));
  const name = user.locator('strong');
  await expect(name).toHaveText(LONG_NAME);
  const cut = await name.evaluate((el) => ({
    overflow: el.scrollWidth > el.clientWidth,
    ellipsis: getComputedStyle(el).textOverflow,
  }));
  expect(cut).toEqual({ overflow: true, ellipsis: 'ellipsis' });
  const nameBox = (await name.boundingBox())!;
  const keyBox = (await user.locator('.kbd').boundingBox())!;
  const userBox = (await user.boundingBox())!;
  expect(nameBox.x + nameBox.width).toBeLessThanOrEqual(keyBox.x);
  expect(keyBox.x + keyBox.width).toBeLessThanOrEqual(userBox.x + userBox.width);
  await rep.locator('nav.sidebar').screenshot({ path: info.outputPath('sidebar-long-name.png') });
});
