/** Undo and redo of typing, from the keyboard and the toolbar. */
import { expect, test } from '@playwright/test';
import { caretAtEnd, expectSaved, narrativeSection, openSample, SAMPLE, selectPlaybook } from './support/duet';

const POSITIONING = 'Positioning: uptime you can plan';

test('Ctrl+Z takes typed text back and Ctrl+Shift+Z or Ctrl+Y brings it again', async ({ page }) => {
  await openSample(page);
  await selectPlaybook(page, SAMPLE.core.title);
  const keyMessage = narrativeSection(page, POSITIONING).locator('.narrative-key-message');
  const original = (await keyMessage.textContent())!;
  const undo = page.getByRole('button', { name: /^Undo/ });
  const redo = page.getByRole('button', { name: /^Redo/ });
  await expect(undo).toBeDisabled();

  await caretAtEnd(keyMessage);
  // One input event: typed key by key, a loaded machine can space keystrokes past the undo manager's
  // merge interval and split the words over two undo steps, which is right for a slow typist but not this test.
  await page.keyboard.insertText(' Guaranteed.');
  await expect(keyMessage).toHaveText(`${original} Guaranteed.`);
  await expect(undo).toBeEnabled();

  await page.keyboard.press('Control+Z');
  await expect(keyMessage).toHaveText(original);
  await expect(redo).toBeEnabled();
  await page.keyboard.press('Control+Shift+Z');
  await expect(keyMessage).toHaveText(`${original} Guaranteed.`);
  await page.keyboard.press('Control+Z');
  await expect(keyMessage).toHaveText(original);
  await page.keyboard.press('Control+Y');
  await expect(keyMessage).toHaveText(`${original} Guaranteed.`);

  // The toolbar buttons do the same.
  await undo.click();
  await expect(keyMessage).toHaveText(original);
  await redo.click();
  await expect(keyMessage).toHaveText(`${original} Guaranteed.`);

  // What is on screen after redo is what is stored.
  await expectSaved(page);
  await page.reload();
  await expect(narrativeSection(page, POSITIONING).locator('.narrative-key-message')).toHaveText(
    `${original} Guaranteed.`,
  );
});

test('undo brings back a narrative deleted from its menu, text and details included', async ({ page }) => {
  await openSample(page);
  await selectPlaybook(page, SAMPLE.core.title);
  const section = narrativeSection(page, POSITIONING);
  const keyText = (await section.locator('.narrative-key-message').textContent())!;
  await section.getByRole('button', { name: 'Narrative actions' }).click();
  await page.getByRole('menuitem', { name: 'Delete…' }).click();
  await page
    .getByRole('dialog', { name: 'Delete narrative?' })
    .getByRole('button', { name: 'Delete narrative' })
    .click();
  await expect(section).toHaveCount(0);

  // The dialog promised Ctrl+Z: back in the text, it works.
  await page.getByTestId('editor').getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Control+Z');
  await expect(section).toHaveCount(1);
  await expect(section.locator('.narrative-key-message')).toHaveText(keyText);
  await expect(section.getByTestId('status-badge')).toHaveText('Approved');
  await expect(section.getByRole('button', { name: /^Persona/ })).toHaveText('PersonaVP Operations');
});
