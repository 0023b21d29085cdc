/**
 * Notes anchored to the words: a salesperson — read-only on the playbook — selects a phrase of a narrative
 * and attaches a note. The phrase is highlighted (also after a reload), stays highlighted when the
 * storyteller edits around it, and the review calls the note orphaned once the words are gone. Adding the
 * note never writes to the playbook.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  expectSaved,
  openSample,
  playbookDocName,
  readStoredUpdates,
  SAMPLE,
  selectPlaybook,
  settle,
} from './support/duet';

const SHOTS = resolve(import.meta.dirname, '../../test-results/screens');
const NARRATIVE = 'fw-positioning';
const PHRASE = 'predicts which parts will fail';

async function setRole(page: Page, role: 'Sales' | 'Storyteller' | 'Viewer'): Promise<void> {
  await page.locator('.sidebar-user').click();
  const dialog = page.getByTestId('profile-dialog');
  await dialog.getByRole('radio', { name: new RegExp(`^${role}`) }).check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
}

/** Where the phrase is drawn on screen: the left edge of its first letter, the right edge of its last. */
async function phraseEdges(page: Page, phrase: string) {
  return page.evaluate(
    ({ narrativeId, phrase }) => {
      const section = document.querySelector(`[data-narrative-id="${narrativeId}"] .narrative-body`)!;
      const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
        const at = n.textContent!.indexOf(phrase);
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + phrase.length);
        const rects = [...range.getClientRects()];
        const first = rects[0]!;
        const last = rects[rects.length - 1]!;
        return {
          start: { x: first.left + 1, y: first.top + first.height / 2 },
          end: { x: last.right - 1, y: last.top + last.height / 2 },
        };
      }
      throw new Error(`phrase not found: ${phrase}`);
    },
    { narrativeId: NARRATIVE, phrase },
  );
}

/** Selects the phrase with the mouse, as a reader would: press before its first letter, drag past its last. */
async function dragSelect(page: Page, phrase: string): Promise<void> {
  // As a reader would, once the narrative has shown its chips.
  await expect(page.locator(`[data-narrative-id="${NARRATIVE}"] .narrative-header`)).toBeVisible();
  const { start, end } = await phraseEdges(page, phrase);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString().trim())).toBe(phrase);
}

/** The texts of the ranges the note highlight paints. */
function highlighted(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(CSS.highlights.get('duet-note') ?? [])].map((r) => r.toString()));
}

async function storedPlaybook(page: Page): Promise<number[][]> {
  const doc = playbookDocName(SAMPLE.workspaceId, SAMPLE.core.id);
  return (await readStoredUpdates(page)).filter((r) => r.doc === doc).map((r) => r.bytes);
}

test('a salesperson anchors a note to a phrase; it survives edits around it and is orphaned when the words go', async ({
  page,
}) => {
  await openSample(page);
  await setRole(page, 'Sales');
  await selectPlaybook(page, SAMPLE.core.title);
  await expect(page.getByTestId('read-only')).toContainText('sales');
  await expectSaved(page);
  const before = await storedPlaybook(page);
  expect(before.length).toBeGreaterThan(0);

  await dragSelect(page, PHRASE);
  const add = page.getByTestId('add-note');
  await expect(add).toBeVisible();
  // Escape puts the button away; selecting again brings it back.
  await page.keyboard.press('Escape');
  await expect(add).toBeHidden();
  // A click elsewhere first: pressing on selected text would drag it instead of selecting.
  await page.locator(`[data-narrative-id="${NARRATIVE}"] .narrative-title`).click();
  await expect(add).toBeHidden();
  await dragSelect(page, PHRASE);
  await expect(add).toBeVisible();
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'anchored-note-button.png') });
  // Keyboard users get the same dialog with Ctrl+Alt+M; Escape closes it, then the button opens it again.
  await page.keyboard.press('Control+Alt+m');
  await expect(page.getByTestId('anchored-note-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('anchored-note-dialog')).toBeHidden();
  await page.locator(`[data-narrative-id="${NARRATIVE}"] .narrative-title`).click();
  await dragSelect(page, PHRASE);
  await add.click();

  const dialog = page.getByTestId('anchored-note-dialog');
  await expect(dialog.getByTestId('anchored-quote')).toHaveText(PHRASE);
  await dialog.getByTestId('anchored-note-text').fill('The CFO asked how accurate the 30-day prediction is.');
  await dialog.getByRole('button', { name: 'Save note' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => highlighted(page)).toEqual([PHRASE]);
  await page.evaluate(() => window.getSelection()?.removeAllRanges());
  await settle(page);
  await page.screenshot({ path: join(SHOTS, 'anchored-note-highlight.png') });

  // The note went to the notes document; the playbook's stored bytes are exactly what they were.
  await expectSaved(page);
  expect(await storedPlaybook(page)).toEqual(before);

  await page.reload();
  await selectPlaybook(page, SAMPLE.core.title);
  await expect.poll(() => highlighted(page)).toEqual([PHRASE]);

  // The storyteller edits around the phrase: the note stays on its words.
  await setRole(page, 'Storyteller');
  await expect(page.getByTestId('read-only')).toBeHidden();
  const { start } = await phraseEdges(page, PHRASE);
  await page.mouse.click(start.x, start.y);
  await page.keyboard.type('now ');
  await expect(page.locator(`[data-narrative-id="${NARRATIVE}"]`)).toContainText(`now ${PHRASE}`);
  await expect.poll(() => highlighted(page)).toEqual([PHRASE]);

  // Deleting the quoted words orphans the note.
  await dragSelect(page, PHRASE);
  await page.keyboard.press('Backspace');
  await expect(page.locator(`[data-narrative-id="${NARRATIVE}"]`)).not.toContainText(PHRASE);
  await expect.poll(() => highlighted(page)).toEqual([]);
  await page.getByTestId('review-toggle').click();
  const card = page.getByTestId('anchored-note-card');
  await expect(card).toContainText(PHRASE);
  await expect(card).toContainText('The CFO asked how accurate');
  await expect(card.getByTestId('orphaned')).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'anchored-note-review.png') });
});

test('a viewer sees the highlights but is not offered "Add note"', async ({ page }) => {
  await openSample(page);
  await setRole(page, 'Viewer');
  await selectPlaybook(page, SAMPLE.core.title);
  await dragSelect(page, PHRASE);
  await settle(page);
  await expect(page.getByTestId('add-note')).toHaveCount(0);
});
