/**
 * The review answers the first question (issue 8.6): the playbook-wide figure on top (all deals, won, lost,
 * win rate with its 95% interval), a narrative whose deals a filter hides says so with how many it has in
 * all, and the chart's last period label is inside the chart.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { DealInput } from '../../shared/domain/deal';
import { createPlaybook, createWorkspace, selectPlaybook } from './support/duet';
import { narrativeIds, notesDocOfNewPlaybook, storeDeals } from './support/reviewScale';

const SHOTS = resolve(import.meta.dirname, '../../test-results/screens');

function deal(i: number, narrativeId: string, extra: Partial<DealInput>): DealInput {
  return {
    account: `Account ${i}`,
    dealName: '',
    crmId: `OPP-${i}`,
    amount: 10_000,
    currency: 'EUR',
    stage: 'decision',
    persona: 'CFO',
    outcome: 'won',
    competitor: '',
    closeDate: '2026-03-10',
    narratives: [{ narrativeId, reception: 'resonated' }],
    note: '',
    perspective: 'rep',
    ...extra,
  };
}

/**
 * A new workspace's playbook ("Launch story") with the deals `deals` makes from its first two narratives'
 * ids (Positioning, Pillar 1), opened on its review.
 */
async function reviewWithDeals(
  page: Page,
  deals: (positioning: string, pillar1: string) => DealInput[],
): Promise<Locator> {
  await createWorkspace(page, 'Fernway sales', 'Ana Reyes');
  const notesDoc = await notesDocOfNewPlaybook(page, () => createPlaybook(page, 'Launch story'));
  const [positioning, pillar1] = await narrativeIds(page);
  await storeDeals(page, notesDoc, deals(positioning!, pillar1!));
  await page.reload();
  await selectPlaybook(page, 'Launch story');
  await page.getByTestId('review-toggle').click();
  return page.getByTestId('review');
}

test('the review opens on the playbook-wide figure, and a filter that hides a narrative’s deals says so', async ({
  page,
}) => {
  // Positioning: three CFO deals over six months (2 won, 1 lost). Pillar 1: three COO deals (1 won, 1 lost, 1 open).
  const review = await reviewWithDeals(page, (positioning, pillar1) => [
    deal(1, positioning, { closeDate: '2026-01-12' }),
    deal(2, positioning, { closeDate: '2026-03-20', outcome: 'lost-competitor', competitor: 'Geotab' }),
    deal(3, positioning, { closeDate: '2026-06-05' }),
    deal(4, pillar1, { persona: 'COO' }),
    deal(5, pillar1, { persona: 'COO', outcome: 'lost-no-decision' }),
    deal(6, pillar1, { persona: 'COO', outcome: 'open' }),
  ]);

  // The first question: all deals, won, lost, and the win rate with its interval (3 of 5: 60%, 23–88%).
  const summary = review.getByTestId('review-summary');
  await expect(summary.getByTestId('summary-deals')).toContainText('All deals6');
  await expect(summary.getByTestId('summary-deals')).toContainText('1 still open');
  await expect(summary.getByTestId('summary-won')).toContainText('3');
  await expect(summary.getByTestId('summary-lost')).toContainText('2');
  await expect(summary.getByTestId('summary-win-rate')).toContainText('60%');
  await expect(summary.getByTestId('summary-win-rate')).toContainText('95% interval 23%–88% · 5 decided deals');

  // The chart's last period label is drawn inside the chart, not cut off by its edge.
  await review.getByTestId('rank-row').filter({ hasText: 'Positioning' }).click();
  const chart = review.getByTestId('win-chart');
  await expect(chart).toBeVisible();
  const overflow = await chart.evaluate((svg: SVGSVGElement) => {
    const width = svg.viewBox.baseVal.width;
    const labels = [...svg.querySelectorAll<SVGTextElement>('text.win-chart-axis')];
    return labels.map((t) => ({
      text: t.textContent,
      left: t.getBBox().x,
      right: t.getBBox().x + t.getBBox().width,
      width,
    }));
  });
  expect(overflow.map((l) => l.text)).toContain('2026-06');
  for (const label of overflow) {
    expect(label.left, `${label.text} starts inside the chart`).toBeGreaterThanOrEqual(0);
    expect(label.right, `${label.text} ends inside the chart`).toBeLessThanOrEqual(label.width);
  }

  // Persona = COO hides every Positioning deal: the review says so, with how many there are in all.
  await review.getByTestId('filter-persona').selectOption('COO');
  await expect(summary.getByTestId('summary-deals')).toContainText('Deals matching3of 6 deals in all');
  await expect(summary.getByTestId('summary-win-rate')).toContainText('50%');
  await expect(review.getByTestId('rank-row').filter({ hasText: 'Positioning' })).toContainText('no matching deals');
  await review.getByTestId('rank-row').filter({ hasText: 'Positioning' }).click();
  const detail = review.getByTestId('review-detail');
  await expect(detail.getByTestId('no-deals-callout')).toContainText('No deals match these filters (3 in all).');
  await expect(detail.getByTestId('notes-empty')).toHaveText('No deals match these filters (3 in all).');
  await expect(detail).not.toContainText('No deals yet');
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'review-filtered-out.png') });

  // A narrative nobody logged a deal for still says "No deals yet" once the filter is off.
  await review.getByTestId('filter-persona').selectOption('');
  await expect(summary.getByTestId('summary-deals')).toContainText('All deals6');
  await review.getByTestId('rank-row').filter({ hasText: 'Objection handling' }).click();
  await expect(detail.getByTestId('notes-empty')).toHaveText('No deals yet.');
});

test('a filter narrows the figures of the narrative on screen instead of swapping it for another, and its per-version table says the filters do not apply', async ({
  page,
}) => {
  // Positioning wins all three of its deals (none against Geotab) and ranks first; Pillar 1 met Geotab twice.
  const review = await reviewWithDeals(page, (positioning, pillar1) => [
    deal(1, positioning, { closeDate: '2026-01-12' }),
    deal(2, positioning, { closeDate: '2026-02-20' }),
    deal(3, positioning, { closeDate: '2026-03-05' }),
    deal(4, pillar1, { competitor: 'Geotab' }),
    deal(5, pillar1, { competitor: 'Geotab', outcome: 'lost-competitor' }),
  ]);
  const detail = review.getByTestId('review-detail');
  await expect(detail).toHaveAttribute('aria-label', 'Review of Positioning');

  // Under Competitor = Geotab only Pillar 1 has deals, and it ranks first — but the detail stays where it was.
  await review.getByTestId('filter-competitor').selectOption('Geotab');
  await expect(review.getByTestId('rank-row').first()).toContainText('Pillar 1');
  await expect(detail).toHaveAttribute('aria-label', 'Review of Positioning');
  await expect(detail.getByTestId('no-deals-callout')).toContainText('No deals match these filters (3 in all).');
  // Its per-version table still counts all three deals, and says the filters do not apply there.
  await expect(detail.getByTestId('version-deals')).toHaveText('3');
  await expect(detail.getByTestId('version-filters-ignored')).toContainText('the filters above do not apply here');
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'review-filter-keeps-narrative.png') });

  // Back to all deals, and a click still chooses.
  await review.getByTestId('filter-competitor').selectOption('');
  await expect(detail.getByTestId('version-filters-ignored')).toHaveCount(0);
  await review.getByTestId('rank-row').filter({ hasText: 'Pillar 1' }).click();
  await expect(detail).toHaveAttribute('aria-label', /^Review of Pillar 1/);
});
