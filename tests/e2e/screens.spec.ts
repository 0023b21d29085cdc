/**
 * Every screen and dialog as a user sees it, in light and dark: axe-core finds no serious or critical
 * WCAG 2.2 AA problem on any of them, and each is photographed at 1280×720 and 1920×1080 for a person to
 * look at (test-results/screens/, not committed). The theme follows the OS (`prefers-color-scheme`, which
 * Playwright emulates) as it does for a user who never touched the setting.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { DealInput } from '../../shared/domain/deal';
import { expectAccessible } from './support/axe';
import { installDesktopShell } from './support/desktopShell';
import { dropFile } from './support/dropFile';
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
  settle,
} from './support/duet';
import { joinAs, test } from './support/joinServer';
import { narrativeIds, storeDeals } from './support/reviewScale';
import { freePort, startSyncServer } from './support/syncServer';

const SCREENS = resolve(import.meta.dirname, '../../test-results/screens');
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;
const NOTE_PHRASE = 'predicts which parts will fail';

/** Checks the screen with axe, then photographs it at both sizes (back at 1280×720 afterwards). */
async function look(page: Page, theme: string, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await settle(page);
  await expectAccessible(page, `${name}, ${theme}`);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await settle(page);
    await page.screenshot({
      path: join(SCREENS, `${name}-${theme}-${size.width}x${size.height}.png`),
      animations: 'disabled',
    });
  }
  await page.setViewportSize(SIZES[0]);
}

async function setRole(page: Page, role: 'Sales' | 'Storyteller'): Promise<void> {
  await page.getByTestId('sidebar-user').click();
  const dialog = page.getByTestId('profile-dialog');
  await dialog.getByRole('radio', { name: new RegExp(`^${role}`) }).check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
}

