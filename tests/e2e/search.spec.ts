/**
 * Find anything: a misspelt word finds a proof point and lands on it highlighted, a deal found by its
 * account opens in its form, the palette runs commands, sales can search, and words another person just wrote through the server are findable within
 * a second. Screenshots of the palette go to test-results/screens/ for a person to look at.
 */
import { expect, type Page } from '@playwright/test';
import { createPlaybook, createWorkspace, narrativeSections, openSample, SAMPLE } from './support/duet';
import { joinAs, sharedSyncServer, test } from './support/joinServer';

const SCREENS = 'test-results/screens';

function palette(page: Page) {
  return page.getByTestId('search-palette');
}

async function openPalette(page: Page): Promise<void> {
  await page.keyboard.press('Control+P');
  await expect(palette(page)).toBeVisible();
  await expect(page.getByTestId('search-input')).toBeFocused();
}

/** The text of every range the editor paints as a search match. */
function searchHighlights(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(CSS.highlights.get('duet-search') ?? [])].map((r) => (r as Range).toString()));
}

test('a proof point is found by a misspelt word, and opening it lands on the words highlighted', async ({ page }) => {
  await openSample(page);
  await openPalette(page);
  await expect(page.getByTestId('search-empty')).toContainText('Find anything in this workspace');
  await expect(page.getByTestId('search-status')).toHaveAttribute('data-state', 'ready');
  await page.screenshot({ path: `${SCREENS}/search-empty.png` });

  await page.getByTestId('search-input').fill('brightlne breakdowns');
  const first = palette(page).getByTestId('search-result').first();
  await expect(first).toHaveAttribute('data-kind', 'narrative');
  await expect(first.locator('mark')).toContainText(['Brightline', 'breakdowns']);
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await page.screenshot({ path: `${SCREENS}/search-results.png` });

  await page.keyboard.press('Enter');
  await expect(palette(page)).toBeHidden();
  await expect(page.getByTestId('playbook-title')).toHaveValue(SAMPLE.core.title);
  await expect.poll(() => searchHighlights(page)).toEqual(expect.arrayContaining(['Brightline', 'breakdowns']));
  const proof = page.getByTestId('editor').getByText(/Brightline Logistics cut roadside breakdowns/);
  await expect(proof).toBeInViewport();
});

test('a deal is found by a misspelt account, and opening it gives its author the deal in its form', async ({
  page,
}) => {
  await createWorkspace(page, 'Acme sales', 'Ana Reyes');
  await createPlaybook(page, 'Launch story');
  await page.getByTestId('log-deal').first().click();
  const form = page.getByTestId('quick-deal-form');
  await form.getByTestId('deal-account').fill('Quillfeather Freight');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Depot rollout');
  await page.keyboard.press('Enter');
  await expect(form).toBeHidden();
  // Somewhere else when searching: opening the result must bring the deal's playbook back.
  await createPlaybook(page, 'Other story');

  await openPalette(page);
  await page.getByTestId('search-input').fill('quilfeather');
  const hit = palette(page).getByTestId('search-result').first();
  await expect(hit).toHaveAttribute('data-kind', 'deal');
  await expect(hit).toContainText('Depot rollout');
  await expect(hit.locator('mark')).toContainText(['Quillfeather']);
  await page.keyboard.press('Enter');

  await expect(palette(page)).toBeHidden();
  await expect(page.getByTestId('playbook-title')).toHaveValue('Launch story');
  await expect(form).toBeVisible();
  await expect(form.getByTestId('deal-account')).toHaveValue('Quillfeather Freight');
});

test('filters narrow by persona, status and kind, typed or picked', async ({ page }) => {
  await openSample(page);
  await openPalette(page);
  await page.getByTestId('search-input').fill('persona:cfo downtime');
  const results = palette(page).getByTestId('search-result');
  await expect(results.first()).toBeVisible();
  for (const detail of await results.locator('.palette-where').allTextContents()) expect(detail).toMatch(/CFO/i);
  await palette(page).getByRole('button', { name: 'Playbooks' }).click();
  await expect(page.getByTestId('search-input')).toHaveValue('persona:cfo downtime kind:playbook ');
  await expect(palette(page).getByText('Nothing matches')).toBeVisible(); // playbooks have no persona
  await palette(page)
    .getByRole('button', { name: /Remove filter persona/ })
    .click();
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText(SAMPLE.cfo.title);
});

test('the palette runs commands: > lists them with their shortcuts, Enter runs one', async ({ page }) => {
  await openSample(page);
  await page.getByRole('button', { name: SAMPLE.competitive.title, exact: true }).click();
  await expect(narrativeSections(page).first()).toBeVisible();
  await narrativeSections(page).first().locator('.narrative-title').click();
  const before = await narrativeSections(page).count();

  await openPalette(page);
  await page.keyboard.type('>');
  const commands = palette(page).getByRole('option');
  await expect(commands.filter({ hasText: 'Open review' })).toBeVisible();
  await expect(commands.filter({ hasText: 'Log deal' })).toContainText('Shift');
  await page.keyboard.type('new narr');
  await expect(commands).toHaveText([/New narrative/]);
  await page.screenshot({ path: `${SCREENS}/search-commands.png` });
  await page.keyboard.press('Enter');
  await expect(narrativeSections(page)).toHaveCount(before + 1);

  await openPalette(page);
  await page.keyboard.type('>shortcuts');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('shortcuts-dialog')).toContainText('Search the workspace');
});

test.describe('with a sync server', () => {
  const server = sharedSyncServer();

  test('sales search too, and another person’s new words are findable within a second', async ({ browser }) => {
    const maya = await joinAs(browser, server, 'Maya', server.invite('acme', 'Maya', 'storyteller'));
    const sam = await joinAs(browser, server, 'Sam', server.invite('acme', 'Sam', 'sales'));
    await createPlaybook(maya, 'Fleet story');
    await expect(sam.getByTestId('playbook-list')).toContainText('Fleet story');
    await sam.getByRole('button', { name: 'Fleet story', exact: true }).click();
    await expect(sam.getByTestId('read-only')).toBeVisible();

    // Sales search: the palette opens, finds the playbook, and offers no command that writes the playbook.
    await openPalette(sam);
    await sam.getByTestId('search-input').fill('positioning');
    await expect(palette(sam).getByTestId('search-result').first()).toContainText('Positioning');
    await sam.getByTestId('search-input').fill('>');
    await expect(palette(sam).getByRole('option', { name: /New narrative/ })).toHaveCount(0);
    await sam.getByTestId('search-input').fill('zeppelinmile');
    await expect(palette(sam).getByText('Nothing matches')).toBeVisible();

    const title = maya.getByTestId('editor').locator('.narrative-title').first();
    await title.click();
    await maya.keyboard.press('End');
    await maya.keyboard.type(' zeppelinmile');
    await expect(maya.getByTestId('save-state')).toHaveText('Saved to server');
    const stored = Date.now();
    const hit = palette(sam).getByTestId('search-result').first();
    await expect(hit).toContainText('zeppelinmile', { timeout: 1000 });
    console.log(`[search] findable ${Date.now() - stored} ms after the server stored it`);
    await hit.click();
    await expect.poll(() => searchHighlights(sam)).toEqual(['zeppelinmile']);

    await maya.context().close();
    await sam.context().close();
  });
});
