/**
 * Governance through a real sync server, three people in their own browsers: marketing requests review →
 * the storyteller approves → marketing edits → every badge says "Changed since approved"; sales opens the
 * playbook and sees what changed (with the diff) and marks it seen; the activity feed tells who did what; a
 * hundred days later the approval is stale — badge, "Needs review" list — and the deck builder warns before
 * exporting it and leaves it out in one click.
 */
import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { expect, type Page } from '@playwright/test';
import { narrativeSections } from './support/duet';
import { joinAs, sharedSyncServer, test } from './support/joinServer';

const SHOTS = resolve(import.meta.dirname, '../../test-results/screens');
const DAY = 86_400_000;

test.describe.configure({ mode: 'serial' });

const server = sharedSyncServer();
test.beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});

const narrative = (page: Page, index: number) => narrativeSections(page).nth(index);
const badge = (page: Page, index: number) => narrative(page, index).getByTestId('status-badge');

async function openPlaybook(page: Page, title: string): Promise<void> {
  await expect(page.getByTestId('playbook-list')).toContainText(title);
  await page.getByRole('button', { name: title, exact: true }).click();
  await expect(narrativeSections(page)).toHaveCount(5);
}

async function approve(page: Page, index: number): Promise<void> {
  await narrative(page, index).getByTestId('approval-button').click();
  const dialog = page.getByTestId('approval-dialog');
  await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(dialog).toBeHidden();
}

