/**
 * Benchmarks of the win/loss review (bench/pages/review.tsx): aggregation over 100,000 deal entries beside a
 * plain counting loop, and opening the review of a 200-narrative playbook (read from the open editor) beside a
 * plain page that reads the same Y.Doc and lists its titles.
 */
import { round1, watchForErrors } from './lib/browser.mjs';

/**
 * Runs the benchmark.
 * @param {{ context: import('@playwright/test').BrowserContext, url: string, log: (s: string) => void }} ctx
 */
export async function run({ context, url, log }) {
  const page = await context.newPage();
  const check = watchForErrors(page, 'review');
  try {
    await page.goto(`${url}bench/review.html`);
    await page.waitForFunction(() => window.duetReviewBench !== undefined);
    const figures = await page.evaluate(() => window.duetReviewBench.run());
    check();
    log(`review: ${JSON.stringify(figures)}`);
    return {
      rows: [
        {
          metric: 'review aggregation, 100,000 deals (median ms)',
          value: round1(figures.aggregate),
          baseline: round1(figures.baseline),
          target: { maxValue: 50 },
        },
        {
          metric: 'open review of 200-narrative playbook (median ms)',
          value: round1(figures.openReview),
          baseline: round1(figures.openBaseline),
          target: { maxValue: 200, maxRatio: 1.1 },
        },
      ],
      breakdown:
        `Open review, median ms: read from the open editor ${round1(figures.readFromEditor)}, ` +
        `ReviewView alone ${round1(figures.reviewOnly)}, plain list alone ${round1(figures.listOnly)} ` +
        `(the baseline reads the Y.Doc headlessly, then lists).`,
      details: figures,
    };
  } finally {
    await page.close();
  }
}
