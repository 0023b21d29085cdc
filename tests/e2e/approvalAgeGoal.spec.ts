/**
 * The shared goal "no narrative in Approved older than 90 days", measured from the approvals: the sample's
 * narratives are approved on a day 120 days ago (the page's clock set back while the sample is created),
 * so today the goal is off track and names them; a goal allowing 150 days is on track; the playbook's
 * review carries the same verdict in its goals strip.
 */
import { expect, test, type Page } from '@playwright/test';
import { openSample, SAMPLE, selectPlaybook } from './support/duet';

const DAY_MS = 86_400_000;

async function addApprovalGoal(page: Page, title: string, days: number): Promise<void> {
  await page.getByTestId('add-goal').click();
  const dialog = page.getByTestId('goal-dialog');
  await page.getByTestId('goal-title').fill(title);
  await dialog.getByLabel('Playbook').selectOption({ label: SAMPLE.core.title });
  await page.getByTestId('goal-metric').selectOption('approval-age');
  await expect(page.getByTestId('goal-target')).toHaveCount(0); // "no narrative older than…" means all of them
  await page.getByTestId('goal-max-age').fill(String(days));
  await dialog.getByRole('button', { name: 'Add goal' }).click();
  await expect(dialog).toBeHidden();
}

test('approvals older than the goal allows put it off track, and it names the narratives', async ({ page }) => {
  const now = Date.now();
  await page.clock.setFixedTime(now - 120 * DAY_MS);
  await openSample(page); // the sample's approved narratives get their approval records now: 120 days ago
  await page.clock.setFixedTime(now);

  await page.getByTestId('open-meetings').click();
  await addApprovalGoal(page, 'Approvals stay fresh', 90);
  const strict = page.getByTestId('goal-card').filter({ hasText: 'Approvals stay fresh' });
  await expect(strict.getByTestId('goal-status')).toHaveText('Off track');
  await expect(strict.getByTestId('goal-value')).toHaveText('0%');
  await expect(strict.getByTestId('goal-detail')).toHaveText(
    /^(\d+) of \1 approved narratives are older than 90 days: .+ \(120 days\)/,
  );
  await expect(strict).toContainText('Approvals no older than 90 days');

  await addApprovalGoal(page, 'Approvals within 150 days', 150);
  const lenient = page.getByTestId('goal-card').filter({ hasText: 'Approvals within 150 days' });
  await expect(lenient.getByTestId('goal-status')).toHaveText('On track');
  await expect(lenient.getByTestId('goal-value')).toHaveText('100%');
  await expect(lenient.getByTestId('goal-detail')).toHaveText(
    /^All \d+ approved narratives were approved in the last 150 days\.$/,
  );

  // The review of that playbook shows both goals with the same verdicts.
  await selectPlaybook(page, SAMPLE.core.title);
  await page.getByTestId('review-toggle').click();
  const strip = page.getByTestId('review-goals');
  await expect(strip.locator('li').filter({ hasText: 'Approvals stay fresh' })).toContainText('Off track');
  await expect(strip.locator('li').filter({ hasText: 'Approvals within 150 days' })).toContainText('On track');
});
