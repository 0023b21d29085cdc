/**
 * For the review-at-scale specs: a year of CRM history written into a playbook's notes document with the
 * app's own writer (`importDeals` of shared/collab/notes.ts, in Node), stored on the device as one update
 * record and read by the app on the next start — seconds instead of the minutes an import through the
 * dialog takes; and in-page timing of one interaction, from the input event to the frame that shows its
 * result.
 */
import { expect, type Page } from '@playwright/test';
import * as Y from 'yjs';
import { importDeals } from '../../../shared/collab/notes';
import type { DealInput, DealOutcome, Reception } from '../../../shared/domain/deal';
import { readStoredUpdates } from './duet';

/** Competitors of the generated deals; Geotab is the one the specs filter by. */
export const COMPETITORS = ['Geotab', 'Samsara', 'Verizon Connect', 'Motive', 'Trimble', ''] as const;
const PERSONAS = ['CFO', 'COO', 'Fleet manager', 'Head of IT'];
const OUTCOMES: DealOutcome[] = ['won', 'won', 'lost-competitor', 'lost-no-decision', 'open'];
const RECEPTIONS: Reception[] = ['resonated', 'neutral', 'fell-flat'];
const WORDS = ['fuel', 'downtime', 'pricing', 'telematics', 'safety', 'dashcam', 'renewal', 'integration'];

/** `count` deals over `narrativeIds`, deterministic (the same run always writes the same deals). */
export function generateDeals(count: number, narrativeIds: readonly string[]): DealInput[] {
  // mulberry32: a tiny PRNG whose low bits are as random as its high ones (an LCG's are not).
  let seed = 7;
  const rand = (n: number): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
  return Array.from({ length: count }, (_, i) => {
    const first = rand(narrativeIds.length);
    const uses = [first, ...(rand(3) === 0 ? [(first + 1) % narrativeIds.length] : [])];
    return {
      account: `Account ${i} ${WORDS[rand(WORDS.length)]} GmbH`,
      dealName: `Fleet deal ${i}`,
      crmId: `OPP-${String(i).padStart(6, '0')}`,
      amount: 5_000 + rand(200) * 500,
      currency: 'EUR',
      stage: 'decision',
      persona: PERSONAS[rand(PERSONAS.length)]!,
      outcome: OUTCOMES[rand(OUTCOMES.length)]!,
      competitor: COMPETITORS[rand(COMPETITORS.length)]!,
      closeDate: `202${5 + rand(2)}-${String(1 + rand(12)).padStart(2, '0')}-${String(1 + rand(28)).padStart(2, '0')}`,
      narratives: uses.map((k) => ({ narrativeId: narrativeIds[k]!, reception: RECEPTIONS[rand(3)]! })),
      note: `Buyer asked about ${WORDS[rand(WORDS.length)]} and ${WORDS[rand(WORDS.length)]}.`,
      perspective: 'rep',
    };
  });
}

/** The document names stored on the device so far. */
async function storedDocNames(page: Page): Promise<Set<string>> {
  return new Set((await readStoredUpdates(page)).map((r) => r.doc));
}

/**
 * Creates a playbook through `create` and returns the name of its notes document (`{ws}/notes/{id}`),
 * found as the one playbook document that appeared on the device meanwhile.
 */
export async function notesDocOfNewPlaybook(page: Page, create: () => Promise<void>): Promise<string> {
  const before = await storedDocNames(page);
  await create();
  let name: string | undefined;
  await expect
    .poll(async () => {
      name = [...(await storedDocNames(page))].find((d) => !before.has(d) && d.includes('/playbook/'));
      return name;
    })
    .toBeTruthy();
  return name!.replace('/playbook/', '/notes/');
}

/** The narrative ids of the open playbook, in order. */
export function narrativeIds(page: Page): Promise<string[]> {
  return page
    .locator('[data-narrative-id]')
    .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.narrativeId!));
}

/**
 * Writes `deals` into the notes document `docName` as the app would (one transaction of importDeals) and
 * stores the result on the device as one update record; the app reads it on its next start.
 */
