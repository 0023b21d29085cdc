/**
 * Moving a workspace between devices as a .duet file: what is exported comes back on an empty device, and
 * importing into the workspace that already has it merges without duplicating anything.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import {
  caretAtEnd,
  createPlaybook,
  createWorkspace,
  expectSaved,
  MESSAGING_HOUSE_TITLES,
  narrativeSection,
  narrativeSections,
  narrativeTitles,
  openFreshApp,
  playbookNames,
  selectPlaybook,
  toast,
} from './support/duet';

const HOUSE = 'Q1 launch house';
const PITCH = 'CFO pitch';
const EDITED_KEY = 'Fernway turns breakdowns into a calendar entry.';

/** Exports the open workspace through the footer link; returns the saved file's path. */
async function exportWorkspace(page: Page, path: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByTestId('export-workspace').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Acme-marketing-\d{4}-\d{2}-\d{2}\.duet$/);
  await file.saveAs(path);
  await expect(toast(page, /^Exported \d+ documents to /)).toBeVisible();
  return path;
}

/** Imports a file through the footer link and its file chooser. */
async function importFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-workspace').click();
  await (await chooser).setFiles(path);
}

/** A workspace with two playbooks, one edited by hand (key message and details). */
async function buildWorkspace(page: Page): Promise<void> {
  await createWorkspace(page, 'Acme marketing');
  await createPlaybook(page, PITCH, 'Persona pitch');
  await createPlaybook(page, HOUSE, 'Messaging house');
  const keyMessage = narrativeSection(page, 'Positioning').locator('.narrative-key-message');
  await keyMessage.selectText(); // as a drag across the line would
  await page.keyboard.type(EDITED_KEY);
  await expect(keyMessage).toHaveText(EDITED_KEY);
  await narrativeSection(page, 'Positioning')
    .getByRole('button', { name: /^Persona/ })
    .click();
  await page.getByTestId('narrative-details').getByLabel('Persona').fill('VP Operations');
  await page.getByTestId('narrative-details').getByRole('button', { name: 'Save' }).click();
  await expectSaved(page);
}

async function expectWorkspaceContent(page: Page): Promise<void> {
  await expect(playbookNames(page)).toHaveText([PITCH, HOUSE]);
  await selectPlaybook(page, HOUSE);
  await expect(narrativeTitles(page)).toHaveText(MESSAGING_HOUSE_TITLES);
  const positioning = narrativeSection(page, 'Positioning');
  await expect(positioning.locator('.narrative-key-message')).toHaveText(EDITED_KEY);
  await expect(positioning.getByRole('button', { name: /^Persona/ })).toHaveText('PersonaVP Operations');
  await selectPlaybook(page, PITCH);
  await expect(narrativeTitles(page)).toHaveText(['The pain', 'The promise', 'The proof', 'The ask']);
}

test('an exported workspace comes back whole on a device that has never seen it', async ({
  page,
  browser,
}, testInfo) => {
  await buildWorkspace(page);
  const file = await exportWorkspace(page, testInfo.outputPath('acme.duet'));
  expect(readFileSync(file).subarray(0, 6).toString('latin1')).toBe('DUETWS');

  // A new browser context is a new device: empty IndexedDB and localStorage.
  const device = await browser.newContext();
  try {
    const other = await device.newPage();
    await openFreshApp(other);
    await importFile(other, file);
    await expect(toast(other, /^Imported “Acme marketing” \(\d+ documents\)\.$/)).toBeVisible();
    await expect(other.getByRole('button', { name: /Acme marketing/ })).toBeVisible();
    await expectWorkspaceContent(other);
    // Imported data is stored, not just shown.
    await other.reload();
    await expectWorkspaceContent(other);
  } finally {
    await device.close();
  }
});

test('importing a workspace into the copy that already has it merges without duplicating anything', async ({
  page,
}, testInfo) => {
  await buildWorkspace(page);
  const file = await exportWorkspace(page, testInfo.outputPath('acme.duet'));

  // Work continues after the export: a narrative is added and the positioning gets a longer key message.
  await selectPlaybook(page, HOUSE);
  await caretAtEnd(narrativeSection(page, 'Objection handling').locator('.narrative-title'));
  await page.getByTestId('add-narrative').click();
  await page.keyboard.type('Pricing questions');
  await caretAtEnd(narrativeSection(page, 'Positioning').locator('.narrative-key-message'));
  await page.keyboard.type(' Every time.');
  await expectSaved(page);

  await importFile(page, file);
  await expect(toast(page, /^Merged \d+ documents into “Acme marketing”; nothing was overwritten\.$/)).toBeVisible();
  await expect(playbookNames(page)).toHaveText([PITCH, HOUSE]);
  await selectPlaybook(page, HOUSE);
  await expect(narrativeTitles(page)).toHaveText([...MESSAGING_HOUSE_TITLES, 'Pricing questions']);
  await expect(narrativeSection(page, 'Positioning').locator('.narrative-key-message')).toHaveText(
    `${EDITED_KEY} Every time.`,
  );
  // The workspace switcher still knows one Acme marketing, not two.
  await page.getByRole('button', { name: /Acme marketing/ }).click();
  await expect(page.getByRole('menuitem', { name: 'Acme marketing' })).toHaveCount(1);
  await page.keyboard.press('Escape');

  // And after a reload it is the same.
  await page.reload();
  await expect(playbookNames(page)).toHaveText([PITCH, HOUSE]);
  await selectPlaybook(page, HOUSE);
  await expect(narrativeSections(page)).toHaveCount(MESSAGING_HOUSE_TITLES.length + 1);
  await selectPlaybook(page, PITCH);
  await expect(narrativeTitles(page)).toHaveText(['The pain', 'The promise', 'The proof', 'The ask']);
});
