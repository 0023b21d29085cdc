/** A person opening the web client a sync server serves and joining it with an invite, as a teammate would. */
import { expect, type Browser, type Page } from '@playwright/test';
import type { SyncServer } from './syncServer';

/** Opens a fresh browser context, names the user, joins workspace `acme` and waits until it is live. */
export async function joinAs(browser: Browser, server: SyncServer, name: string, token: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(server.httpUrl);
  await page.getByTestId('welcome').getByLabel('Your name').fill(name);
  await page.getByTestId('join-team').click();
  const dialog = page.getByTestId('join-dialog');
  await dialog.getByLabel('Server address').fill(server.wsUrl);
  await dialog.getByLabel('Invite token').fill(token);
  await expect(dialog.getByTestId('join-claims')).toContainText('acme');
  await dialog.getByLabel('Name this workspace on your device').fill('Acme');
  await dialog.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'live');
  return page;
}

/** Maya (storyteller) and Jonas (marketing) join workspace `acme`; Maya creates `title` and Jonas sees it listed. */
export async function twoWritersWithPlaybook(
  browser: Browser,
  server: SyncServer,
  title: string,
): Promise<{ maya: Page; jonas: Page }> {
  const maya = await joinAs(browser, server, 'Maya', server.invite('acme', 'Maya', 'storyteller'));
  const jonas = await joinAs(browser, server, 'Jonas', server.invite('acme', 'Jonas', 'marketing'));
  await maya.getByTestId('new-playbook').click();
  await maya.getByTestId('new-playbook-dialog').getByLabel('Title').fill(title);
  await maya.getByRole('button', { name: 'Create playbook' }).click();
  await expect(jonas.getByTestId('playbook-list')).toContainText(title);
  return { maya, jonas };
}
