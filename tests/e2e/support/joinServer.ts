/** A person opening the web client a sync server serves and joining it with an invite, as a teammate would. */
import { expect, test as base, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { startSyncServer, type SyncServer } from './syncServer';

/** The contexts `joinAs` opened in the running test. */
const joined = new Set<BrowserContext>();
let inJoinTest = false;

/**
 * Playwright's `test`, closing every context `joinAs` opened when the test ends. A context left open keeps its
 * page running for the rest of the worker's tests: once the test's server is stopped it retries every few
 * seconds, repainting its sidebar — which a later test's browser-wide trace then counts as its own — and it
 * takes CPU from every test after it.
 */
export const test = base.extend<{ closeJoinedContexts: void }>({
  closeJoinedContexts: [
    async ({ browser: _browser }, use) => {
      inJoinTest = true;
      await use();
      inJoinTest = false;
      await Promise.all([...joined].map((context) => context.close()));
      joined.clear();
    },
    { auto: true },
  ],
});

/** Opens a fresh browser context, names the user, joins workspace `acme` and waits until it is live. */
export async function joinAs(browser: Browser, server: SyncServer, name: string, token: string): Promise<Page> {
  if (!inJoinTest) throw new Error('joinAs needs `test` from support/joinServer, which closes the contexts it opens');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  joined.add(context);
  const page = await context.newPage();
  await page.goto(server.httpUrl);
  await page.getByTestId('welcome').getByLabel('Your name').fill(name);
  await page.getByTestId('join-team').click();
  const dialog = page.getByTestId('join-dialog');
  await dialog.getByLabel('Server address').fill(server.wsUrl);
  await dialog.getByLabel('Invite token').fill(token);
  await expect(dialog.getByTestId('join-claims')).toContainText('acme');
  await dialog.getByLabel('Name this workspace on your device').fill('Acme');
  await dialog.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'live');
  return page;
}

/** Maya (storyteller) and Jonas (marketing) join workspace `acme`; Maya creates `title` and Jonas sees it listed. */
export async function twoWritersWithPlaybook(
  browser: Browser,
  server: SyncServer,
  title: string,
): Promise<{ maya: Page; jonas: Page }> {
  const maya = await joinAs(browser, server, 'Maya', server.invite('acme', 'Maya', 'storyteller'));
  const jonas = await joinAs(browser, server, 'Jonas', server.invite('acme', 'Jonas', 'marketing'));
  await maya.getByTestId('new-playbook').click();
  await maya.getByTestId('new-playbook-dialog').getByLabel('Title').fill(title);
  await maya.getByRole('button', { name: 'Create playbook' }).click();
  await expect(jonas.getByTestId('playbook-list')).toContainText(title);
  return { maya, jonas };
}

/**
 * One sync server for the tests of a file (or of the describe block it is called in): started before the
 * first test, disposed after the last. The object returned stands for it from then on.
 */
export function sharedSyncServer(): SyncServer {
  let server: SyncServer | undefined;
  test.beforeAll(async () => {
    server = await startSyncServer();
  });
  test.afterAll(async () => {
    await server?.dispose();
  });
  const current = (): SyncServer => {
    if (!server) throw new Error('the shared sync server is used outside a test');
    return server;
  };
  return {
    get httpUrl() {
      return current().httpUrl;
    },
    get wsUrl() {
      return current().wsUrl;
    },
    invite: (workspace, name, role) => current().invite(workspace, name, role),
    setRole: (token, role) => current().setRole(token, role),
    stop: () => current().stop(),
    start: () => current().start(),
    dispose: () => current().dispose(),
    cli: (args) => current().cli(args),
  };
}
