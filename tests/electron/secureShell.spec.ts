/**
 * The desktop shell as a user (or an attacker in the page) meets it: the real Electron binary, the built
 * app, the app:// protocol, the preload and the main-process guards together.
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findElectronBinary } from './electronBinary';

const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
const binary = findElectronBinary(PROJECT_ROOT);
if (!binary.found) console.log(`[electron-tests] skipped: ${binary.reason}`);

/** What the page sees as window.duet (the renderer's own typing is not in scope here). */
type PageWindow = Window & {
  duet: Record<string, unknown> & { invoke(channel: string, ...args: unknown[]): Promise<unknown> };
};

test.describe('the Duet window', () => {
  test.skip(!binary.found, binary.found ? '' : binary.reason);

  let app: ElectronApplication;
  let page: Page;
  let profile: string;

  test.beforeAll(async () => {
    if (!binary.found) return;
    const entry = join(PROJECT_ROOT, 'out', 'main', 'index.js');
    if (!existsSync(entry)) throw new Error(`[electron-tests] ${entry} is missing: run \`npm run build\` first`);
    // A throwaway profile: the tests never read or change the user's settings, and never meet their Duet.
    profile = mkdtempSync(join(tmpdir(), 'duet-electron-test-'));
    const env: Record<string, string> = { ...(process.env as Record<string, string>), DUET_USER_DATA_DIR: profile };
    delete env.ELECTRON_RENDERER_URL; // test the built renderer over app://, never a dev server
    app = await electron.launch({
      executablePath: binary.executablePath,
      // Chromium refuses to start as root with its sandbox (CI containers); that flag exists only for root.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), PROJECT_ROOT],
      env,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  test('opens Duet from app://duet/', async () => {
    expect(page.url()).toMatch(/^app:\/\/duet\//);
    expect(await page.evaluate(() => location.origin)).toBe('app://duet');
  });

  test('serves the page with the renderer CSP', async () => {
    const csp = await page.evaluate(async () => (await fetch('/')).headers.get('content-security-policy'));
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
  });

  test('window.duet has exactly invoke and onMenuCommand', async () => {
    const keys = await page.evaluate(() => Object.keys((window as unknown as PageWindow).duet).sort());
    expect(keys).toEqual(['invoke', 'onMenuCommand']);
  });

  test('the page has no Node.js', async () => {
    const types = await page.evaluate(() => [typeof require, typeof process, typeof module, typeof Buffer]);
    expect(types).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
  });

  test('the bridge answers contract calls and refuses anything else', async () => {
    const info = await page.evaluate(() => (window as unknown as PageWindow).duet.invoke('app:info'));
    expect(info).toMatchObject({ shell: 'electron' });
    const refused = await page.evaluate(() =>
      (window as unknown as PageWindow).duet.invoke('app:quit').then(
        () => 'answered',
        (error: Error) => error.message,
      ),
    );
    expect(refused).toMatch(/unknown IPC channel/);
  });

  test('navigating to an external site is blocked', async () => {
    await page.evaluate(() => {
      location.href = 'https://example.com/';
    });
    // A blocked navigation leaves no event to wait for; give it time to have happened if it were allowed.
    await page.waitForTimeout(1_000);
    expect(page.url()).toMatch(/^app:\/\/duet\//);
    expect(await page.evaluate(() => location.origin)).toBe('app://duet');
  });

  test('window.open returns null and opens no window', async () => {
    // URLs that are never handed to the OS browser, so the test opens nothing on the machine.
    const results = await page.evaluate(() =>
      [window.open('about:blank'), window.open('app://duet/'), window.open('file:///etc/passwd')].map(
        (w) => w === null,
      ),
    );
    expect(results).toEqual([true, true, true]);
    expect(app.windows()).toHaveLength(1);
  });
});
