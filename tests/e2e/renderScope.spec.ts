/**
 * What re-renders: React commits counted per screen region (renderer/ui/profiled.tsx; the tests' build is
 * made with React's profiling build) while a user types, switches playbooks and sees someone join. Typing
 * must commit nothing outside the editor — each commit outside costs the typist latency — and a settings
 * write (a playbook switch writes the recent list) must re-render only what shows that setting.
 */
import { expect, type Page } from '@playwright/test';
import {
  caretAtEnd,
  createPlaybook,
  createWorkspace,
  expectSaved,
  narrativeSections,
  narrativeTitles,
  openSample,
  playbookNames,
  SAMPLE,
  selectPlaybook,
  settle,
} from './support/duet';
import { test, twoWritersWithPlaybook } from './support/joinServer';
import { startSyncServer } from './support/syncServer';

/** Regions outside the editor: the window's frame, the sidebar, the title bar, the presence avatars. */
const OUTSIDE_EDITOR = ['frame', 'sidebar', 'title', 'presence'];

interface Commit {
  id: string;
  phase: string;
  commitTime: number;
}

/** The page's commit log (renderer/ui/profiled.tsx). */
type Probed = { __duetCommits?: Commit[] };

async function startCounting(page: Page): Promise<void> {
  await page.evaluate(() => void ((window as unknown as Probed).__duetCommits = []));
}

async function counted(page: Page): Promise<Commit[]> {
  return page.evaluate(() => (window as unknown as Probed).__duetCommits ?? []);
}

/** How many commits re-rendered each region. */
function byRegion(commits: Commit[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of commits) counts[c.id] = (counts[c.id] ?? 0) + 1;
  return counts;
}

/** Lets timers started by the last input (save-state settling, deferred chrome) run out. */
async function quiet(page: Page, ms = 600): Promise<void> {
  await page.waitForTimeout(ms);
  await settle(page);
}

test('typing commits nothing outside the editor, and switching playbooks leaves the window frame alone', async ({
  page,
}) => {
  await openSample(page);
  await selectPlaybook(page, SAMPLE.core.title);
  // The probes are live in this build: the first screen mounted every region.
  expect(byRegion(await counted(page))).toMatchObject({ app: expect.any(Number), frame: expect.any(Number) });
  const body = narrativeSections(page).first().locator('.narrative-body > p.ed-p').first();
  await caretAtEnd(body);
  // The day's first edit takes a version (features/versions), which the title bar's History button counts.
  const history = page.getByTestId('history-toggle');
  const versionsBefore = await history.textContent();
  await page.keyboard.type(' ');
  await expect(history).not.toHaveText(versionsBefore ?? '');
  await quiet(page);

  await startCounting(page);
  await page.keyboard.type('Fleets trust it.', { delay: 30 });
  await expectSaved(page);
  await quiet(page);
  await expect(body).toContainText('Fleets trust it.');
  const typing = byRegion(await counted(page));
  console.log('[render-scope] typing 16 keys:', JSON.stringify(typing));
  for (const region of OUTSIDE_EDITOR) expect(typing[region] ?? 0, `${region} re-rendered while typing`).toBe(0);

  await startCounting(page);
  await selectPlaybook(page, SAMPLE.cfo.title);
  await expectSaved(page);
  await quiet(page, 1000);
  const switching = byRegion(await counted(page));
  console.log('[render-scope] playbook switch:', JSON.stringify(switching));
  // The switch stores the recent-playbooks list, which nothing on screen shows: the frame never re-renders.
  expect(switching.frame ?? 0).toBe(0);
  // The selection moved, and the "Needs review" count was scanned again for the playbook left.
  expect(switching.sidebar).toBeGreaterThan(0);
  expect(switching.sidebar).toBeLessThanOrEqual(2);
});

test('in a synced playbook typing re-renders nothing outside the editor, and someone joining only the avatars', async ({
  browser,
}) => {
  const server = await startSyncServer();
  try {
    const { maya, jonas } = await twoWritersWithPlaybook(browser, server, 'Launch story');
    const title = maya.getByTestId('editor').locator('.narrative-title').nth(1);
    await caretAtEnd(title);
    const history = maya.getByTestId('history-toggle');
    const versionsBefore = await history.textContent();
    await maya.keyboard.type(' '); // the day's first edit takes a version (see the first test)
    await expect(history).not.toHaveText(versionsBefore ?? '');
    await quiet(maya);

    // Each key moves Maya's caret in the awareness the avatars are drawn from. A reconnect meanwhile (a
    // starved machine can miss the server's heartbeat) rightly re-renders what shows the connection: the
    // words are then typed once more, so what is judged is typing alone.
    let typing: Record<string, number> = {};
    for (const word of ['Speed', ' Trust']) {
      await maya.evaluate(() => {
        const probe = window as unknown as { __reconnected?: boolean };
        probe.__reconnected = false;
        const indicator = document.querySelector('[data-testid="connection"]')!;
        new MutationObserver(() => (probe.__reconnected = true)).observe(indicator, {
          attributeFilter: ['data-status'],
        });
      });
      await startCounting(maya);
      await maya.keyboard.type(word, { delay: 30 });
      await expect(maya.getByTestId('save-state')).toHaveText('Saved to server');
      await quiet(maya);
      typing = byRegion(await counted(maya));
      if (!(await maya.evaluate(() => (window as unknown as { __reconnected?: boolean }).__reconnected))) break;
      console.log('[render-scope] the connection changed while typing; typing again');
    }
    console.log('[render-scope] synced typing 5 keys:', JSON.stringify(typing));
    for (const region of OUTSIDE_EDITOR) expect(typing[region] ?? 0, `${region} re-rendered while typing`).toBe(0);

    await startCounting(maya);
    await jonas.getByRole('button', { name: 'Launch story', exact: true }).click();
    await expect(maya.getByTestId('presence')).toHaveAttribute('aria-label', /Jonas/);
    await quiet(maya);
    const joining = byRegion(await counted(maya));
    console.log('[render-scope] presence change:', JSON.stringify(joining));
    expect(joining.presence).toBeGreaterThan(0);
    for (const region of ['frame', 'sidebar', 'title'])
      expect(joining[region] ?? 0, `${region} re-rendered when Jonas joined`).toBe(0);
    await maya.context().close();
    await jonas.context().close();
  } finally {
    await server.dispose();
  }
});

