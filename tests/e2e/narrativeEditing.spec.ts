/**
 * Writing narratives: adding them, filling in their text and details, reordering them every way the UI
 * offers — and finding all of it, in the same order, after a reload.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  createPlaybook,
  createWorkspace,
  expectSaved,
  narrativeSection,
  narrativeSections,
  narrativeTitles,
  outlineItem,
  outlineTitles,
  SAVED,
} from './support/duet';

const A = {
  title: 'Uptime you can plan',
  key: 'Breakdowns become scheduled maintenance.',
  body: 'Every unplanned stop costs a day of revenue.',
};
const B = {
  title: 'Predict, don’t react',
  key: 'Know three weeks ahead which truck will fail.',
  body: 'Telematics already tell us; we listen.',
};
const C = {
  title: 'Objection: we have a vendor',
  key: 'Acknowledge, reframe, prove.',
  body: 'Their vendor shows data; we book the work.',
};

/** Types a narrative's title, key message and first body line, moving on with Enter as a writer does. */
async function writeNarrative(page: Page, text: { title: string; key: string; body: string }): Promise<void> {
  await page.keyboard.type(text.title);
  await page.keyboard.press('Enter');
  await page.keyboard.type(text.key);
  await page.keyboard.press('Enter');
  await page.keyboard.type(text.body);
}

/** The text a user reads in one narrative: title, key message and body paragraphs. */
async function expectNarrativeText(page: Page, text: { title: string; key: string; body: string }): Promise<void> {
  const section = narrativeSection(page, text.title);
  await expect(section).toHaveCount(1);
  await expect(section.locator('.narrative-key-message')).toHaveText(text.key);
  await expect(section.locator('.narrative-body > p.ed-p')).toContainText([text.body]);
}

async function expectOrder(page: Page, titles: string[]): Promise<void> {
  await expect(narrativeTitles(page)).toHaveText(titles);
  await expect(outlineTitles(page)).toHaveText(titles);
}

