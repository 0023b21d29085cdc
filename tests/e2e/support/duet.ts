/**
 * What the end-to-end specs share: getting a user to a screen the way a user would (through the real UI),
 * locators for the parts they look at, and — only for what has no UI — reading and damaging the device's
 * IndexedDB from inside the page.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** The workspace and playbooks of the bundled sample (renderer/features/sample/sampleContent.ts). */
export const SAMPLE = {
  workspaceId: 'sample-fernway',
  workspaceName: 'Fernway (sample)',
  core: { id: 'fw-core', title: 'Fernway messaging house 2027' },
  cfo: { id: 'fw-cfo', title: 'CFO pitch: the cost of downtime' },
  competitive: { id: 'fw-competitive', title: 'Competitive: dealer portals' },
} as const;

/** Narrative titles of the "Messaging house" template, in order (renderer/features/workspace/templates.ts). */
export const MESSAGING_HOUSE_TITLES = ['Positioning', 'Pillar 1 —', 'Pillar 2 —', 'Pillar 3 —', 'Objection handling'];

/** The label the title bar shows once every change is stored. */
export const SAVED = 'Saved on this device';

/** Opens the app on a fresh device and waits for the welcome screen. */
export async function openFreshApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('welcome')).toBeVisible();
}

/** From the welcome screen: names the user and creates a workspace; waits for its empty state. */
export async function createWorkspace(
  page: Page,
  workspaceName = 'Acme marketing',
  userName = 'Maya Okafor',
): Promise<void> {
  await openFreshApp(page);
  const welcome = page.getByTestId('welcome');
  await welcome.getByLabel('Your name').fill(userName);
  await welcome.getByLabel('Workspace name').fill(workspaceName);
  await welcome.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByTestId('workspace-empty')).toBeVisible();
}

/** From the welcome screen: opens the Fernway sample and waits for its playbook list. */
export async function openSample(page: Page): Promise<void> {
  await openFreshApp(page);
  await page.getByTestId('open-sample').click();
  await expect(playbookRows(page)).toHaveCount(3);
}

/** Creates a playbook through the "New playbook" dialog and waits until its editor shows it. */
export async function createPlaybook(page: Page, title: string, template = 'Messaging house'): Promise<void> {
  await page.getByTestId('new-playbook').click();
  const dialog = page.getByTestId('new-playbook-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Title').fill(title);
  // The radio sits under the card's artwork: a user clicks the card.
  await dialog.locator('label.template-card', { has: page.getByText(template, { exact: true }) }).click();
  await expect(dialog.getByRole('radio', { name: new RegExp(`^${template}`) })).toBeChecked();
  await dialog.getByRole('button', { name: 'Create playbook' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('playbook-title')).toHaveValue(title);
  await expect(page.getByTestId('editor')).toBeVisible();
}

/** Opens a playbook from the sidebar and waits until its editor has content. */
export async function selectPlaybook(page: Page, title: string): Promise<void> {
  await playbookRow(page, title).getByRole('button', { name: title, exact: true }).click();
  await expect(page.getByTestId('playbook-title')).toHaveValue(title);
  await expect(narrativeSections(page).first()).toBeVisible();
}

/**
 * Lets the page finish what the last input queued (editor commit, React render, the store's batching
 * timer) before the test looks at the screen: one animation frame and one task, not a guessed delay.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

/** Waits until the title bar says everything is stored on this device (never a stale "Saved"). */
export async function expectSaved(page: Page): Promise<void> {
  await settle(page);
  await expect(page.getByTestId('save-state')).toHaveText(SAVED);
}

/** The toast whose message (without its buttons) matches `message`. */
export function toast(page: Page, message: RegExp): Locator {
  return page.getByTestId('toast').filter({ has: page.locator(':scope > span', { hasText: message }) });
}

/** The sidebar's playbook rows. */
export function playbookRows(page: Page): Locator {
  return page.getByTestId('playbook-list').getByRole('listitem');
}

/** The sidebar row of one playbook. */
export function playbookRow(page: Page, title: string): Locator {
  return playbookRows(page).filter({ has: page.getByRole('button', { name: title, exact: true }) });
}

/** Visible names of the sidebar's playbooks, in list order. */
export function playbookNames(page: Page): Locator {
  return page.getByTestId('playbook-list').locator('.playbook-name');
}

/** The narrative sections of the open playbook, in document order. */
export function narrativeSections(page: Page): Locator {
  return page.getByTestId('editor').locator('section.narrative');
}

/** The narrative section whose title is exactly `title`. */
export function narrativeSection(page: Page, title: string): Locator {
  return narrativeSections(page).filter({
    has: page.locator('h2.narrative-title', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }),
  });
}