test('request → approve → edit → changed; sales sees what changed; stale approvals warn in the deck', async ({
  browser,
}, info) => {
  test.setTimeout(180_000);
  const maya = await joinAs(browser, server, 'Maya', server.invite('acme', 'Maya', 'storyteller'));
  const mo = await joinAs(browser, server, 'Mo', server.invite('acme', 'Mo', 'marketing'));
  const rep = await joinAs(browser, server, 'Rep', server.invite('acme', 'Rep', 'sales'));

  await maya.getByTestId('new-playbook').click();
  await maya.getByTestId('new-playbook-dialog').getByLabel('Title').fill('Launch story');
  await maya.getByRole('button', { name: 'Create playbook' }).click();
  await expect(narrativeSections(maya)).toHaveCount(5);
  // A saved version before anyone else looks: the "what changed" diff compares from it.
  await maya.getByTestId('history-toggle').click();
  await maya.getByTestId('save-version').click();
  await maya.getByTestId('save-version-dialog').getByTestId('version-name').fill('First draft');
  await maya.getByTestId('save-version-dialog').getByRole('button', { name: 'Save version' }).click();
  await maya.getByTestId('history-close').click();

  await openPlaybook(mo, 'Launch story');
  await openPlaybook(rep, 'Launch story');
  await expect(badge(rep, 0)).toHaveText('Draft');
  await rep.waitForTimeout(2_000); // the first visit is remembered once the content has settled
  await expect(rep.getByTestId('what-changed')).toHaveCount(0); // a first visit only remembers what is there
  await expect(narrative(rep, 0).getByTestId('approval-button')).toHaveCount(0); // sales cannot act

  // Marketing requests review; marketing cannot approve, not even from the details dialog.
  await expect(narrative(mo, 0).getByTestId('approval-button')).toHaveText('Approval…');
  await narrative(mo, 0).getByTestId('approval-button').click();
  const moDialog = mo.getByTestId('approval-dialog');
  await expect(moDialog.getByRole('button', { name: 'Approve', exact: true })).toHaveCount(0);
  await moDialog.getByLabel('Note for the storyteller (optional)').fill('Ready for the launch deck');
  await moDialog.getByRole('button', { name: 'Request review' }).click();
  for (const page of [maya, mo, rep]) await expect(badge(page, 0)).toHaveText('In review');
  await badge(mo, 0).click();
  const details = mo.getByTestId('narrative-details');
  await expect(details.getByRole('radio', { name: 'Approved' })).toBeDisabled();
  await expect(details.getByTestId('status-locked')).toContainText('Only a storyteller can approve');
  await details.getByRole('button', { name: 'Cancel' }).click();

  // The storyteller sees the request with its note, and approves.
  await expect(narrative(maya, 0).getByTestId('approval-button')).toHaveText('Approval…');
  await narrative(maya, 0).getByTestId('approval-button').click();
  const mayaDialog = maya.getByTestId('approval-dialog');
  await expect(mayaDialog.getByTestId('approval-state')).toHaveText('In review');
  await expect(mayaDialog.getByRole('region', { name: 'History' })).toContainText('Mo requested review');
  await expect(mayaDialog.getByRole('region', { name: 'History' })).toContainText('Ready for the launch deck');
  await mayaDialog.getByLabel('Comment (needed to send back)').fill('Good to go');
  await mayaDialog.screenshot({ path: join(SHOTS, 'governance-approval-dialog.png') });
  await mayaDialog.getByRole('button', { name: 'Approve', exact: true }).click();
  for (const page of [maya, mo, rep]) await expect(badge(page, 0)).toHaveText('Approved');

  // Marketing rewrites the approved claim: nobody resets anything, every badge says so.
  await narrative(mo, 0).locator('.narrative-key-message').click();
  await mo.keyboard.press('End');
  await mo.keyboard.type(' Now 40% faster.');
  for (const page of [maya, mo, rep]) await expect(badge(page, 0)).toHaveText('Changed since approved');
  await narrative(maya, 0).screenshot({ path: join(SHOTS, 'governance-changed-badge.png') });

  // Sales opens the playbook again: what changed since the last look, with the diff, then "mark as seen".
  await rep.reload();
  await expect(rep.getByTestId('connection')).toHaveAttribute('data-status', 'live');
  await openPlaybook(rep, 'Launch story');
  const banner = rep.getByTestId('what-changed');
  await expect(banner.getByTestId('what-changed-item')).toHaveCount(1);
  await expect(banner.getByTestId('what-changed-item')).toContainText('rewritten');
  await banner.screenshot({ path: join(SHOTS, 'governance-what-changed.png') });
  await banner.getByTestId('what-changed-diff').click();
  await expect(rep.getByTestId('compare')).toContainText('40% faster.');
  await rep.getByTestId('history-close').click();
  await rep.getByTestId('mark-seen').click();
  await expect(rep.getByTestId('what-changed')).toHaveCount(0);

  // The storyteller approves the rewrite: sales is told it was approved again.
  await approve(maya, 0);
  await expect(banner.getByTestId('what-changed-item')).toContainText('approved');
  await expect(badge(rep, 0)).toHaveText('Approved');

  // The activity feed, from the records, filtered by person.
  await maya.getByTestId('activity-toggle').click();
  const feed = maya.getByTestId('activity-list');
  await expect(feed.getByTestId('activity-item')).toHaveCount(3);
  await expect(feed.getByTestId('activity-item').last()).toContainText('Mo requested review of “Positioning”');
  await expect(feed.getByTestId('activity-item').last()).toContainText('Ready for the launch deck');
  await maya.getByTestId('activity-panel').screenshot({ path: join(SHOTS, 'governance-activity.png') });
  await maya.getByTestId('activity-person').selectOption('Mo');
  await expect(feed.getByTestId('activity-item')).toHaveCount(1);
  await maya.getByTestId('activity-kind').selectOption('approved');
  await expect(maya.getByTestId('activity-panel')).toContainText('Nothing matches these filters.');
  await maya.getByTestId('activity-panel').getByRole('button', { name: 'Back to text' }).click();

  // A storyteller sends a narrative back with a comment; its writer sees why.
  await narrative(mo, 3).getByTestId('approval-button').click();
  await mo.getByTestId('approval-dialog').getByRole('button', { name: 'Request review' }).click();
  await narrative(maya, 3).getByTestId('approval-button').click();
  const sendBack = maya.getByTestId('approval-dialog');
  await sendBack.getByRole('button', { name: 'Send back' }).click();
  await expect(sendBack.getByRole('alert')).toContainText('Say what needs to change');
  await sendBack.getByLabel('Comment (needed to send back)').fill('Cite the uptime study');
  await sendBack.getByRole('button', { name: 'Send back' }).click();
  await expect(badge(mo, 3)).toHaveText('Sent back');
  await narrative(mo, 3).getByTestId('approval-button').click();
  await expect(mo.getByTestId('approval-dialog').getByRole('region', { name: 'History' })).toContainText(
    'Maya sent back',
  );
  await expect(mo.getByTestId('approval-dialog')).toContainText('Cite the uptime study');
  await mo.getByTestId('approval-dialog').getByRole('button', { name: 'Cancel' }).click();

  // Pillar 1 approved today; a hundred days later (Maya's clock) both approvals are past their review-by date.
  await approve(maya, 1);
  await expect(badge(mo, 1)).toHaveText('Approved');
  await maya.clock.setFixedTime(new Date(Date.now() + 100 * DAY));
  await maya.reload();
  await expect(maya.getByTestId('connection')).toHaveAttribute('data-status', 'live');
  await openPlaybook(maya, 'Launch story');
  await expect(narrative(maya, 0).getByTestId('stale-badge')).toBeVisible();
  await expect(narrative(maya, 1).getByTestId('stale-badge')).toBeVisible();
  await approve(maya, 2); // Pillar 2 approved "now": fresh
  await expect(narrative(maya, 2).getByTestId('stale-badge')).toHaveCount(0);
  await narrative(maya, 1).screenshot({ path: join(SHOTS, 'governance-stale-badge.png') });

  // The workspace's Needs review list, with its count in the sidebar.
  await maya.getByTestId('needs-review-entry').click();
  const list = maya.getByTestId('needs-review');
  await expect(list.getByTestId('needs-review-item')).toHaveCount(2);
  await expect(maya.getByTestId('needs-review-count')).toContainText('2');
  await expect(list).toContainText('review was due');
  await maya.screenshot({ path: join(SHOTS, 'governance-needs-review.png') });
  await list.getByRole('button', { name: 'Open playbook' }).first().click();
  await expect(narrativeSections(maya)).toHaveCount(5);

  // The deck builder warns about the stale narratives and leaves them out in one click.
  const titles = (await narrativeSections(maya).locator('h2.narrative-title').allTextContents()).map((t) => t.trim());
  await maya.getByTestId('open-deck-builder').click();
  const builder = maya.getByTestId('deck-builder');
  for (const title of titles.slice(0, 3))
    await builder.getByTestId('deck-pick').getByRole('checkbox', { name: title }).check();
  await expect(builder.getByTestId('deck-caution')).toHaveCount(4); // Positioning, Pillar 1 stale; 3 and 4 drafts
  await builder.getByRole('button', { name: 'Export PowerPoint…' }).click();
  const warning = maya.getByTestId('deck-warning');
  await expect(warning.getByTestId('deck-warning-list').locator('li')).toHaveCount(2);
  await expect(warning).toContainText('review was due');
  await warning.screenshot({ path: join(SHOTS, 'governance-deck-warning.png') });
  const download = maya.waitForEvent('download');
  await warning.getByRole('button', { name: 'Leave them out and export' }).click();
  const path = info.outputPath('deck.pptx');
  await (await download).saveAs(path);
  const zip = await JSZip.loadAsync(readFileSync(path));
  const slides = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
  expect(slides).toHaveLength(3); // title, Pillar 2, closing
  const body = await zip.file('ppt/slides/slide2.xml')!.async('string');
  expect(body).toContain(titles[2]!.slice(0, 20));
  await expect(maya.getByTestId('deck-order-title')).toHaveText([titles[2]!]);
});
