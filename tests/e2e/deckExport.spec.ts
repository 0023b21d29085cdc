/**
 * Pitch decks from the sample workspace: pick narratives, reorder them by keyboard and by drag, see the
 * preview follow, export PowerPoint (a download in the browser client) and the playbook as Markdown.
 */
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { expect, test, type Page } from '@playwright/test';
import { narrativeTitles, openSample, SAMPLE, selectPlaybook } from './support/duet';

async function openBuilder(page: Page): Promise<string[]> {
  await openSample(page);
  await selectPlaybook(page, SAMPLE.core.title);
  const titles = (await narrativeTitles(page).allTextContents()).map((t) => t.trim());
  await page.getByTestId('open-deck-builder').click();
  await expect(page.getByTestId('deck-builder')).toBeVisible();
  return titles;
}

const orderTitles = (page: Page) => page.getByTestId('deck-order-title');

test('build a deck: pick, reorder by keyboard and drag, preview, export PowerPoint', async ({ page }, info) => {
  const titles = await openBuilder(page);
  const [first, second, third] = titles as [string, string, string];
  const builder = page.getByTestId('deck-builder');
  for (const title of [first, second, third]) {
    await builder.getByTestId('deck-pick').getByRole('checkbox', { name: title }).check();
  }
  await expect(orderTitles(page)).toHaveText([first, second, third]);

  // Keyboard: Alt+↓ on the first row moves it down, and focus stays on it.
  const firstRow = builder.locator('.deck-order-item').first();
  await firstRow.focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(orderTitles(page)).toHaveText([second, first, third]);
  await expect(builder.locator('.deck-order-item').nth(1)).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(orderTitles(page)).toHaveText([first, second, third]);

  // Drag: the third row dropped onto the first takes its place.
  await builder.locator('.deck-order-item').nth(2).dragTo(builder.locator('.deck-order-item').first());
  await expect(orderTitles(page)).toHaveText([third, first, second]);

  await builder.getByLabel('Customer').fill('Acme <Logistics>');
  const preview = page.getByTestId('deck-preview');
  await expect(preview.locator('section.deck-slide')).toHaveCount(5);
  await expect(preview.locator('.deck-deck-subtitle')).toHaveText('Prepared for Acme <Logistics>');

  const download = page.waitForEvent('download');
  await builder.getByRole('button', { name: 'Export PowerPoint…' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.pptx$/);
  expect(file.suggestedFilename()).not.toMatch(/[<>]/);
  const path = info.outputPath('deck.pptx');
  await file.saveAs(path);
  const zip = await JSZip.loadAsync(readFileSync(path));
  const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
  expect(slides).toHaveLength(5);
  const slide2 = await zip.file('ppt/slides/slide2.xml')!.async('string');
  expect(slide2).toContain(third.replace(/&/g, '&amp;'));
});

test('export the playbook as Markdown', async ({ page }, info) => {
  await openSample(page);
  await selectPlaybook(page, SAMPLE.core.title);
  const titles = (await narrativeTitles(page).allTextContents()).map((t) => t.trim());
  const download = page.waitForEvent('download');
  await page.getByTestId('export-markdown').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Fernway messaging house 2027\.md$/);
  const path = info.outputPath('playbook.md');
  await file.saveAs(path);
  const md = readFileSync(path, 'utf8');
  expect(md.startsWith('# Fernway messaging house 2027\n')).toBe(true);
  expect(md.match(/^## \d+\\\. /gm)).toHaveLength(titles.length);
  expect(md).toContain('- **Key message:** ');
});
