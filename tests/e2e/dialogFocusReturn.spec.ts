/**
 * Typing goes on where it was after a dialog opened from the editor closes: select words, Ctrl+K, type an
 * address, leave the dialog by Enter, Apply or Esc, and type — the words land in the narrative right after
 * the (new) link, never on <body>. The note dialog gives the selection back the same way.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  createPlaybook,
  createWorkspace,
  narrativeSections,
  openSample,
  SAMPLE,
  selectPlaybook,
  settle,
} from './support/duet';

const BODY = 'Read the uptime report';

/** A Blank playbook whose one narrative's body says BODY, with the caret at its end. */
async function writeBody(page: Page): Promise<void> {
  await createWorkspace(page);
  await createPlaybook(page, 'Fleet launch', 'Blank');
  await narrativeSections(page).first().locator('.narrative-title').click();
  await page.keyboard.type('Uptime you can plan');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Breakdowns become maintenance.');
  await page.keyboard.press('Enter');
  await page.keyboard.type(BODY);
}

/** Selects the last `words` words before the caret, as a writer does with the keyboard. */
async function selectWordsBack(page: Page, words: number): Promise<void> {
  for (let i = 0; i < words; i++) await page.keyboard.press('Shift+Control+ArrowLeft');
}

const body = (page: Page) => narrativeSections(page).first().locator('.narrative-body > p.ed-p').first();

const WAYS = {
  Enter: async (page: Page) => page.keyboard.press('Enter'),
  Apply: async (page: Page) => page.getByTestId('link-dialog').getByRole('button', { name: 'Apply' }).click(),
  Esc: async (page: Page) => page.keyboard.press('Escape'),
} as const;

for (const [way, leave] of Object.entries(WAYS)) {
  test(`after the link dialog closes by ${way}, typing lands in the narrative after the words`, async ({ page }) => {
    await writeBody(page);
    await selectWordsBack(page, 2);
    await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe('uptime report');
    await settle(page); // the editor takes the selection from the browser's selectionchange, a task later
    await page.keyboard.press('Control+K');
    const dialog = page.getByTestId('link-dialog');
    await expect(dialog.getByLabel('Address')).toBeFocused();
    await page.keyboard.type('fernway.example/uptime');
    await leave(page);
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('editor')).toBeFocused();

    await page.keyboard.type(' before Friday.');
    await expect(body(page)).toHaveText(`${BODY} before Friday.`);
    const link = body(page).locator('a');
    if (way === 'Esc') {
      await expect(link).toHaveCount(0);
    } else {
      // The link holds exactly the selected words; the typed text follows it, outside it.
      await expect(link).toHaveText('uptime report');
      await expect(link).toHaveAttribute('href', 'https://fernway.example/uptime');
    }
  });
}

test('the note dialog gives the selected words back to the editor when it closes', async ({ page }) => {
  await openSample(page);
  await selectPlaybook(page, SAMPLE.core.title);
  const keyMessage = narrativeSections(page).first().locator('.narrative-key-message');
  await keyMessage.click();
  await page.keyboard.press('End');
  await selectWordsBack(page, 2);
  await settle(page);
  const selected = await page.evaluate(() => getSelection()?.toString() ?? '');
  expect(selected.trim().length).toBeGreaterThan(0);
  await page.keyboard.press('Control+Alt+M');
  const dialog = page.getByTestId('anchored-note-dialog');
  await expect(dialog.getByTestId('anchored-note-text')).toBeFocused();
  await page.keyboard.type('Buyers quoted this back to us.');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('editor')).toBeFocused();
  await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe(selected);
  // The caret goes on from the end of those words.
  const before = (await keyMessage.textContent()) ?? '';
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type(' Really.');
  await expect(keyMessage).toHaveText(`${before} Really.`);
});
