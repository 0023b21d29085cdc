/** The app's keyboard shortcuts, and Escape as the way out of every dialog. */
import { expect, test } from '@playwright/test';
import { createWorkspace, narrativeSections, openSample, outlineItems, SAMPLE, selectPlaybook } from './support/duet';

test('Ctrl+/ lists the shortcuts and Escape closes the list', async ({ page }) => {
  await openSample(page);
  await page.keyboard.press('Control+/');
  const dialog = page.getByTestId('shortcuts-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading')).toHaveText('Keyboard shortcuts');
  // In a browser the new-playbook shortcut is Ctrl+Alt+N (Ctrl+N belongs to the browser).
  await expect(dialog.getByRole('row', { name: /New playbook/ })).toContainText('Alt');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // It works from inside the editor too, and from the footer link.
  await selectPlaybook(page, SAMPLE.core.title);
  await narrativeSections(page).first().locator('.narrative-title').click();
  await page.keyboard.press('Control+/');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Shortcuts', exact: true }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('Ctrl+Alt+N opens the new playbook dialog with the title field ready, and Escape closes it', async ({ page }) => {
  await createWorkspace(page);
  await page.keyboard.press('Control+Alt+N');
  const dialog = page.getByTestId('new-playbook-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Title')).toBeFocused();
  await page.keyboard.type('Typed straight away');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('workspace-empty')).toBeVisible();

  // Enter in the title creates the playbook.
  await page.keyboard.press('Control+Alt+N');
  await expect(dialog.getByLabel('Title')).toBeFocused();
  await expect(dialog.getByLabel('Title')).toHaveValue('');
  await page.keyboard.type('Keyboard-made');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('playbook-title')).toHaveValue('Keyboard-made');
});

test('Escape closes the details, link, confirmation, profile and prompt dialogs without changing anything', async ({
  page,
}) => {
  await openSample(page);
  await selectPlaybook(page, SAMPLE.core.title);
  const first = narrativeSections(page).first();

  await first.getByTestId('status-badge').click();
  await expect(page.getByTestId('narrative-details')).toBeVisible();
  await page.getByTestId('narrative-details').getByLabel('Persona').fill('Changed my mind');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('narrative-details')).toBeHidden();
  await expect(first.getByRole('button', { name: /^Persona/ })).toHaveText('PersonaVP Operations');

  await first.locator('.narrative-key-message').click();
  await page.keyboard.press('Control+K');
  await expect(page.getByTestId('link-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('link-dialog')).toBeHidden();

  await first.getByRole('button', { name: 'Narrative actions' }).click();
  await page.getByRole('menuitem', { name: 'Delete…' }).click();
  await expect(page.getByRole('dialog', { name: 'Delete narrative?' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Delete narrative?' })).toBeHidden();
  await expect(narrativeSections(page)).toHaveCount(4);

  await page.locator('.sidebar-user').click();
  await expect(page.getByTestId('profile-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('profile-dialog')).toBeHidden();

  await page.locator('.workspace-button').click();
  await page.getByRole('menuitem', { name: 'New workspace…' }).click();
  await expect(page.getByTestId('prompt-dialog').getByLabel('Workspace name')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('prompt-dialog')).toBeHidden();
  await expect(page.locator('.workspace-name')).toHaveText(SAMPLE.workspaceName);
});

test('Ctrl+\\ hides and shows the outline', async ({ page }) => {
  await openSample(page);
  await selectPlaybook(page, SAMPLE.core.title);
  await expect(outlineItems(page)).toHaveCount(4);
  await page.keyboard.press('Control+\\');
  await expect(page.getByTestId('outline')).toHaveCount(0);
  await page.keyboard.press('Control+\\');
  await expect(outlineItems(page)).toHaveCount(4);
});
