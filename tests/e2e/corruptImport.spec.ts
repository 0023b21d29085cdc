/**
 * A damaged or foreign file offered as a workspace is refused as a whole: the user is told why, in words,
 * and nothing on the device changes — not the playbooks, not the list of workspaces, not the stored bytes.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import {
  narrativeTitles,
  openSample,
  playbookNames,
  readStoredUpdates,
  SAMPLE,
  selectPlaybook,
  toast,
} from './support/duet';

/** The first bytes of a real PNG and of a real zip archive, padded with bytes that are no format at all. */
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64, 7)]);
const ZIP = Buffer.concat([
  Buffer.from('504b0304140000000800', 'hex'),
  Buffer.from('word/document.xml'),
  Buffer.alloc(64, 3),
]);
/** Deterministic noise (a fixed LCG), so a failure can be reproduced byte for byte. */
function noise(length: number): Buffer {
  const out = Buffer.alloc(length);
  let x = 12345;
  for (let i = 0; i < length; i++) out[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  return out;
}

interface DeviceState {
  playbooks: string[];
  narratives: string[];
  records: { doc: string; bytes: number[] }[];
  settings: string | null;
}

/** What a user has on this device, as seen in the UI and as stored. */
async function deviceState(page: Page): Promise<DeviceState> {
  return {
    playbooks: await playbookNames(page).allTextContents(),
    narratives: await narrativeTitles(page).allTextContents(),
    records: (await readStoredUpdates(page)).map(({ doc, bytes }) => ({ doc, bytes })),
    settings: await page.evaluate(() => localStorage.getItem('duet.settings')),
  };
}

async function importBytes(page: Page, name: string, buffer: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-workspace').click();
  await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer });
}

test('damaged, truncated, foreign and empty files are refused with a reason, and nothing changes', async ({
  page,
}, testInfo) => {
  await openSample(page);
  await selectPlaybook(page, SAMPLE.core.title);
  const download = page.waitForEvent('download');
  await page.getByTestId('export-workspace').click();
  const path = testInfo.outputPath('fernway.duet');
  await (await download).saveAs(path);
  const valid = readFileSync(path);
  expect(valid.length).toBeGreaterThan(200);

  const flipped = Buffer.from(valid);
  flipped[Math.floor(valid.length / 2)]! ^= 0x01; // one bit, in the middle of the documents
  const flippedHeader = Buffer.from(valid);
  flippedHeader[20]! ^= 0x20; // inside the table of contents
  const cases: { name: string; bytes: Buffer; reason: RegExp }[] = [
    { name: 'noise.duet', bytes: noise(4096), reason: /not a Duet workspace file/ },
    {
      name: 'half.duet',
      bytes: valid.subarray(0, Math.floor(valid.length / 2)),
      reason: /truncated|damaged|incomplete/,
    },
    { name: 'almost.duet', bytes: valid.subarray(0, valid.length - 1), reason: /truncated|damaged|incomplete/ },
    { name: 'flipped.duet', bytes: flipped, reason: /damaged/ },
    { name: 'flipped-header.duet', bytes: flippedHeader, reason: /damaged/ },
    { name: 'photo.duet', bytes: PNG, reason: /not a Duet workspace file/ },
    { name: 'archive.duet', bytes: ZIP, reason: /not a Duet workspace file/ },
    { name: 'empty.duet', bytes: Buffer.alloc(0), reason: /not a Duet workspace file/ },
    { name: 'magic-only.duet', bytes: valid.subarray(0, 8), reason: /truncated|damaged/ },
  ];

  const before = await deviceState(page);
  for (const { name, bytes, reason } of cases) {
    await test.step(name, async () => {
      await importBytes(page, name, bytes);
      const error = page.locator('.toast-error');
      await expect(error).toHaveCount(1);
      await expect(error.locator(':scope > span')).toHaveText(
        new RegExp(`^Nothing was imported\\. ${name.replace('.', '\\.')}: `),
      );
      await expect(error.locator(':scope > span')).toHaveText(reason);
      // Errors stay until dismissed, so a user has time to read them.
      await error.getByRole('button', { name: 'Dismiss' }).click();
      await expect(error).toHaveCount(0);
      await expect(toast(page, /^(Imported|Merged)/)).toHaveCount(0);
      expect(await deviceState(page)).toEqual(before);
    });
  }

  // The refusals left the app working: the real file still imports (a merge that adds nothing).
  await importBytes(page, 'fernway.duet', valid);
  await expect(toast(page, /^Merged \d+ documents into “Fernway \(sample\)”/)).toBeVisible();
  await expect(playbookNames(page)).toHaveText(before.playbooks);
  await expect(narrativeTitles(page)).toHaveText(before.narratives);
});

test('a refused file on the welcome screen leaves the device as new as it was', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('welcome')).toBeVisible();
  await importBytes(page, 'photo.png', PNG);
  await expect(page.locator('.toast-error > span')).toHaveText(
    /^Nothing was imported\. photo\.png: This is not a Duet workspace file/,
  );
  await expect(page.getByTestId('welcome')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('duet.settings'))).toBeNull();
  expect(await readStoredUpdates(page)).toEqual([]);
});
