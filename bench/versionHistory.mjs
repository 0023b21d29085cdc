/**
 * Benchmarks of playbook versions (bench/pages/versions.ts) on the 200-narrative playbook: save a version,
 * open the history (500 versions), compare two versions, restore one narrative — each beside the bare
 * Y.encodeStateAsUpdate + Y.applyUpdate of the same playbook document, measured in the same page and run.
 */
import { round1, watchForErrors } from './lib/browser.mjs';

/**
 * Runs the benchmark.
 * @param {{ context: import('@playwright/test').BrowserContext, url: string, log: (s: string) => void }} ctx
 */
export async function run({ context, url, log }) {
  const page = await context.newPage();
  const check = watchForErrors(page, 'versions');
  try {
    await page.goto(`${url}bench/versions.html`);
    await page.waitForFunction(() => window.duetVersionsBench !== undefined);
    const f = await page.evaluate(() => window.duetVersionsBench.run());
    check();
    log(`versions: ${JSON.stringify(f)}`);
    const row = (metric, value, target) => ({ metric, value: round1(value), baseline: round1(f.baseline), target });
    return {
      rows: [
        row('save version, 200 narratives (median ms)', f.save, { maxRatio: 1.5 }),
        row('open history, 500 versions (median ms)', f.openHistory, {}),
        row('compare two versions, 200 narratives (median ms)', f.compare, { maxValue: 150 }),
        row('restore one narrative, 200 narratives (median ms)', f.restore, { maxValue: 100 }),
      ],
      details: f,
    };
  } finally {
    await page.close();
  }
}