/** Opens a narrative's ⋯ menu and picks an item. */
async function sectionMenu(page: Page, title: string, item: string): Promise<void> {
  await narrativeSection(page, title).getByRole('button', { name: 'Narrative actions' }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

/** Sets up a playbook with narratives A, B, C typed by hand; the first via the Blank template's empty one. */
async function writeThreeNarratives(page: Page): Promise<void> {
  await createWorkspace(page);
  await createPlaybook(page, 'Fleet launch', 'Blank');
  await expect(narrativeSections(page)).toHaveCount(1);
  await narrativeSections(page).first().locator('.narrative-title').click();
  await writeNarrative(page, A);
  // The toolbar button adds the next narrative after the one with the caret and puts the caret in its title.
  await page.getByTestId('add-narrative').click();
  await expect(narrativeSections(page)).toHaveCount(2);
  await writeNarrative(page, B);
  // …and so does the shortcut.
  await page.keyboard.press('Control+Shift+Enter');
  await expect(narrativeSections(page)).toHaveCount(3);
  await writeNarrative(page, C);
}

test('narratives added with the button and with Ctrl+Shift+Enter hold what was typed into them', async ({ page }) => {
  await writeThreeNarratives(page);
  await expectOrder(page, [A.title, B.title, C.title]);
  for (const text of [A, B, C]) await expectNarrativeText(page, text);
  // Stored well inside a second after the last keystroke.
  await expect(page.getByTestId('save-state')).toHaveText(SAVED, { timeout: 1_000 });
});

test('details set from the status badge and the chips show on the narrative', async ({ page }) => {
  await writeThreeNarratives(page);
  const a = narrativeSection(page, A.title);

  await a.getByTestId('status-badge').click();
  const details = page.getByTestId('narrative-details');
  await expect(details).toBeVisible();
  await expect(details.getByRole('heading')).toHaveText(`Details — ${A.title}`);
  await details.getByText('Approved', { exact: true }).click();
  await details.getByLabel('Persona').fill('VP Operations');
  await details.getByLabel('Buying stage').selectOption({ label: 'Decision' });
  await details.getByLabel('Owner').fill('Sam Lee');
  await details
    .getByRole('textbox', { name: 'Proof point 1', exact: true })
    .fill('Breakdowns down 38% at Northline Freight');
  await details.getByRole('button', { name: '+ Add proof point' }).click();
  await details.getByRole('textbox', { name: 'Proof point 2', exact: true }).fill('Payback in five months');
  await details.getByRole('button', { name: 'Save' }).click();
  await expect(details).toBeHidden();

  await expect(a.getByTestId('status-badge')).toHaveText('Approved');
  await expect(a.getByRole('button', { name: /^Persona/ })).toHaveText('PersonaVP Operations');
  await expect(a.getByRole('button', { name: /^Stage/ })).toHaveText('StageDecision');
  await expect(a.getByRole('button', { name: /^Owner/ })).toHaveText('OwnerSam Lee');
  await expect(a.locator('.proof-points li')).toHaveText([
    'Breakdowns down 38% at Northline Freight',
    'Payback in five months',
  ]);
  // The outline shows the status and persona too.
  await expect(outlineItem(page, A.title)).toContainText('VP Operations');
  await expect(outlineItem(page, A.title).locator('.status-dot')).toHaveClass(/status-approved/);

  // A chip opens the same dialog on its own field.
  const b = narrativeSection(page, B.title);
  await b.getByRole('button', { name: /^Persona/ }).click();
  await expect(details.getByLabel('Persona')).toBeFocused();
  await page.keyboard.type('Fleet maintenance manager');
  await page.keyboard.press('Enter');
  await expect(details).toBeHidden();
  await expect(b.getByRole('button', { name: /^Persona/ })).toHaveText('PersonaFleet maintenance manager');
  // A narrative added by hand is owned by whoever added it; Cancel in the dialog changes nothing.
  await expect(b.getByRole('button', { name: /^Owner/ })).toHaveText('OwnerMaya Okafor');
  await b.getByRole('button', { name: /^Owner/ }).click();
  await expect(details.getByLabel('Owner')).toBeFocused();
  await details.getByLabel('Owner').fill('Nobody');
  await details.getByRole('button', { name: 'Cancel' }).click();
  await expect(details).toBeHidden();
  await expect(b.getByRole('button', { name: /^Owner/ })).toHaveText('OwnerMaya Okafor');
  // "+ Add proof point" under a narrative opens the proof points.
  await b.getByRole('button', { name: '+ Add proof point' }).click();
  await expect(details.getByRole('textbox', { name: 'Proof point 1', exact: true })).toBeFocused();
  await page.keyboard.type('Three weeks of warning on average');
  await details.getByRole('button', { name: 'Save' }).click();
  await expect(b.locator('.proof-points li')).toHaveText(['Three weeks of warning on average']);
});

test('narratives reorder with Alt+arrows in the outline, drag and drop, and the section menu', async ({ page }) => {
  await writeThreeNarratives(page);
  // Both lists first, so that a failure here says which of them differs (once: the outline lacked C's title).
  await expectOrder(page, [A.title, B.title, C.title]);

  // Keyboard in the outline: focus stays on the moved item, so it can keep moving.
  await outlineItem(page, C.title).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expectOrder(page, [A.title, C.title, B.title]);
  await expect(outlineItem(page, C.title)).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await expectOrder(page, [C.title, A.title, B.title]);
  await page.keyboard.press('Alt+ArrowUp'); // already first: nothing happens
  await expectOrder(page, [C.title, A.title, B.title]);
  await page.keyboard.press('Alt+ArrowDown');
  await expectOrder(page, [A.title, C.title, B.title]);

  // Drag and drop in the outline: B dropped on the upper half of A lands before A…
  await outlineItem(page, B.title).dragTo(outlineItem(page, A.title), { targetPosition: { x: 20, y: 3 } });
  await expectOrder(page, [B.title, A.title, C.title]);
  // …and B dropped on the lower half of C lands after it.
  const cBox = (await outlineItem(page, C.title).boundingBox())!;
  await outlineItem(page, B.title).dragTo(outlineItem(page, C.title), {
    targetPosition: { x: 20, y: cBox.height - 3 },
  });
  await expectOrder(page, [A.title, C.title, B.title]);

  // The section's ⋯ menu.
  await sectionMenu(page, B.title, 'Move up');
  await expectOrder(page, [A.title, B.title, C.title]);
  await sectionMenu(page, A.title, 'Move down');
  await expectOrder(page, [B.title, A.title, C.title]);
  await sectionMenu(page, A.title, 'Move up');
  await expectOrder(page, [A.title, B.title, C.title]);

  await sectionMenu(page, B.title, 'Duplicate');
  const copy = `${B.title} (copy)`;
  await expectOrder(page, [A.title, B.title, copy, C.title]);
  await expect(narrativeSection(page, copy).locator('.narrative-key-message')).toHaveText(B.key);

  // Delete asks first; Cancel keeps the narrative.
  await sectionMenu(page, A.title, 'Delete…');
  const confirm = page.getByRole('dialog', { name: 'Delete narrative?' });
  await expect(confirm).toContainText(`“${A.title}” and its text will be removed`);
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expectOrder(page, [A.title, B.title, copy, C.title]);
  await sectionMenu(page, copy, 'Delete…');
  await confirm.getByRole('button', { name: 'Delete narrative' }).click();
  await expect(confirm).toBeHidden();
  await expectOrder(page, [A.title, B.title, C.title]);
});

test('text, details and order are all still there after a reload', async ({ page }) => {
  await writeThreeNarratives(page);
  await narrativeSection(page, C.title).getByTestId('status-badge').click();
  const details = page.getByTestId('narrative-details');
  await details.getByText('In review', { exact: true }).click();
  await details.getByLabel('Persona').fill('CFO');
  await details.getByLabel('Buying stage').selectOption({ label: 'Evaluation' });
  await details.getByLabel('Owner').fill('Priya Shah');
  await details.getByRole('textbox', { name: 'Proof point 1', exact: true }).fill('Fleet of 900 saved €1.2M');
  await details.getByRole('button', { name: 'Save' }).click();
  await outlineItem(page, C.title).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await sectionMenu(page, A.title, 'Duplicate');
  const copy = `${A.title} (copy)`;
  const order = [A.title, copy, C.title, B.title];
  await expectOrder(page, order);
  await expect(page.getByTestId('save-state')).toHaveText(SAVED, { timeout: 1_000 });
  await expectSaved(page);

  await page.reload();
  await expect(page.getByTestId('playbook-title')).toHaveValue('Fleet launch');
  await expectOrder(page, order);
  for (const text of [A, B, C]) await expectNarrativeText(page, text);
  await expect(narrativeSection(page, copy).locator('.narrative-key-message')).toHaveText(A.key);
  const c = narrativeSection(page, C.title);
  await expect(c.getByTestId('status-badge')).toHaveText('In review');
  await expect(c.getByRole('button', { name: /^Persona/ })).toHaveText('PersonaCFO');
  await expect(c.getByRole('button', { name: /^Stage/ })).toHaveText('StageEvaluation');
  await expect(c.getByRole('button', { name: /^Owner/ })).toHaveText('OwnerPriya Shah');
  await expect(c.locator('.proof-points li')).toHaveText(['Fleet of 900 saved €1.2M']);
  await expectSaved(page);
});
