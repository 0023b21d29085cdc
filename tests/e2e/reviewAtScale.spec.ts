/**
 * A year of CRM history: the win/loss review of 20,000 deals opens, filters by competitor, goes back to
 * All and answers a search keystroke without a long task over 200 ms and with a DOM of at most 5,000
 * elements — measured beside the same steps on a 200-deal playbook in the same run (printed as a table).
 * The deals are written by the app's own writer and stored on the device (support/reviewScale.ts).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { DealInput } from '../../shared/domain/deal';
import { createPlaybook, createWorkspace, selectPlaybook, settle } from './support/duet';
import {
  domSize,
  idle,
  generateDeals,
  attributeLongTasks,
  longTaskEntriesSince,
  narrativeIds,
  notesDocOfNewPlaybook,
  pageNow,
  recordLongTasks,
  storeDeals,
  timeInteraction,
} from './support/reviewScale';

const SHOTS = resolve(import.meta.dirname, '../../test-results/screens');
const fmt = (n: number): string => new Intl.NumberFormat('en-US').format(n);
const MAX_DOM = 5_000;
const MAX_LONG_TASK = 200;
/** Each step is timed this many times; the table shows medians. */
const RUNS = 5;
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Figures {
  deals: number;
  firstOpen: number;
  open: number;
  filter: number;
  backToAll: number;
  keystroke: number;
  maxDom: number;
  longTasks: number[];
  /** Long tasks with the step they fell in. */
  attributed: string[];
}

/** Opens the review of `title` (first time: the deal log is read), then times each step. */
async function measure(page: Page, title: string, deals: readonly DealInput[]): Promise<Figures> {
  const total = fmt(deals.length);
  const geotab = fmt(deals.filter((d) => d.competitor === 'Geotab').length);
  await selectPlaybook(page, title);
  const review = page.getByTestId('review');
  const t0 = Date.now();
  await page.getByTestId('review-toggle').click();
  await expect(review.getByTestId('summary-deals')).toContainText(total, { timeout: 60_000 });
  const firstOpen = Date.now() - t0;
  await page.getByTestId('review-toggle').click();
  await expect(review).toBeHidden();
  await settle(page);

  const since = await pageNow(page);
  const doms: number[] = [];
  const marks: [string, number][] = [];
  // Each step starts on an idle page, as a user's next click does.
  const mark = async (name: string): Promise<void> => {
    await idle(page);
    marks.push([name, await pageNow(page)]);
  };
  const times: Record<'open' | 'filter' | 'backToAll' | 'keystroke', number[]> = {
    open: [],
    filter: [],
    backToAll: [],
    keystroke: [],
  };
  const search = review.getByTestId('notes-search');
  const count = review.getByTestId('notes-count');
  for (let run = 0; run < RUNS; run++) {
    if (run > 0) {
      await mark('close review');
      await page.getByTestId('review-toggle').click();
      await expect(review).toBeHidden();
      await settle(page);
    }
    await mark('open');
    times.open.push(
      await timeInteraction(page, { kind: 'click', testId: 'review-toggle' }, { testId: 'summary-deals', text: total }),
    );
    await expect(review.getByTestId('deal-card').first()).toBeVisible();
    doms.push(await domSize(page));

    await mark('filter');
    times.filter.push(
      await timeInteraction(
        page,
        { kind: 'select', testId: 'filter-competitor', value: 'Geotab' },
        { testId: 'summary-deals', text: 'Deals matching' },
      ),
    );
    await expect(review.getByTestId('summary-deals')).toContainText(`${geotab}of ${total} deals in all`);
    doms.push(await domSize(page));
    await mark('back to All');
    times.backToAll.push(
      await timeInteraction(
        page,
        { kind: 'select', testId: 'filter-competitor', value: '' },
        { testId: 'summary-deals', text: 'All deals' },
      ),
    );
    doms.push(await domSize(page));

    // One keystroke: "account 1" → "account 12" narrows the list (the result shows after the 150 ms pause).
    await mark('search: fill');
    await search.fill('account 1');
    await expect(count).toContainText(' of ');
    const before = (await count.textContent())!;
    await mark('search: keystroke');
    times.keystroke.push(
      await timeInteraction(
        page,
        { kind: 'type', testId: 'notes-search', value: 'account 12' },
        { testId: 'notes-count', changedFrom: before },
      ),
    );
    doms.push(await domSize(page));
    await mark('search: clear');
    await search.fill('');
    await expect(count).not.toContainText(' of ');
  }
  const entries = await longTaskEntriesSince(page, since);
  const longTasks = entries.map((t) => Math.round(t.duration));
  const attributed = attributeLongTasks(entries, marks);
  return {
    deals: deals.length,
    firstOpen,
    open: median(times.open),
    filter: median(times.filter),
    backToAll: median(times.backToAll),
    keystroke: median(times.keystroke),
    maxDom: Math.max(...doms),
    longTasks,
    attributed,
  };
}

