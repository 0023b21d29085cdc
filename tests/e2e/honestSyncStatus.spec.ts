/**
 * What the title bar and the sidebar say about the server is true: a salesperson (read-only on the playbook)
 * is never "sending" anything and sends nothing the server must refuse; with the server down the app says
 * offline, that the work is safe on this device, how many changes wait, when it tries again — and "Retry
 * now" reconnects at once; someone on the browser client finds the workspace id and the invite command.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, type Page } from '@playwright/test';
import * as Y from 'yjs';
import { readStoredState } from '../unit/server/helpers/clients';
import { joinAs, sharedSyncServer, test } from './support/joinServer';

const SHOTS = resolve(import.meta.dirname, '../../test-results/screens');

// Two browsers, a reload and a restarted server per test: more than the default budget on a loaded machine.
test.describe.configure({ mode: 'serial', timeout: 90_000 });

const server = sharedSyncServer();

async function rejectedMessages(): Promise<string[]> {
  const metrics = await (await fetch(`${server.httpUrl}metrics`)).text();
  return metrics.split('\n').filter((line) => line.startsWith('duet_rejected_messages_total{'));
}

/** Records every text the save-state label shows from now on, to prove what it never said. */
async function recordSaveLabels(page: Page): Promise<() => Promise<string[]>> {
  await page.getByTestId('save-state').waitFor();
  await page.evaluate(() => {
    const label = document.querySelector('[data-testid="save-state"]')!;
    const seen: string[] = [label.textContent ?? ''];
    (window as unknown as { duetLabels: string[] }).duetLabels = seen;
    new MutationObserver(() => seen.push(label.textContent ?? '')).observe(label, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  return () => page.evaluate(() => (window as unknown as { duetLabels: string[] }).duetLabels);
}

/** Everything this browser stored (IndexedDB `duet-docs`), per document, each merged into one update. */
async function storedOnDevice(page: Page): Promise<Map<string, Uint8Array>> {
  const records = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('duet-docs');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const rows = await new Promise<{ doc: string; bytes: Uint8Array }[]>((resolve, reject) => {
      const all = db.transaction('updates').objectStore('updates').getAll();
      all.onsuccess = () => resolve(all.result as { doc: string; bytes: Uint8Array }[]);
      all.onerror = () => reject(all.error);
    });
    db.close();
    return rows.map((row) => [row.doc, Array.from(row.bytes)] as const);
  });
  const byDoc = new Map<string, Uint8Array[]>();
  for (const [doc, bytes] of records) byDoc.set(doc, [...(byDoc.get(doc) ?? []), new Uint8Array(bytes)]);
  return new Map([...byDoc].map(([doc, updates]) => [doc, Y.mergeUpdates(updates)]));
}

/** Operations in `local` the server does not hold: what this device wrote itself (and never got stored). */
function writtenOnlyHere(local: Uint8Array, onServer: Uint8Array): [number, number][] {
  const stored = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(onServer));
  return [...Y.parseUpdateMeta(local).to].filter(([client, clock]) => clock > (stored.get(client) ?? 0));
}

function narrativeTitle(page: Page, index: number) {
  return page.getByTestId('editor').locator('.narrative-title').nth(index);
}

test('a salesperson is read-only and up to date through a reload and a burst of edits, sending nothing', async ({
  browser,
}) => {
  const maya = await joinAs(browser, server, 'Maya', server.invite('acme', 'Maya', 'storyteller'));
  await maya.getByTestId('new-playbook').click();
  await maya.getByTestId('new-playbook-dialog').getByLabel('Title').fill('Launch story');
  await maya.getByRole('button', { name: 'Create playbook' }).click();
  await expect(maya.getByTestId('save-state')).toHaveText('Saved to server');

  const repToken = server.invite('acme', 'Rep', 'sales');
  const rep = await joinAs(browser, server, 'Rep', repToken);
  await rep.getByRole('button', { name: 'Launch story', exact: true }).click();
  await expect(rep.getByTestId('save-state')).toHaveText('Read-only · up to date');

  // After a reload everything the storyteller wrote comes from this device's storage first.
  await rep.reload();
  await rep.getByRole('button', { name: 'Launch story', exact: true }).click();
  const labels = await recordSaveLabels(rep);
  await expect(rep.getByTestId('save-state')).toHaveText('Read-only · up to date');
  await expect(rep.getByTestId('connection')).toHaveAttribute('data-status', 'live');

  await narrativeTitle(maya, 1).click();
  await maya.keyboard.press('End');
  const burst = ' and it ships on time, every time, for every team we have ever worked with';
  await maya.keyboard.type(burst, { delay: 5 });
  await expect(narrativeTitle(rep, 1)).toContainText('every team we have ever worked with');
  await expect(maya.getByTestId('save-state')).toHaveText('Saved to server');
  await expect(rep.getByTestId('save-state')).toHaveText('Read-only · up to date');
  mkdirSync(SHOTS, { recursive: true });
  await rep.screenshot({ path: join(SHOTS, 'sync-read-only.png') });

  expect((await labels()).filter((text) => /Sending|change/.test(text))).toEqual([]);
  // Not one message of the reader had to be refused (no writes, not even a reply to the server's sync).
  expect(await rejectedMessages()).toEqual([]);
  // Nor did it write anything into its own copies — not "last edited" into the directory on the
  // storyteller's edits, not the playbook: everything stored on the device is what the server holds.
  const stored = await storedOnDevice(rep);
  expect([...stored.keys()]).toContain('acme/directory');
  expect([...stored.keys()].some((name) => name.startsWith('acme/playbook/'))).toBe(true);
  for (const [docName, local] of stored) {
    const onServer = await readStoredState(server.wsUrl, docName, repToken);
    expect({ docName, writtenOnlyHere: writtenOnlyHere(local, onServer) }).toEqual({ docName, writtenOnlyHere: [] });
  }
  await maya.context().close();
  await rep.context().close();
});

