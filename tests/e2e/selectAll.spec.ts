/**
 * Ctrl+A grows step by step inside a narrative — the field, then the narrative, then the playbook — so
 * typing over a select-all replaces what the writer is looking at, never every narrative at once.
 */
import { expect, test } from '@playwright/test';
import { narrativeTitles, openSample, SAMPLE, selectPlaybook } from './support/duet';
import { holdChunk } from './support/holdChunk';

const selectedText = (page: import('@playwright/test').Page) => page.evaluate(() => String(getSelection()));

test('Ctrl+A selects the title, then the narrative, then the whole playbook', async ({ page }) => {
  await openSample(page);
  await selectPlaybook(page, SAMPLE.cfo.title);
  const title = narrativeTitles(page).first();
  await title.click();
  await page.keyboard.press('Control+a');
  await expect.poll(() => selectedText(page)).toBe('The pain: downtime is a line item nobody owns');
  await page.keyboard.press('Control+a');
  await expect.poll(() => selectedText(page)).toContain('Unplanned downtime costs');
  expect(await selectedText(page)).not.toContain('The proof: payback');
  await page.keyboard.press('Control+a');
  await expect.poll(() => selectedText(page)).toContain('The proof: payback');
});

test('typing over Ctrl+A in a title replaces only that title', async ({ page }) => {
  await openSample(page);
  await selectPlaybook(page, SAMPLE.cfo.title);
  await narrativeTitles(page).first().click();
  await page.keyboard.press('Control+a');
  // As a person does: the selection shows, then the typing. A press made before the editor's input code is
  // in is held and replayed (the first test), and typing meanwhile cancels it.
  await expect.poll(() => selectedText(page)).toBe('The pain: downtime is a line item nobody owns');
  await page.keyboard.type('Downtime has no owner');
  await expect(narrativeTitles(page)).toHaveText([
    'Downtime has no owner',
    'The proof: payback inside two quarters',
    'The ask: a 30-day downtime audit',
  ]);
});

/** The sample's first title clicked while the editor's input code (the stepwise select-all) is held back. */
async function clickTitleBeforeInputCode(page: import('@playwright/test').Page): Promise<() => void> {
  const release = await holdChunk(page, 'InteractionPlugins');
  await openSample(page);
  await selectPlaybook(page, SAMPLE.cfo.title);
  await narrativeTitles(page).first().click();
  return release;
}

test('Ctrl+A pressed before the editor’s input code is in selects the title once it arrives', async ({ page }) => {
  const release = await clickTitleBeforeInputCode(page);
  await page.keyboard.press('Control+a');
  // Held, not Lexical's own select-all of every narrative.
  expect(await selectedText(page)).toBe('');
  release();
  await expect.poll(() => selectedText(page)).toBe('The pain: downtime is a line item nobody owns');
});

test('typing after a held Ctrl+A types at the caret and selects nothing later', async ({ page }) => {
  const release = await clickTitleBeforeInputCode(page);
  await page.keyboard.press('End');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('!');
  release();
  await expect(narrativeTitles(page).first()).toHaveText('The pain: downtime is a line item nobody owns!');
  // Give the input plugins time to mount: the held press must not come back as a selection.
  await expect(page.getByTestId('add-narrative')).toBeEnabled();
  await page.keyboard.type('?');
  await expect(narrativeTitles(page).first()).toHaveText('The pain: downtime is a line item nobody owns!?');
});

test('a click after a held Ctrl+A puts the caret there and selects nothing later', async ({ page }) => {
  const release = await clickTitleBeforeInputCode(page);
  await page.keyboard.press('Control+a');
  await narrativeTitles(page).nth(1).click();
  release();
  await expect(page.getByTestId('add-narrative')).toBeEnabled();
  // The input plugins are in; the press held before the click stayed dropped.
  await page.keyboard.type('!');
  // Typed at the click's caret: the title is all there with the one mark added (not replaced by it).
  await expect
    .poll(async () => (await narrativeTitles(page).nth(1).textContent())?.replace('!', ''))
    .toBe('The proof: payback inside two quarters');
  await expect(narrativeTitles(page).nth(1)).toContainText('!');
  await expect(narrativeTitles(page).first()).toHaveText('The pain: downtime is a line item nobody owns');
  expect(await selectedText(page)).toBe('');
});
