/**
 * Markdown typing shortcuts in a reopened playbook. They load after the playbook's text is shown (so a
 * returning user's first screen does not wait for them: renderer/editor/plugins/DeferredPlugins.tsx), and
 * must then work as before: "## " makes a heading, "**words**" bold.
 */
import { expect, test } from '@playwright/test';
import { caretAtEnd, narrativeSection, openSample, SAMPLE, selectPlaybook } from './support/duet';

const POSITIONING = 'Positioning: uptime you can plan';

test('after a reload, "## " starts a heading and **words** turn bold', async ({ page }) => {
  await openSample(page);
  await selectPlaybook(page, SAMPLE.core.title);
  await page.reload();
  const section = narrativeSection(page, POSITIONING);
  await expect(section).toBeVisible();
  // Once the app has fetched its parts, everything loaded late is in place.
  await expect(page.locator('html')).toHaveAttribute('data-parts', 'loaded', { timeout: 15_000 });

  const body = section.locator('.narrative-body');
  await caretAtEnd(body.locator('p').last());
  await page.keyboard.press('Enter');
  await page.keyboard.type('## Why fleets switch');
  await expect(body.locator('h2.ed-h2')).toHaveText('Why fleets switch');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Downtime is **expensive** ');
  await expect(body.locator('.ed-bold')).toHaveText('expensive');
});
