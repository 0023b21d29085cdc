/** A first start: from the welcome screen to a playbook built from the "Messaging house" template. */
import { expect, test } from '@playwright/test';
import {
  createPlaybook,
  createWorkspace,
  expectSaved,
  MESSAGING_HOUSE_TITLES,
  narrativeSections,
  narrativeTitles,
  openFreshApp,
  outlineTitles,
  playbookNames,
} from './support/duet';

test('a first-time user is welcomed and asked to create a workspace or explore the sample', async ({ page }) => {
  await openFreshApp(page);
  const welcome = page.getByTestId('welcome');
  await expect(welcome.getByRole('heading', { level: 1 })).toHaveText('Write the stories that win deals.');
  await expect(welcome.getByRole('button', { name: 'Create workspace' })).toBeEnabled();
  await expect(page.getByTestId('open-sample')).toBeEnabled();
  // Nothing to export before there is a workspace.
  await expect(page.getByTestId('export-workspace')).toHaveCount(0);
});

test('a new workspace starts empty and explains what a playbook is and how to make one', async ({ page }) => {
  await createWorkspace(page, 'Acme marketing', 'Maya Okafor');
  const empty = page.getByTestId('workspace-empty');
  await expect(empty.getByRole('heading')).toHaveText('Write your first playbook');
  await expect(empty).toContainText('key message');
  await expect(empty).toContainText('messaging house');
  await expect(empty.getByRole('button', { name: 'New playbook' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Playbooks' })).toContainText('No playbooks yet.');
  await expect(page.getByRole('button', { name: /Acme marketing/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /Maya Okafor/ })).toBeVisible();

  // The workspace is remembered: a reload comes back to it, not to the welcome screen.
  await page.reload();
  await expect(page.getByTestId('workspace-empty')).toBeVisible();
});

test('a playbook from the Messaging house template shows its narratives in the editor and the outline', async ({
  page,
}) => {
  await createWorkspace(page);
  // From the empty state's own button, as a first-time user would.
  await page.getByTestId('workspace-empty').getByRole('button', { name: 'New playbook' }).click();
  const dialog = page.getByTestId('new-playbook-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /^Messaging house/ })).toBeChecked();
  await dialog.getByLabel('Title').fill('Q1 launch house');
  await dialog.getByRole('button', { name: 'Create playbook' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByTestId('playbook-title')).toHaveValue('Q1 launch house');
  await expect(playbookNames(page)).toHaveText(['Q1 launch house']);
  await expect(page.getByTestId('editor').getByRole('heading', { level: 1, name: 'Messaging house' })).toBeVisible();
  await expect(narrativeTitles(page)).toHaveText(MESSAGING_HOUSE_TITLES);
  await expect(outlineTitles(page)).toHaveText(MESSAGING_HOUSE_TITLES);
  await expect(page.getByTestId('outline').locator('.outline-count')).toHaveText('5');
  // Every section carries its chrome: a Draft badge and the stage the template gave it.
  await expect(narrativeSections(page).getByTestId('status-badge')).toHaveText(Array(5).fill('Draft'));
  await expect(narrativeSections(page).first().getByRole('button', { name: /Stage/ })).toContainText('Awareness');
  await expectSaved(page);
});

test('a playbook can also start from the Persona pitch or a blank page', async ({ page }) => {
  await createWorkspace(page);
  await createPlaybook(page, 'CFO pitch', 'Persona pitch');
  await expect(narrativeTitles(page)).toHaveText(['The pain', 'The promise', 'The proof', 'The ask']);
  await createPlaybook(page, 'Scratch', 'Blank');
  await expect(narrativeSections(page)).toHaveCount(1);
  await expect(outlineTitles(page)).toHaveText(['Untitled narrative']);
  await expect(playbookNames(page)).toHaveText(['CFO pitch', 'Scratch']);
});