test('with the server down the app says offline, what waits and when it retries; Retry now reconnects', async ({
  browser,
}) => {
  const maya = await joinAs(browser, server, 'Maya', server.invite('acme', 'Maya 2', 'storyteller'));
  await maya.getByRole('button', { name: 'Launch story', exact: true }).click();
  await expect(maya.getByTestId('save-state')).toHaveText('Saved to server');

  await server.stop();
  const connection = maya.getByTestId('connection');
  await expect(connection).toHaveAttribute('data-status', 'offline');
  await expect(connection.getByTestId('connection-retry')).toContainText(/Saved on this device · retrying in \d+ s/);
  await expect(maya.getByTestId('save-state')).toHaveText(/^Offline — saved on this device · retrying in \d+ s$/);

  await narrativeTitle(maya, 2).click();
  await maya.keyboard.press('End');
  await maya.keyboard.type(' OFFLINE');
  await expect(maya.getByTestId('save-state')).toHaveText(
    /^Offline — saved on this device · \d+ changes will be sent when the server is back · (retrying in \d+ s|trying to reach the server…)$/,
  );
  // Several attempts later the next one is seconds away: "Retry now" must not wait for it.
  await expect(maya.getByTestId('save-state')).toContainText(/retrying in ([5-9]|10) s/, { timeout: 15_000 });
  mkdirSync(SHOTS, { recursive: true });
  await maya.screenshot({ path: join(SHOTS, 'sync-offline.png') });

  await server.start();
  await maya.getByTestId('save-retry').click();
  await expect(maya.getByTestId('save-state')).toHaveText('Saved to server', { timeout: 3_000 });
  await expect(connection).toHaveAttribute('data-status', 'live', { timeout: 3_000 });
  await expect(maya.getByTestId('save-retry')).toBeHidden();
  await maya.context().close();
});

test('someone on the browser client finds the workspace id and the exact invite command', async ({ browser }) => {
  const maya = await joinAs(browser, server, 'Maya', server.invite('acme', 'Maya 3', 'storyteller'));
  await maya.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.httpUrl });
  await maya.getByRole('button', { name: 'Acme', exact: false }).first().click();
  await maya.getByRole('menuitem', { name: 'Invite people…' }).click();
  const dialog = maya.getByTestId('invite-dialog');
  await expect(dialog.getByTestId('invite-workspace-id')).toHaveText('acme');
  await expect(dialog.getByTestId('invite-server-url')).toHaveText(server.wsUrl);

  await dialog.getByLabel('Their name').fill('Ana Lima');
  await dialog.getByLabel('Role').selectOption('marketing');
  const command =
    'npm run sync-server -- invite --data ./duet-data --workspace acme --name "Ana Lima" --role marketing';
  await expect(dialog.getByTestId('invite-command')).toHaveText(command);
  mkdirSync(SHOTS, { recursive: true });
  await maya.screenshot({ path: join(SHOTS, 'sync-invite.png') });

  await dialog.getByRole('button', { name: 'Copy workspace id' }).click();
  await expect(dialog.getByRole('button', { name: 'Copy workspace id' })).toHaveText('Copied');
  expect(await maya.evaluate(() => navigator.clipboard.readText())).toBe('acme');
  await dialog.getByRole('button', { name: 'Copy invite command' }).click();
  expect(await maya.evaluate(() => navigator.clipboard.readText())).toBe(command);
  await maya.context().close();
});