/** Twelve deals over the sample's first three narratives, closed over six months. */
function sampleDeals(ids: readonly string[]): DealInput[] {
  const outcomes = ['won', 'lost-competitor', 'won', 'open', 'won', 'lost-no-decision'] as const;
  return Array.from({ length: 12 }, (_, i) => ({
    account: `Account ${i + 1}`,
    dealName: `Fleet renewal ${i + 1}`,
    crmId: `OPP-${i + 1}`,
    amount: 12_000 + i * 1_500,
    currency: 'EUR',
    stage: 'decision',
    persona: i % 2 ? 'CFO' : 'COO',
    outcome: outcomes[i % outcomes.length]!,
    competitor: i % 3 ? 'Geotab' : '',
    closeDate: `2026-0${1 + (i % 6)}-1${i % 9}`,
    narratives: [{ narrativeId: ids[i % 3]!, reception: i % 4 ? 'resonated' : 'fell-flat' }],
    note: `Buyer asked about downtime ${i + 1}.`,
    perspective: 'rep',
  }));
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme, viewport: SIZES[0] });
    // Each screen is checked by axe and photographed twice: these tours take longer than one ordinary test.
    test.describe.configure({ timeout: 150_000 });

    test(`welcome, an empty workspace and the app's dialogs (${theme})`, async ({ page }) => {
      await openFreshApp(page);
      await look(page, theme, '01-welcome');
      await createWorkspace(page);
      await look(page, theme, '02-workspace-empty');
      await page.getByTestId('new-playbook').click();
      await expect(page.getByTestId('new-playbook-dialog')).toBeVisible();
      await look(page, theme, '03-new-playbook-dialog');
      await page.keyboard.press('Escape');
      await page.getByTestId('sidebar-user').click();
      await expect(page.getByTestId('profile-dialog')).toBeVisible();
      await look(page, theme, '04-profile-dialog');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Shortcuts' }).click();
      await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
      await look(page, theme, '05-shortcuts-dialog');
      await page.keyboard.press('Escape');
      await page.locator('.workspace-button').click();
      await expect(page.getByRole('menu')).toBeVisible();
      await look(page, theme, '06-workspace-menu');
      await page.getByRole('menuitem', { name: 'Join a sync server…' }).click();
      await look(page, theme, '07-join-server-dialog');
      await page.keyboard.press('Escape');
      // A workspace file dropped on the window: the question before importing it.
      const download = page.waitForEvent('download');
      await page.getByTestId('export-workspace').click();
      const exported = readFileSync((await (await download).path())!);
      await dropFile(page.locator('body'), 'Acme-marketing.duet', exported);
      await expect(page.getByTestId('import-confirm')).toBeVisible();
      await look(page, theme, '08-import-confirm-dialog');
    });

    test(`the sample playbook in the editor, with its dialogs and the deck (${theme})`, async ({ page }) => {
      await openSample(page);
      await selectPlaybook(page, SAMPLE.core.title);
      await look(page, theme, '10-editor');
      const first = narrativeSections(page).first();
      await first.getByTestId('status-badge').click();
      await expect(page.getByTestId('narrative-details')).toBeVisible();
      await look(page, theme, '11-narrative-details');
      await page.keyboard.press('Escape');
      await first.getByRole('button', { name: 'Narrative actions' }).click();
      await look(page, theme, '12-section-menu');
      await page.keyboard.press('Escape');
      await first.locator('.narrative-key-message').click();
      await page.keyboard.press('Control+K');
      await page.getByTestId('link-dialog').getByLabel('Address').fill('javascript:alert(1)');
      await page.getByTestId('link-dialog').getByRole('button', { name: 'Apply' }).click();
      await expect(page.getByTestId('link-dialog').getByRole('alert')).toBeVisible();
      await look(page, theme, '13-link-refused');
      await page.keyboard.press('Escape');
      await page.getByTestId('history-toggle').click();
      await expect(page.getByTestId('version-history')).toBeVisible();
      await look(page, theme, '14-version-history');
      await page.getByTestId('save-version').click();
      await expect(page.getByTestId('save-version-dialog')).toBeVisible();
      await look(page, theme, '15-save-version-dialog');
      await page.keyboard.press('Escape');
      await page.getByTestId('history-close').click();
      await page.getByTestId('open-deck-builder').click();
      const builder = page.getByTestId('deck-builder');
      await expect(builder).toBeVisible();
      for (const box of (await builder.getByTestId('deck-pick').getByRole('checkbox').all()).slice(0, 3)) {
        await box.check();
      }
      await expect(page.getByTestId('deck-preview').locator('section.deck-slide')).toHaveCount(5);
      await look(page, theme, '16-deck-builder');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: `Actions for ${SAMPLE.cfo.title}` }).click();
      await page.getByRole('menuitem', { name: /Delete/ }).click();
      await expect(page.getByRole('dialog', { name: 'Delete playbook?' })).toBeVisible();
      await look(page, theme, '17-confirm-delete');
    });

    test(`the review with deals, its chart, a deal form and the CSV import (${theme})`, async ({ page }) => {
      await openSample(page);
      await selectPlaybook(page, SAMPLE.core.title);
      const ids = await narrativeIds(page);
      await storeDeals(page, `${SAMPLE.workspaceId}/notes/${SAMPLE.core.id}`, sampleDeals(ids));
      await page.reload();
      await selectPlaybook(page, SAMPLE.core.title);
      await page.getByTestId('review-toggle').click();
      const review = page.getByTestId('review');
      await expect(review.getByTestId('rank-row').first()).toBeVisible();
      await look(page, theme, '20-review');
      await review.getByTestId('rank-row').first().click();
      await expect(review.getByTestId('win-chart')).toBeVisible();
      await look(page, theme, '21-review-narrative-chart');
      await page.getByTestId('csv-file').setInputFiles({
        name: 'crm.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('Account,Stage,Amount,Close Date,Outcome\nAcme,Closed Won,12000,2026-03-01,Won\n'),
      });
      await expect(page.getByTestId('csv-dialog')).toBeVisible();
      await look(page, theme, '22-csv-import');
      await page.keyboard.press('Escape');
      await page.getByTestId('review-toggle').click();
      await page.getByTestId('log-deal').first().focus();
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('quick-deal-form')).toBeVisible();
      await look(page, theme, '23-quick-deal-form');
    });

    test(`an anchored note, highlighted in the editor and listed in the review (${theme})`, async ({ page }) => {
      await openSample(page);
      await setRole(page, 'Sales');
      await selectPlaybook(page, SAMPLE.core.title);
      const body = page.locator('[data-narrative-id="fw-positioning"] .narrative-body');
      await body.evaluate((el, phrase) => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
          const at = n.textContent!.indexOf(phrase);
          if (at === -1) continue;
          const range = document.createRange();
          range.setStart(n, at);
          range.setEnd(n, at + phrase.length);
          window.getSelection()!.removeAllRanges();
          window.getSelection()!.addRange(range);
          return;
        }
      }, NOTE_PHRASE);
      await expect(page.getByTestId('add-note')).toBeVisible();
      await look(page, theme, '30-add-note-button');
      await page.getByTestId('add-note').click();
      const dialog = page.getByTestId('anchored-note-dialog');
      await dialog.getByTestId('anchored-note-text').fill('The CFO asked how accurate the prediction is.');
      await look(page, theme, '31-anchored-note-dialog');
      await dialog.getByRole('button', { name: 'Save note' }).click();
      await expect(dialog).toBeHidden();
      await page.evaluate(() => window.getSelection()?.removeAllRanges());
      await look(page, theme, '32-anchored-note-highlight');
      await page.getByTestId('review-toggle').click();
      await expect(page.getByTestId('anchored-note-card')).toBeVisible();
      await look(page, theme, '33-review-anchored-notes');
    });

    test(`two people in one playbook: presence, a remote cursor, the invite dialog (${theme})`, async ({ browser }) => {
      const server = await startSyncServer();
      try {
        const maya = await joinAs(browser, server, 'Maya', server.invite('acme', 'Maya', 'storyteller'));
        const jonas = await joinAs(browser, server, 'Jonas', server.invite('acme', 'Jonas', 'marketing'));
        for (const page of [maya, jonas]) await page.emulateMedia({ colorScheme: theme });
        await maya.getByTestId('new-playbook').click();
        await maya.getByTestId('new-playbook-dialog').getByLabel('Title').fill('Launch story');
        await maya.getByRole('button', { name: 'Create playbook' }).click();
        await jonas.getByRole('button', { name: 'Launch story', exact: true }).click();
        await jonas.getByTestId('editor').locator('.narrative-title').nth(1).click();
        await jonas.keyboard.press('End');
        await expect(maya.getByTestId('presence')).toHaveAttribute('aria-label', /Jonas/);
        await expect(maya.getByTestId('remote-cursors').getByText('Jonas', { exact: true })).toBeVisible();
        await maya.setViewportSize(SIZES[0]);
        await look(maya, theme, '50-live-collaboration');
        await maya.locator('.workspace-button').click();
        await maya.getByRole('menuitem', { name: 'Invite people…' }).click();
        await look(maya, theme, '51-invite-dialog');
        await maya.context().close();
        await jonas.context().close();
      } finally {
        await server.dispose();
      }
    });

    test(`the desktop app's Host and About dialogs, through the desktop shell (${theme})`, async ({ page }) => {
      const shell = await installDesktopShell(page);
      try {
        await createWorkspace(page);
        await page.locator('.workspace-button').click();
        await page.getByRole('menuitem', { name: 'Host on this computer…' }).click();
        const host = page.getByTestId('host-dialog');
        await expect(host.getByLabel('Port')).toBeFocused();
        await host.getByLabel('Port').fill(String(await freePort()));
        await look(page, theme, '60-host-dialog');
        await host.getByRole('button', { name: 'Start hosting' }).click();
        await expect(host.getByTestId('host-state')).toContainText('Hosting on port');
        // Hosting joins this workspace to its own server (the workspace reopens): the dialog stays open.
        await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'live', { timeout: 15_000 });
        await expect(host.getByLabel('Name')).toBeVisible();
        await host.getByLabel('Name').fill('Sam Rivera');
        await host.getByRole('button', { name: 'Create invite' }).click();
        await expect(host.getByTestId('host-invite-result')).toBeVisible();
        await expect(host.getByText('Sam Rivera').first()).toBeVisible();
        await look(page, theme, '61-host-dialog-running');
        await page.keyboard.press('Escape');
        await expect(host).toBeHidden();
        // Help → About Duet is a native menu item: the menu sends its command.
        await shell.menu('help:about');
        const about = page.getByRole('dialog', { name: 'About Duet' });
        await expect(about).toContainText('Version 0.0.0-e2e · Desktop app · linux');
        await look(page, theme, '62-about-dialog');
      } finally {
        await shell.dispose();
      }
    });

    test(`the unreadable playbook, a refused import and an unreadable workspace (${theme})`, async ({ page }) => {
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
      await look(page, theme, '40-unreadable-and-refused-import');
      await overwriteStoredDoc(page, `${SAMPLE.workspaceId}/directory`, [1, 2, 3, 4, 5, 6, 7, 8]);
      await page.reload();
      await expect(page.getByTestId('workspace-unreadable')).toBeVisible();
      await look(page, theme, '41-workspace-unreadable');
    });
  });
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`joint reviews, ${theme} theme`, () => {
    test.use({ colorScheme: theme, viewport: SIZES[0] });
    test.describe.configure({ timeout: 150_000 });

    test(`the joint reviews: goals, a new meeting with its proposed agenda, the meeting running (${theme})`, async ({
      page,
    }) => {
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
      await look(page, theme, '40-meetings-empty');

      await page.getByTestId('add-goal').click();
      await page.getByTestId('goal-title').fill('Win against Seismic');
      await page.getByTestId('goal-competitor').fill('Seismic');
      await page.getByTestId('goal-target').fill('40');
      await look(page, theme, '41-goal-dialog');
      await page.getByTestId('goal-dialog').getByRole('button', { name: 'Add goal' }).click();
      await page.getByTestId('add-goal').click();
      await page.getByTestId('goal-title').fill('Win rate overall');
      await page.getByTestId('goal-target').fill('85');
      await page.getByTestId('goal-dialog').getByRole('button', { name: 'Add goal' }).click();
      await page.getByTestId('add-goal').click();
      await page.getByTestId('goal-title').fill('Approvals stay fresh');
      await page.getByTestId('goal-metric').selectOption('approval-age');
      await page.getByTestId('goal-dialog').getByRole('button', { name: 'Add goal' }).click();
      await expect(page.getByTestId('goal-card')).toHaveCount(3);
      await look(page, theme, '42-goals');
      await selectPlaybook(page, SAMPLE.core.title);
      await page.getByTestId('review-toggle').click();
      await expect(page.getByTestId('review-goals')).toContainText('Win against Seismic');
      await look(page, theme, '46-review-with-goals');
      await page.getByTestId('open-meetings').click();

      await page.getByTestId('new-meeting').click();
      await expect(page.getByTestId('proposed-item').first()).toBeVisible();
      await page.getByTestId('new-agenda-item').fill('Q3 launch messaging');
      await page.getByTestId('new-agenda-item').press('Enter');
      await look(page, theme, '43-new-meeting-dialog');
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
      await look(page, theme, '44-meeting-room');
      await page.getByText('← Joint reviews').click();
      await page.getByTestId('decision-search').fill('soc');
      await expect(page.getByTestId('decision-results')).toContainText('SOC 2 summary');
      await look(page, theme, '45-meetings-with-history');
    });
  });
}