test('reopening the workspace twice right after a rename and typing loses neither', async ({ page }) => {
  await createWorkspace(page);
  await createPlaybook(page, 'Launch');
  await caretAtEnd(narrativeTitles(page).nth(1));
  await page.keyboard.type(' Speed');
  const titleInput = page.getByTestId('playbook-title');
  await titleInput.fill('Launch 2027');
  // The switcher's click takes focus from the title (which stores the rename) and reopens the workspace at
  // once, while that write and the typing may still be on their way to the disk; then once more.
  for (let i = 0; i < 2; i++) {
    await page.locator('.workspace-button').click();
    await page.getByRole('menuitem', { name: 'Acme marketing' }).click();
  }
  await expect(titleInput).toHaveValue('Launch 2027');
  await expect(narrativeTitles(page).nth(1)).toHaveText('Pillar 1 — Speed');
  await expect(playbookNames(page)).toHaveText(['Launch 2027']);

  await page.reload();
  await expect(titleInput).toHaveValue('Launch 2027');
  await expect(narrativeTitles(page).nth(1)).toHaveText('Pillar 1 — Speed');
});

/**
 * Paint invalidations Chromium records while `act` runs (category disabled-by-default-blink.invalidation).
 * They carry no process id and a trace covers the whole browser, so this page must be the browser's only one:
 * a context an earlier test left open would have its repaints counted here.
 */
async function paintInvalidations(page: Page, act: () => Promise<void>): Promise<{ client: string; reason: string }[]> {
  const browser = page.context().browser()!;
  expect(browser.contexts(), 'no earlier test left a browser context open').toEqual([page.context()]);
  expect(page.context().pages(), 'no other page is open').toEqual([page]);
  await browser.startTracing(page, { categories: ['disabled-by-default-blink.invalidation'] });
  await act();
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as {
    traceEvents: { name: string; args?: { client?: string; reason?: string } }[];
  };
  return trace.traceEvents
    .filter((e) => e.name === 'InvalidateDisplayItemClient')
    .map((e) => ({ client: e.args?.client ?? '', reason: e.args?.reason ?? '' }));
}

test('typing repaints the words typed, not the outline beside them nor the scroll area behind them', async ({
  page,
}) => {
  // A short window, so the sample's outline scrolls as a long playbook's does.
  await page.setViewportSize({ width: 1280, height: 420 });
  await openSample(page);
  await selectPlaybook(page, SAMPLE.core.title);
  const body = narrativeSections(page).first().locator('.narrative-body > p.ed-p').first();
  await caretAtEnd(body);
  const history = page.getByTestId('history-toggle');
  const versionsBefore = await history.textContent();
  await page.keyboard.type(' '); // the day's first edit takes a version, which the History button counts
  await expect(history).not.toHaveText(versionsBefore ?? '');
  // The Needs review count arriving from its scan changes the sidebar: that is the scan's, not typing's.
  await expect(page.getByTestId('needs-review-count')).toHaveText(/^\d+/);
  await quiet(page);

  const invalidated = await paintInvalidations(page, async () => {
    await page.keyboard.type('Fleets trust it.', { delay: 30 });
    await quiet(page);
  });
  await expect(body).toContainText('Fleets trust it.');
  // The typed text itself was repainted, so the probe saw the typing at all.
  expect(invalidated.some((i) => i.client.includes('#text'))).toBe(true);
  // With a content-sized grid row, every key made the grid measure both columns again and repaint the
  // outline's whole list and the editor's scroll background. Judged per key: something outside the editor
  // that changes once meanwhile (a count arriving, a notice) is not typing's cost; one repainted on most
  // keys is.
  const typed = 'Fleets trust it.'.length;
  const perClient = new Map<string, number>();
  for (const { client } of invalidated.filter((i) => /outline|editor-scroll|sidebar|title-bar/.test(i.client)))
    perClient.set(client, (perClient.get(client) ?? 0) + 1);
  const everyKey = [...perClient].filter(([, count]) => count >= typed / 2);
  expect(everyKey, JSON.stringify([...perClient].slice(0, 8))).toEqual([]);
});