test('the review of 20,000 deals opens, filters and searches without a freeze, like 200 do', async ({ page }) => {
  test.setTimeout(300_000);
  await recordLongTasks(page);
  await createWorkspace(page, 'Fernway sales', 'Ana Reyes');
  const smallDoc = await notesDocOfNewPlaybook(page, () => createPlaybook(page, 'Two hundred deals'));
  const small = generateDeals(200, await narrativeIds(page));
  const largeDoc = await notesDocOfNewPlaybook(page, () => createPlaybook(page, 'A year of CRM history'));
  const large = generateDeals(20_000, await narrativeIds(page));
  await storeDeals(page, smallDoc, small);
  await storeDeals(page, largeDoc, large);
  await page.reload();

  const a = await measure(page, 'Two hundred deals', small);
  const b = await measure(page, 'A year of CRM history', large);
  const row = (name: string, key: 'firstOpen' | 'open' | 'filter' | 'backToAll' | 'keystroke'): string =>
    `| ${name} | ${Math.round(a[key])} ms | ${Math.round(b[key])} ms | ${(b[key] / a[key]).toFixed(2)}× |`;
  console.log(
    [
      '| step | 200 deals | 20,000 deals | ratio |',
      '|---|---|---|---|',
      row('open the review (log already read), median of 5', 'open'),
      row('filter Competitor = Geotab, median of 5', 'filter'),
      row('back to All, median of 5', 'backToAll'),
      row('search keystroke (incl. 150 ms debounce), median of 5', 'keystroke'),
      row('first open after start (incl. reading the log), once', 'firstOpen'),
      `| largest DOM | ${a.maxDom} | ${b.maxDom} | |`,
      `| long tasks during the steps (ms) | ${a.attributed.join(', ') || 'none'} | ${b.attributed.join(', ') || 'none'} | |`,
    ].join('\n'),
  );

  for (const f of [a, b]) {
    expect(f.maxDom, `DOM elements with ${f.deals} deals`).toBeLessThanOrEqual(MAX_DOM);
    // Generous bounds against a regression to seconds; the 200-deal column is the real yardstick.
    for (const step of [f.open, f.filter, f.backToAll, f.keystroke]) expect(step).toBeLessThan(1_500);
  }
  // No long task over 200 ms. Long tasks are wall time: on a machine busy with other work even the 200-deal
  // steps can pass 200 ms, and then 20,000 deals are held to that same-run baseline instead (× 1.5).
  const longest = (f: Figures): number => Math.max(0, ...f.longTasks);
  const bar = Math.max(MAX_LONG_TASK, 1.5 * longest(a));
  if (bar > MAX_LONG_TASK) console.log(`busy machine: 200 deals already had a ${longest(a)} ms task; bar ${bar} ms`);
  expect(longest(b), 'longest task with 20,000 deals').toBeLessThanOrEqual(bar);

  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'review-20000-deals.png') });

  // Keyboard: every card is reachable although only a screenful exists — End jumps to the last of all.
  const review = page.getByTestId('review');
  const list = review.getByTestId('deal-list').getByRole('list');
  const rows = list.getByRole('listitem');
  const setSize = Number(await rows.first().getAttribute('aria-setsize'));
  expect(setSize).toBeGreaterThan(2_000);
  // Focus lands on the row's first control (a storyteller's Edit, which moderation offers on every deal) or
  // on the row itself: either way, the row holding focus is the one the key asked for.
  const focusedRow = () =>
    page.evaluate(() => document.activeElement?.closest('[role="listitem"]')?.getAttribute('aria-posinset') ?? null);
  await rows.first().focus();
  await page.keyboard.press('End');
  await expect.poll(focusedRow).toBe(String(setSize));
  await page.keyboard.press('ArrowUp');
  await expect.poll(focusedRow).toBe(String(setSize - 1));
  await page.keyboard.press('Home');
  await expect.poll(focusedRow).toBe('1');
  expect(await domSize(page)).toBeLessThanOrEqual(MAX_DOM);

  // The storyteller changes a deal's outcome with the review of 20,000 deals open: the narrative's figures
  // show it as soon as the form closes (they are patched from the log before, not counted again over every
  // deal), the card says it, and nothing holds the window.
  const card = review.getByTestId('deal-card').first();
  // "Won: Account 12" — the account names the card again once it has moved or re-rendered.
  const account = (await card.getAttribute('aria-label'))!.split(': ').slice(1).join(': ');
  await card.getByRole('button', { name: 'Edit' }).click();
  const outcome = page.getByTestId('deal-outcome');
  const next = (await outcome.inputValue()) === 'won' ? 'lost-no-decision' : 'won';
  await outcome.selectOption(next);
  const won = Number((await review.getByTestId('stat-won').innerText()).replace(/\D/g, ''));
  // The table per version counts it too (patched from the table before): this log has no versions, so every
  // deal of the narrative is in its one row, "Before versions".
  await expect(review.getByTestId('version-row')).toHaveCount(1);
  const versionWon = Number(await review.getByTestId('version-won').innerText());
  const editedSince = await pageNow(page);
  const shown = await timeInteraction(
    page,
    { kind: 'click', testId: 'deal-save' },
    { testId: 'stat-won', text: fmt(won + (next === 'won' ? 1 : -1)) },
  );
  console.log(`outcome edited with 20,000 deals: the review showed it ${Math.round(shown)} ms after Save`);
  await expect(review.getByTestId('summary-deals')).toContainText(fmt(large.length));
  await expect(review.getByTestId('version-won')).toHaveText(String(versionWon + (next === 'won' ? 1 : -1)));
  await page.screenshot({ path: join(SHOTS, 'review-20000-deals-edited.png') });
  const editedCard = review.getByTestId('deal-card').filter({ hasText: account }).first();
  await expect(editedCard).toHaveAttribute('aria-label', `${next === 'won' ? 'Won' : 'Lost, no decision'}: ${account}`);
  const editLongest = Math.max(0, ...(await longTaskEntriesSince(page, editedSince)).map((t) => t.duration));
  expect(editLongest, 'longest task of the edit').toBeLessThanOrEqual(bar);
  // The filters count the edit too (their indexes and tallies were patched in the background): the edited
  // deal's competitor shows its deals won as the generated log says, with this one outcome changed.
  const edited = large.find((d) => d.account === account)!;
  // (A deal without a competitor: the menu's "All" shows every deal.)
  const counted = (d: DealInput): boolean => edited.competitor === '' || d.competitor === edited.competitor;
  const wonWith = large.filter((d) => counted(d) && (d === edited ? next === 'won' : d.outcome === 'won')).length;
  await review.getByTestId('filter-competitor').selectOption(edited.competitor);
  await expect(review.getByTestId('summary-won').locator('.review-summary-value')).toHaveText(fmt(wonWith));
});
