/** The sidebar's playbook list: rename, duplicate, filter and delete (with undo). */
import { expect, test, type Page } from '@playwright/test';
import {
  narrativeTitles,
  openSample,
  playbookNames,
  playbookRow,
  SAMPLE,
  selectPlaybook,
  settle,
} from './support/duet';

/** The sample's titles in the order the sidebar lists them (alphabetical). */
const LISTED = [SAMPLE.cfo.title, SAMPLE.competitive.title, SAMPLE.core.title];

async function rowMenu(page: Page, title: string, item: string): Promise<void> {
  await playbookRow(page, title)
    .getByRole('button', { name: `Actions for ${title}` })
    .click();
  await page.getByRole('menuitem', { name: item }).click();
}

test('a playbook renamed by double-click or from its menu keeps the new name after a reload', async ({ page }) => {
  await openSample(page);
  await expect(playbookNames(page)).toHaveText(LISTED);
  await selectPlaybook(page, SAMPLE.cfo.title);

  await playbookRow(page, SAMPLE.cfo.title).getByRole('button', { name: SAMPLE.cfo.title, exact: true }).dblclick();
  const input = page.getByTestId('rename-input');
  await expect(input).toBeFocused();
  await expect(input).toHaveValue(SAMPLE.cfo.title);
  await input.fill('Board pitch');
  await input.press('Enter');
  await expect(input).toHaveCount(0);
  await expect(playbookNames(page)).toHaveText(['Board pitch', SAMPLE.competitive.title, SAMPLE.core.title]);
  // The open playbook's title bar follows.
  await expect(page.getByTestId('playbook-title')).toHaveValue('Board pitch');

  // Escape in the rename field keeps the old name.
  await rowMenu(page, SAMPLE.core.title, 'Rename');
  await expect(input).toBeFocused();
  await input.fill('Never mind');
  await input.press('Escape');
  await expect(playbookNames(page)).toHaveText(['Board pitch', SAMPLE.competitive.title, SAMPLE.core.title]);

  await rowMenu(page, SAMPLE.competitive.title, 'Rename');
  await input.fill('Against dealer portals');
  await input.press('Enter');
  await expect(playbookNames(page)).toHaveText(['Against dealer portals', 'Board pitch', SAMPLE.core.title]);

  // Renaming from the title bar works too.
  await page.getByTestId('playbook-title').fill('Board pitch 2027');
  await page.getByTestId('playbook-title').press('Enter');
  await expect(playbookNames(page)).toHaveText(['Against dealer portals', 'Board pitch 2027', SAMPLE.core.title]);

  await settle(page);
  await page.reload();
  await expect(playbookNames(page)).toHaveText(['Against dealer portals', 'Board pitch 2027', SAMPLE.core.title]);
  await expect(page.getByTestId('playbook-title')).toHaveValue('Board pitch 2027');
});

test('a duplicated playbook opens as a copy with the same narratives', async ({ page }) => {
  await openSample(page);
  await selectPlaybook(page, SAMPLE.cfo.title);
  const originalTitles = await narrativeTitles(page).allTextContents();
  expect(originalTitles.length).toBeGreaterThan(0);

  await rowMenu(page, SAMPLE.cfo.title, 'Duplicate');
  const copy = `${SAMPLE.cfo.title} (copy)`;
  await expect(playbookNames(page)).toHaveText([SAMPLE.cfo.title, copy, SAMPLE.competitive.title, SAMPLE.core.title]);
  await expect(page.getByTestId('playbook-title')).toHaveValue(copy);
  await expect(narrativeTitles(page)).toHaveText(originalTitles);

  // The copy is its own document: editing it leaves the original alone.
  await narrativeTitles(page).first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(' (edited)');
  await expect(narrativeTitles(page).first()).toHaveText(`${originalTitles[0]} (edited)`);
  await selectPlaybook(page, SAMPLE.cfo.title);
  await expect(narrativeTitles(page)).toHaveText(originalTitles);
});

test('the filter shows only playbooks whose title matches, and says when none does', async ({ page }) => {
  await openSample(page);
  const filter = page.getByTestId('playbook-filter');
  await filter.fill('DEALER');
  await expect(playbookNames(page)).toHaveText([SAMPLE.competitive.title]);
  await filter.fill('fernway');
  await expect(playbookNames(page)).toHaveText([SAMPLE.core.title]);
  await filter.fill('pitch');
  await expect(playbookNames(page)).toHaveText([SAMPLE.cfo.title]);
  await filter.fill('roadmap');
  await expect(playbookNames(page)).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Playbooks' })).toContainText(
    'No playbook title contains “roadmap”.',
  );
  await filter.fill('');
  await expect(playbookNames(page)).toHaveText(LISTED);
});

test('deleting a playbook asks first, and the toast can undo it', async ({ page }) => {
  await openSample(page);
  await selectPlaybook(page, SAMPLE.competitive.title);

  await rowMenu(page, SAMPLE.competitive.title, 'Delete…');
  const confirm = page.getByRole('dialog', { name: 'Delete playbook?' });
  await expect(confirm).toContainText(`“${SAMPLE.competitive.title}” will be removed from this workspace`);
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(playbookNames(page)).toHaveText(LISTED);

  await rowMenu(page, SAMPLE.competitive.title, 'Delete…');
  await confirm.getByRole('button', { name: 'Delete playbook' }).click();
  await expect(confirm).toBeHidden();
  await expect(playbookNames(page)).toHaveText([SAMPLE.cfo.title, SAMPLE.core.title]);
  // The open playbook was the deleted one: the editor makes way.
  await expect(page.getByTestId('editor')).toHaveCount(0);
  const toast = page.getByTestId('toast').filter({ hasText: `Deleted “${SAMPLE.competitive.title}”.` });
  await expect(toast).toBeVisible();
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(toast).toBeHidden();
  await expect(playbookNames(page)).toHaveText(LISTED);
  await selectPlaybook(page, SAMPLE.competitive.title);
  await expect(narrativeTitles(page).first()).toHaveText('Mixed fleets need one view');

  // A delete that is not undone lasts.
  await rowMenu(page, SAMPLE.cfo.title, 'Delete…');
  await confirm.getByRole('button', { name: 'Delete playbook' }).click();
  await expect(playbookNames(page)).toHaveText([SAMPLE.competitive.title, SAMPLE.core.title]);
  await settle(page);
  await page.reload();
  await expect(playbookNames(page)).toHaveText([SAMPLE.competitive.title, SAMPLE.core.title]);
});