/** The titles of the open playbook's narratives as the editor shows them. */
export function narrativeTitles(page: Page): Locator {
  return narrativeSections(page).locator('h2.narrative-title');
}

/** The outline's entries (the buttons a user clicks, focuses and drags). */
export function outlineItems(page: Page): Locator {
  return page.getByTestId('outline').locator('.outline-link');
}

/** The outline's entry titles. */
export function outlineTitles(page: Page): Locator {
  return page.getByTestId('outline').locator('.outline-title');
}

/** The outline entry for a narrative title. */
export function outlineItem(page: Page, title: string): Locator {
  return outlineItems(page).filter({
    has: page.locator('.outline-title', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }),
  });
}

/** Puts the caret at the end of a (possibly wrapped) block: a click on its last line, then End. */
export async function caretAtEnd(target: Locator): Promise<void> {
  const box = await target.boundingBox();
  if (box === null) throw new Error(`[e2e] ${target} is not visible`);
  await target.click({ position: { x: Math.max(1, box.width - 4), y: Math.max(1, box.height - 6) } });
  await target.page().keyboard.press('End');
}

/** Escapes a string for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The document name of a playbook (shared/collab/docNames.ts). */
export function playbookDocName(workspaceId: string, playbookId: string): string {
  return `${workspaceId}/playbook/${playbookId}`;
}

/** One stored update record as IndexedDB holds it, with the bytes as a plain array. */
export interface StoredRecord {
  seq: number;
  doc: string;
  bytes: number[];
}

/** Every record of the `updates` store (the device's saved documents). */
export function readStoredUpdates(page: Page): Promise<StoredRecord[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('duet-docs');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      const records = await new Promise<{ seq: number; doc: string; bytes: Uint8Array }[]>((resolve, reject) => {
        const req = db.transaction('updates', 'readonly').objectStore('updates').getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      return records.map((r) => ({ seq: r.seq, doc: r.doc, bytes: [...r.bytes] }));
    } finally {
      db.close();
    }
  });
}

/** Everything in the `quarantine` store, bytes as plain arrays. */
export function readQuarantine(page: Page): Promise<{ docName: string; reason: string; bytes: number[][] }[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('duet-docs');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      const records = await new Promise<{ docName: string; reason: string; bytes: Uint8Array[] }[]>(
        (resolve, reject) => {
          const req = db.transaction('quarantine', 'readonly').objectStore('quarantine').getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        },
      );
      return records.map((r) => ({ docName: r.docName, reason: r.reason, bytes: r.bytes.map((b) => [...b]) }));
    } finally {
      db.close();
    }
  });
}

/** Appends a raw record for `doc` to the `updates` store, as a damaged disk or a buggy writer would leave it. */
export function appendRawUpdate(page: Page, doc: string, bytes: number[]): Promise<void> {
  return page.evaluate(
    async ({ doc, bytes }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('duet-docs');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      try {
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('updates', 'readwrite');
          tx.objectStore('updates').add({ doc, bytes: new Uint8Array(bytes) });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      } finally {
        db.close();
      }
    },
    { doc, bytes },
  );
}

/** Replaces the bytes of every stored record of `doc` with `bytes` (the document's data is damaged). */
export function overwriteStoredDoc(page: Page, doc: string, bytes: number[]): Promise<number> {
  return page.evaluate(
    async ({ doc, bytes }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('duet-docs');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      try {
        return await new Promise<number>((resolve, reject) => {
          const tx = db.transaction('updates', 'readwrite');
          const store = tx.objectStore('updates');
          let changed = 0;
          const cursor = store.openCursor();
          cursor.onsuccess = () => {
            const c = cursor.result;
            if (c === null) return;
            if (c.value.doc === doc) {
              c.update({ ...c.value, bytes: new Uint8Array(bytes) });
              changed++;
            }
            c.continue();
          };
          tx.oncomplete = () => resolve(changed);
          tx.onerror = () => reject(tx.error);
        });
      } finally {
        db.close();
      }
    },
    { doc, bytes },
  );
}
