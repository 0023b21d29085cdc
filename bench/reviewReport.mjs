/**
 * Benchmarks of the win/loss review (bench/pages/review.tsx): aggregation over 100,000 deal entries beside a
 * plain counting loop, and opening the review of a 200-narrative playbook beside a plain list of its titles.
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
          target: { maxValue: 200 },
        },
      ],
      details: figures,
    };
  } finally {
    await page.close();
  }
}
