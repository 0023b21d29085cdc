/**
 * Benchmark (c): deck export. Duet's deck (layout with text measuring, then pptxgenjs writing the laid-out
 * slides) at 10, 100 and 500 narratives, beside a baseline of pptxgenjs alone writing the same number of
 * plain-text slides, in the same page. Runs alternate deck and baseline; medians of RUNS after a warm-up
 * (15: with 5, the same code's 100-slide ratio read 1.38× and 1.63× in two runs back to back).
 * The last row shows growth is linear: time per slide at 500 slides against time per slide at 100.
 */
import { median, round1, watchForErrors } from './lib/browser.mjs';

const RUNS = 15;
const SIZES = [10, 100, 500];

/**
 * @param {{ context: import('@playwright/test').BrowserContext, url: string, log: (s: string) => void }} ctx
 */
export async function run({ context, url, log }) {
  const page = await context.newPage();
  const check = watchForErrors(page, 'deck');
  try {
    await page.goto(`${url}bench/deck.html`);
    await page.waitForFunction(() => window.duetDeckBench !== undefined);
    const samples = {};
    for (const size of SIZES) {
      samples[size] = { deck: [], baseline: [], layout: [] };
      for (let i = 0; i <= RUNS; i++) {
        for (const which of ['deck', 'baseline']) {
          const r = await page.evaluate(([w, n]) => window.duetDeckBench[w](n), [which, size]);
          if (i > 0) samples[size][which].push(r.ms);
          if (i > 0 && which === 'deck') samples[size].layout.push(r.layoutMs);
          if (i === 0) log(`deck ${which} ${size}: ${r.slides} slides, ${r.bytes} bytes, ${round1(r.ms)} ms (warm-up)`);
        }
      }
    }
    check();
    const med = (size, which) => round1(median(samples[size][which]));
    const rows = SIZES.map((size) => ({
      metric: `deck export, ${size} narratives → .pptx (median ms)`,
      value: med(size, 'deck'),
      baseline: med(size, 'baseline'),
      target: size === 100 ? { maxValue: 2000, maxRatio: 1.5 } : {},
    }));
    rows.push({
      metric: 'deck ms per slide at 500 (baseline: at 100)',
      value: Math.round((med(500, 'deck') / 500) * 1000) / 1000,
      baseline: Math.round((med(100, 'deck') / 100) * 1000) / 1000,
      target: { maxRatio: 1.5 },
    });
    // Where the deck's time goes: the layout (text measuring, fitting) and the rest (pptxgenjs: the slides'
    // XML and the zip), beside pptxgenjs alone.
    const breakdown = `Deck export, median ms: ${SIZES.map(
      (size) =>
        `${size} narratives — layout ${med(size, 'layout')}, pptxgenjs ${round1(med(size, 'deck') - med(size, 'layout'))} (plain pptxgenjs ${med(size, 'baseline')})`,
    ).join('; ')}.`;
    return { rows, breakdown, details: { runs: RUNS, samples } };
  } finally {
    await page.close();
  }
}
