import type { Page } from '@playwright/test';

/**
 * Holds back the built chunk whose file name starts with `name` until the returned `release` is called:
 * the moment between a part appearing and its lazily loaded code arriving, made as long as a test needs.
 */
export async function holdChunk(page: Page, name: string): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(new RegExp(`/assets/${name}-[^/]+\\.js$`), async (route) => {
    await released;
    await route.continue();
  });
  return release;
}
