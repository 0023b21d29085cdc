/**
 * A joint review across a real sync server: the storyteller creates it from the proposed agenda and
 * presents; marketing and sales follow her through presence (and step away, and follow again); a
 * salesperson adds an action item while the server is down and everyone sees it after reconnecting; the
 * minutes contain the decisions; owners and participants include a member who never connected (the
 * server lists the workspace's members to every client).
 */
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { joinAs, sharedSyncServer, test } from './support/joinServer';

test.describe.configure({ mode: 'serial' });

const server = sharedSyncServer();

const currentTitle = (page: Page) => page.getByTestId('current-item').locator('h2');

async function openMeeting(page: Page, title: string): Promise<void> {
  await page.getByTestId('open-meetings').click();
  await page
    .getByTestId('meeting-list')
    .getByRole('button', { name: new RegExp(title) })
    .click();
  await expect(page.getByTestId('meeting-room')).toBeVisible();
}

test('three people run a joint review live; an offline action arrives after reconnecting', async ({ browser }) => {
  test.setTimeout(180_000);
  // A member who never opens Duet during the test: known to everyone only through the server's member list.
  server.invite('acme', 'Dana', 'sales');
  const maya = await joinAs(browser, server, 'Maya', server.invite('acme', 'Maya', 'storyteller'));
  await maya.getByTestId('new-playbook').click();
  await maya.getByTestId('new-playbook-dialog').getByLabel('Title').fill('Launch story');
  await maya.getByRole('button', { name: 'Create playbook' }).click();
  await expect(maya.getByTestId('playbook-title')).toHaveValue('Launch story');
  // A recent loss to a competitor, with its note: the agenda will propose it.
  await maya.getByTestId('log-deal').first().click();
  await maya.getByTestId('deal-account').fill('Northwind');
  await maya.getByTestId('deal-outcome').selectOption('lost-competitor');
  await maya.getByTestId('deal-competitor').fill('Seismic');
  await maya.getByTestId('deal-note').fill('They wanted SOC 2 now.');
  await maya.getByTestId('deal-save').click();
  await expect(maya.getByTestId('quick-deal-form')).toBeHidden();

  const mark = await joinAs(browser, server, 'Mark', server.invite('acme', 'Mark', 'marketing'));
  const rep = await joinAs(browser, server, 'Rep', server.invite('acme', 'Rep', 'sales'));
  for (const page of [mark, rep]) await page.getByTestId('open-meetings').click();

  // The organiser: a goal, then a meeting from the proposed agenda, reordered and added to.
  await maya.getByTestId('open-meetings').click();
  await expect(maya.getByTestId('goals-empty')).toBeVisible();
  await maya.getByTestId('add-goal').click();
  await maya.getByTestId('goal-title').fill('Win against Seismic');
  await maya.getByTestId('goal-competitor').fill('Seismic');
  await maya.getByTestId('goal-target').fill('40');
  await maya.getByTestId('goal-dialog').getByRole('button', { name: 'Add goal' }).click();
  await expect(maya.getByTestId('goal-card')).toContainText('Win against Seismic');
  await expect(maya.getByTestId('goal-value')).toHaveText('0%');
  await expect(rep.getByTestId('goal-card')).toContainText('Win against Seismic', { timeout: 15_000 });
  await expect(rep.getByTestId('add-goal')).toHaveCount(0); // sales sees goals, does not set them

  await maya.getByTestId('new-meeting').click();
  const dialog = maya.getByTestId('new-meeting-dialog');
  await expect(dialog.getByTestId('proposed-item').first()).toContainText('Lost to Seismic: Northwind');
  await expect(dialog.getByTestId('proposed-item').first()).toContainText('They wanted SOC 2 now.');
  await dialog.getByTestId('new-agenda-item').fill('Pricing page');
  await dialog.getByTestId('new-agenda-item').press('Enter');
  await dialog.getByTestId('new-agenda-item').fill('Q3 launch messaging');
  await dialog.getByRole('button', { name: 'Add item' }).click();
  await dialog.getByRole('button', { name: 'Move “Q3 launch messaging” up' }).click();
  await expect(dialog.getByTestId('proposed-item')).toHaveCount(3);
  await expect(dialog.getByTestId('proposed-item').nth(1)).toContainText('Q3 launch messaging');
  await expect(dialog.getByRole('checkbox', { name: /Dana/ })).not.toBeChecked();
  await dialog.getByRole('checkbox', { name: /Mark/ }).check();
  await dialog.getByRole('checkbox', { name: /Rep/ }).check();
  await dialog.getByRole('button', { name: 'Create meeting' }).click();
  await expect(maya.getByTestId('meeting-room')).toBeVisible();
  await maya.getByTestId('present').click();
  await expect(maya.getByTestId('follow-bar')).toHaveAttribute('data-state', 'presenting');

  for (const page of [mark, rep]) {
    await openMeeting(page, 'Joint review');
    await expect(page.getByTestId('follow-bar')).toContainText('Following Maya', { timeout: 15_000 });
    await expect(currentTitle(page)).toContainText('Lost to Seismic: Northwind');
  }

  // The presenter moves by keyboard; the others follow.
  await maya.keyboard.press('Alt+ArrowDown');
  await maya.keyboard.press('Alt+ArrowDown');
  await expect(currentTitle(maya)).toContainText('3. Pricing page');
  for (const page of [mark, rep]) await expect(currentTitle(page)).toContainText('3. Pricing page');

  // Marketing steps away, the presenter moves on without them, "Follow again" brings them back.
  await mark.getByTestId('agenda-item').first().click();
  await expect(mark.getByTestId('follow-bar')).toHaveAttribute('data-state', 'stepped-away');
  await maya.keyboard.press('Alt+ArrowUp');
  await expect(rep.getByTestId('current-item').locator('h2')).toContainText('2. Q3 launch messaging');
  await expect(mark.getByTestId('follow-bar')).toContainText('Maya is on 2. Q3 launch messaging');
  await expect(currentTitle(mark)).toContainText('1. Lost to Seismic');
  await mark.getByTestId('follow-again').click();
  await expect(currentTitle(mark)).toContainText('2. Q3 launch messaging');

  // Anyone may add an item that came up; the presenter moves it.
  await mark.getByTestId('live-agenda-item').fill('Partner pricing');
  await mark.getByTestId('live-agenda-item').press('Enter');
  await expect(maya.getByTestId('agenda-item')).toHaveCount(4, { timeout: 15_000 });
  await expect(maya.getByTestId('agenda-item').nth(3)).toContainText('Partner pricing');

  // A decision by keyboard; discussion notes typed by two people merge.
  await maya.keyboard.press('Alt+Shift+D');
  await expect(maya.getByTestId('new-decision')).toBeFocused();
  await maya.keyboard.type('Lead the launch with the ROI story');
  await maya.keyboard.press('Enter');
  await expect(mark.getByTestId('decision')).toHaveText(/Lead the launch with the ROI story/, { timeout: 15_000 });
  await maya.getByTestId('item-notes').fill('Maya: customers ask for payback.');
  await expect(rep.getByTestId('item-notes')).toHaveValue('Maya: customers ask for payback.', { timeout: 15_000 });

  // Sales adds an action item while the server is down.
  await server.stop();
  await expect(rep.getByTestId('connection')).toHaveAttribute('data-status', /offline|connecting/);
  // Without the presenter's presence the follower stays where the presenter was.
  await expect(rep.getByTestId('follow-bar')).toHaveAttribute('data-state', 'away');
  await expect(currentTitle(rep)).toContainText('2. Q3 launch messaging');
  await rep.keyboard.press('Alt+Shift+A');
  await expect(rep.getByTestId('new-action')).toBeFocused();
  await rep.keyboard.type('Refresh the pricing slide');
  // Owners come from the server's member list, so a non-host client can assign someone never seen online.
  await expect(rep.getByTestId('action-owner').locator('option')).toHaveText(['Rep', 'Dana', 'Mark', 'Maya']);
  await rep.getByTestId('action-owner').selectOption({ label: 'Rep' });
  await rep.getByRole('button', { name: 'Add action' }).click();
  await expect(rep.getByTestId('action')).toContainText('Refresh the pricing slide');
  await expect(maya.getByTestId('action')).toHaveCount(0);
  await server.start();
  for (const page of [maya, mark]) {
    await expect(page.getByTestId('action')).toContainText('Refresh the pricing slide', { timeout: 30_000 });
    await expect(page.getByTestId('action')).toContainText('Rep · due');
  }

  // The presenter marks the item done; the minutes hold the decision and the action.
  await maya.getByTestId('item-done').click();
  await expect(rep.getByTestId('agenda-item').nth(1)).toContainText('✓', { timeout: 15_000 });
  const download = maya.waitForEvent('download');
  await maya.getByTestId('minutes-md').click();
  const minutes = readFileSync((await (await download).path())!, 'utf8');
  expect(minutes).toContain('## 2. Q3 launch messaging ✓');
  expect(minutes).toContain('- Lead the launch with the ROI story');
  expect(minutes).toContain('- [ ] Refresh the pricing slide — Rep, due');
  expect(minutes).toContain('Maya: customers ask for payback.');

  // The action is the salesperson's: shown to them on the joint reviews page, searchable decisions too.
  await rep.getByText('← Joint reviews').click();
  await expect(rep.getByTestId('my-action')).toContainText('Refresh the pricing slide');
  await expect(rep.getByTestId('due-banner')).toHaveText('1 action of yours due this week');
  await rep.getByTestId('decision-search').fill('roi');
  await expect(rep.getByTestId('decision-results')).toContainText('Lead the launch with the ROI story');
  // Opening the app again tells the owner what is due.
  await rep.reload();
  await expect(rep.locator('.toast').filter({ hasText: '1 action due this week' })).toBeVisible({ timeout: 15_000 });
});