export async function storeDeals(page: Page, docName: string, deals: readonly DealInput[]): Promise<void> {
  const doc = new Y.Doc();
  const result = importDeals(doc, deals, { author: 'CRM import', now: Date.UTC(2026, 11, 1) });
  if (!result.ok) throw new Error(result.error.message);
  const base64 = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
  await page.evaluate(
    async ({ docName, base64 }) => {
      const binary = atob(base64);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('duet-docs');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      try {
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('updates', 'readwrite');
          tx.objectStore('updates').add({ doc: docName, bytes });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      } finally {
        db.close();
      }
    },
    { docName, base64 },
  );
}

/** Installs, before any page script runs, a buffered observer that keeps every long task (> 50 ms). */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    (window as unknown as { __duetLongTasks: typeof tasks }).__duetLongTasks = tasks;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** The long tasks (ms) that started at or after `since` (a page `performance.now()`). */
export async function longTasksSince(page: Page, since: number): Promise<number[]> {
  return (await longTaskEntriesSince(page, since)).map((t) => Math.round(t.duration));
}

/** The long tasks that started at or after `since`, with their start (page clock). */
export function longTaskEntriesSince(page: Page, since: number): Promise<{ start: number; duration: number }[]> {
  return page.evaluate(
    (since) =>
      (window as unknown as { __duetLongTasks: { start: number; duration: number }[] }).__duetLongTasks.filter(
        (t) => t.start >= since,
      ),
    since,
  );
}

/** Names each long task after the last mark before it started ("filter", "search"…), for the report. */
export function attributeLongTasks(
  tasks: readonly { start: number; duration: number }[],
  marks: readonly [string, number][],
): string[] {
  return tasks.map((t) => {
    let label = 'before';
    for (const [name, at] of marks) if (at <= t.start) label = name;
    return `${Math.round(t.duration)} (${label})`;
  });
}

/** Waits until the page is idle (what was queued — a render, index warm-up slices — has run), as a user's page is between two clicks. */
export async function idle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 2_000 })));
}

/** The page's clock. */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** Elements in the document. */
export function domSize(page: Page): Promise<number> {
  return page.evaluate(() => document.getElementsByTagName('*').length);
}

/** One interaction, done inside the page so no test-runner round trip is timed. */
export type Interaction =
  | { kind: 'click'; testId: string }
  | { kind: 'select'; testId: string; value: string }
  | { kind: 'type'; testId: string; value: string };

/** When an interaction is done: the text of a test id contains `text`, or is no longer `changedFrom`. */
export type Done = { testId: string; text: string } | { testId: string; changedFrom: string };

/**
 * Performs `action` and returns the ms until the frame after `done` holds: input event → React render →
 * the frame that paints it.
 */
export function timeInteraction(page: Page, action: Interaction, done: Done): Promise<number> {
  return page.evaluate(
    async ({ action, done }) => {
      const byId = (id: string): HTMLElement | null => document.querySelector(`[data-testid="${id}"]`);
      const holds = (): boolean => {
        const text = byId(done.testId)?.textContent ?? null;
        if (text === null) return false;
        return 'text' in done ? text.includes(done.text) : text !== done.changedFrom;
      };
      const target = byId(action.testId);
      if (!target) throw new Error(`no ${action.testId}`);
      const start = performance.now();
      if (action.kind === 'click') target.click();
      else {
        const proto = action.kind === 'select' ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
        Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(target, action.value);
        target.dispatchEvent(new Event(action.kind === 'select' ? 'change' : 'input', { bubbles: true }));
      }
      await new Promise<void>((resolve, reject) => {
        const timeout = setTimeout(() => reject(new Error(`${done.testId} never showed the result`)), 60_000);
        const check = (): void => {
          if (!holds()) return void requestAnimationFrame(check);
          clearTimeout(timeout);
          // The frame that paints the result.
          requestAnimationFrame(() => setTimeout(resolve, 0));
        };
        check();
      });
      return performance.now() - start;
    },
    { action, done },
  );
}
