/**
 * Appearance and keyboard comfort: Duet follows the OS's light or dark mode until the user forces one in
 * Settings (kept across restarts); the deck preview keeps its brand colours in dark; every control reached
 * with Tab shows a focus ring; and a user who asked the OS for less motion gets none.
 */
import { expect, test, type Page } from '@playwright/test';
import { createWorkspace, openFreshApp, openSample, SAMPLE, selectPlaybook } from './support/duet';

const LIGHT_BG = 'rgb(247, 246, 243)';
const DARK_BG = 'rgb(20, 23, 29)';

function pageBackground(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

async function chooseAppearance(page: Page, label: 'Match the system' | 'Light' | 'Dark'): Promise<void> {
  await page.getByTestId('sidebar-user').click();
  const dialog = page.getByTestId('profile-dialog');
  await dialog.getByTestId('theme-setting').getByText(label, { exact: true }).click();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
}

test('the app follows the OS’s dark mode until Settings forces light or dark, across restarts', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await createWorkspace(page);
  expect(await pageBackground(page)).toBe(DARK_BG);
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await pageBackground(page)).toBe(LIGHT_BG);

  // Forced dark while the OS says light; it stays so after a restart.
  await chooseAppearance(page, 'Dark');
  expect(await pageBackground(page)).toBe(DARK_BG);
  await page.reload();
  await expect(page.getByTestId('workspace-empty')).toBeVisible();
  expect(await pageBackground(page)).toBe(DARK_BG);

  // Forced light while the OS turns dark.
  await page.emulateMedia({ colorScheme: 'dark' });
  await chooseAppearance(page, 'Light');
  expect(await pageBackground(page)).toBe(LIGHT_BG);

  // Back to following the system.
  await chooseAppearance(page, 'Match the system');
  expect(await pageBackground(page)).toBe(DARK_BG);
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await pageBackground(page)).toBe(LIGHT_BG);
});

test('the deck preview keeps its brand theme in dark mode', async ({ page }) => {
  const slideColours = async () => {
    await page.getByTestId('open-deck-builder').click();
    const builder = page.getByTestId('deck-builder');
    await builder.getByTestId('deck-pick').getByRole('checkbox').first().check();
    const slides = page.getByTestId('deck-preview').locator('section.deck-slide');
    await expect(slides).toHaveCount(3);
    const read = () =>
      slides.evaluateAll((els) =>
        els.map((el) => {
          const text = el.querySelector('h1, h2, p, li') ?? el;
          return `${getComputedStyle(el).backgroundColor} / ${getComputedStyle(text).color}`;
        }),
      );
    // The preview re-renders its shadow root as the layout settles (the pick, then the brand theme); slides
    // read while one render replaced another had no computed style yet (" / "): the first complete reading
    // is kept (a second read after the poll could land in another re-render, and once did).
    let colours: string[] = [];
    await expect
      .poll(async () => {
        colours = await read();
        return colours.every((c) => c.startsWith('rgb'));
      })
      .toBe(true);
    await page.keyboard.press('Escape');
    await expect(builder).toBeHidden();
    return colours;
  };
  await page.emulateMedia({ colorScheme: 'light' });
  await openSample(page);
  await selectPlaybook(page, SAMPLE.core.title);
  const light = await slideColours();
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await pageBackground(page)).toBe(DARK_BG);
  expect(await slideColours()).toEqual(light);
});

test('every control reached with Tab shows a focus ring', async ({ page }) => {
  await openSample(page);
  await selectPlaybook(page, SAMPLE.core.title);
  // From the top of the page, as a keyboard user starts.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Tab');
  const seen: string[] = [];
  for (let i = 0; i < 40; i++) {
    const ring = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (el === null || el === document.body) return null;
      const style = getComputedStyle(el);
      // The editor's text shows its caret instead of a ring.
      if (el.isContentEditable) return { name: 'editor', ok: true };
      const name = `${el.tagName.toLowerCase()} “${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}”`;
      const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      const shadowed = style.boxShadow !== 'none';
      return { name, ok: outlined || shadowed };
    });
    if (ring) {
      seen.push(ring.name);
      expect(ring.ok, `${ring.name} shows where the keyboard is`).toBe(true);
    }
    await page.keyboard.press('Tab');
  }
  // The walk went through the sidebar, the title bar and the toolbar, not just one spot.
  expect(new Set(seen).size).toBeGreaterThan(15);
});

test('Settings can be changed with the keyboard alone, and focus returns to where it was', async ({ page }) => {
  await createWorkspace(page);
  const opener = page.getByTestId('sidebar-user');
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('profile-dialog');
  await expect(dialog).toBeVisible();
  // The appearance choice is a radio group: Tab to it, arrows to choose.
  await dialog.getByRole('radio', { name: 'Match the system' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(dialog.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(opener).toBeFocused();
});

test('with reduced motion asked of the OS, nothing animates', async ({ page }) => {
  const spinnerDuration = () =>
    page.evaluate(() => {
      const probe = document.createElement('div');
      probe.className = 'spinner';
      document.body.append(probe);
      const duration = getComputedStyle(probe).animationDuration;
      probe.remove();
      return parseFloat(duration);
    });
  await openFreshApp(page);
  expect(await spinnerDuration()).toBeGreaterThan(0.1);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await spinnerDuration()).toBeLessThan(0.001);
});
