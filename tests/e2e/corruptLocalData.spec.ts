/**
 * Damaged data on the device (a bad disk sector, a crash mid-write, a buggy old version): the app still
 * starts, names the playbook it cannot read, keeps every other playbook working, and never overwrites the
 * damaged bytes — setting them aside only when the user asks.
 */
import { expect, test } from '@playwright/test';
import {
  narrativeSections,
  narrativeTitles,
  openSample,
  overwriteStoredDoc,
  playbookDocName,
  playbookNames,
  readQuarantine,
  readStoredUpdates,
  SAMPLE,
  selectPlaybook,
} from './support/duet';

const CFO_DOC = playbookDocName(SAMPLE.workspaceId, SAMPLE.cfo.id);
/** Not a Yjs update: what a torn write or a stray file would leave behind. */
const GARBAGE = [...Buffer.from('\u0007\u00ff\u00fe this is not a Yjs update \u0000\u0001\u0002', 'latin1')];

test('a playbook whose stored data is damaged is named, the rest still opens, and the bytes are kept', async ({
  page,
}) => {
  await openSample(page);
  expect(await overwriteStoredDoc(page, CFO_DOC, GARBAGE)).toBeGreaterThan(0);

  await page.reload();
  await expect(playbookNames(page)).toHaveText([SAMPLE.cfo.title, SAMPLE.competitive.title, SAMPLE.core.title]);
  await playbookNames(page).filter({ hasText: SAMPLE.cfo.title }).click();
  const unreadable = page.getByTestId('playbook-unreadable');
  await expect(unreadable.getByRole('heading')).toHaveText(`“${SAMPLE.cfo.title}” could not be read`);
  await expect(unreadable).toContainText('Nothing has been changed or deleted.');
  await expect(page.getByTestId('editor')).toHaveCount(0);

  // Every other playbook opens and can be edited as usual.
  await selectPlaybook(page, SAMPLE.core.title);
  await expect(narrativeTitles(page).first()).toHaveText('Positioning: uptime you can plan');
  await selectPlaybook(page, SAMPLE.competitive.title);
  await expect(narrativeSections(page)).toHaveCount(2);

  // Looking at the damaged playbook (twice, and after a reload) wrote nothing over its bytes.
  await playbookNames(page).filter({ hasText: SAMPLE.cfo.title }).click();
  await expect(unreadable).toBeVisible();
  await page.reload();
  await expect(unreadable).toBeVisible();
  const stored = (await readStoredUpdates(page)).filter((r) => r.doc === CFO_DOC);
  expect(stored.length).toBeGreaterThan(0);
  for (const record of stored) expect(record.bytes).toEqual(GARBAGE);
  expect(await readQuarantine(page)).toEqual([]);

  // Starting over moves the bytes aside, intact, and gives the playbook a fresh, working document.
  await unreadable.getByRole('button', { name: 'Keep the damaged data aside and start this playbook over' }).click();
  await expect(unreadable).toHaveCount(0);
  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(page.getByTestId('playbook-title')).toHaveValue(SAMPLE.cfo.title);
  const quarantine = await readQuarantine(page);
  expect(quarantine).toHaveLength(1);
  expect(quarantine[0]!.docName).toBe(CFO_DOC);
  expect(quarantine[0]!.reason).toMatch(/cannot be read|incomplete/);
  expect(quarantine[0]!.bytes).toEqual(stored.map((r) => r.bytes));
  for (const record of (await readStoredUpdates(page)).filter((r) => r.doc === CFO_DOC))
    expect(record.bytes).not.toEqual(GARBAGE);

  // The fresh playbook takes text and keeps it.
  await page.getByTestId('add-narrative').click();
  await page.keyboard.type('Rebuilt after the crash');
  await expect(narrativeTitles(page).last()).toHaveText('Rebuilt after the crash');
  // As a person would: the reload once the label says it is saved (a reload while the last keystrokes are
  // still being written can lose them — in CI it once kept "Rebuilt after th").
  await expect(page.getByTestId('save-state')).toHaveText('Saved on this device');
  await page.reload();
  await expect(page.getByTestId('playbook-title')).toHaveValue(SAMPLE.cfo.title);
  await expect(narrativeTitles(page).last()).toHaveText('Rebuilt after the crash');
  expect(await readQuarantine(page)).toHaveLength(1);
});

test('a damaged workspace list is named, kept, and set aside only on request', async ({ page }) => {
  await openSample(page);
  const directory = `${SAMPLE.workspaceId}/directory`;
  expect(await overwriteStoredDoc(page, directory, GARBAGE)).toBeGreaterThan(0);
  await page.reload();
  const unreadable = page.getByTestId('workspace-unreadable');
  await expect(unreadable.getByRole('heading')).toHaveText(`The workspace “${SAMPLE.workspaceName}” could not be read`);
  await expect(unreadable).toContainText('Nothing was changed.');
  for (const record of (await readStoredUpdates(page)).filter((r) => r.doc === directory))
    expect(record.bytes).toEqual(GARBAGE);

  await unreadable.getByRole('button', { name: 'Keep the damaged list aside and rebuild it' }).click();
  await expect(unreadable).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Playbooks' })).toBeVisible();
  const quarantine = await readQuarantine(page);
  expect(quarantine.map((q) => q.docName)).toEqual([directory]);
  expect(quarantine[0]!.bytes[0]).toEqual(GARBAGE);
  // The playbooks' own documents were not touched.
  const docs = new Set((await readStoredUpdates(page)).map((r) => r.doc));
  for (const id of [SAMPLE.core.id, SAMPLE.cfo.id, SAMPLE.competitive.id])
    expect(docs).toContain(playbookDocName(SAMPLE.workspaceId, id));
});

// Rebuilding lists every playbook document found on the device again, titled from its first heading.
test('after rebuilding a damaged workspace list, the playbooks on the device are listed again', async ({ page }) => {
  await openSample(page);
  await overwriteStoredDoc(page, `${SAMPLE.workspaceId}/directory`, GARBAGE);
  await page.reload();
  await page
    .getByTestId('workspace-unreadable')
    .getByRole('button', { name: 'Keep the damaged list aside and rebuild it' })
    .click();
  await expect(page.getByRole('navigation', { name: 'Playbooks' })).toBeVisible();
  await expect(playbookNames(page)).toHaveCount(3, { timeout: 2_000 });
  await expect(page.getByTestId('playbook-list')).toContainText('CFO pitch');
});
