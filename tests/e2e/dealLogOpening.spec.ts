/**
 * Opening the deal log (issue 18): a log whose saved data is damaged is reported as such in the review
 * instead of looking empty ("No deals logged yet" would invite logging everything again).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import * as Y from 'yjs';
import { importDeals } from '../../shared/collab/notes';
import { appendRawUpdate, createPlaybook, createWorkspace, selectPlaybook } from './support/duet';
import { generateDeals, narrativeIds, notesDocOfNewPlaybook } from './support/reviewScale';

const SHOTS = resolve(import.meta.dirname, '../../test-results/screens');

test('a deal log whose saved data is damaged says so in the review instead of showing no deals', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
  await createWorkspace(page, 'Fernway sales', 'Ana Reyes');
  const notesDoc = await notesDocOfNewPlaybook(page, () => createPlaybook(page, 'Launch story'));
  const doc = new Y.Doc();
  importDeals(doc, generateDeals(50, await narrativeIds(page)), { author: 'CRM import', now: 1 });
  const bytes = Y.encodeStateAsUpdate(doc);
  await appendRawUpdate(page, notesDoc, [...bytes.subarray(0, bytes.length >> 1)]);
  await page.reload();
  await selectPlaybook(page, 'Launch story');
  await page.getByTestId('review-toggle').click();

  const review = page.getByTestId('review');
  const problem = review.getByRole('alert');
  await expect(problem).toContainText('The deal log could not be opened.');
  await expect(problem).toContainText('damaged');
  await expect(review.getByTestId('review-no-deals')).toHaveCount(0);
  expect(errors.some((e) => e.includes('[notes] cannot open notes'))).toBe(true);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'review-deal-log-damaged.png') });
});
