/**
 * The company-scale benchmarks' page (bench/company.mjs drives it), on the app's origin so it writes the
 * app's own IndexedDB. Everything goes through the app's code: playbooks through Workspace.createPlaybook,
 * deals through importDeals/updateDeal of shared/collab/notes.ts, the joining client through SyncLink.
 * - `seed(sizes)`: per size, a 20-narrative playbook whose notes document holds that many deals, each with
 *   1–3 history entries, stored as the app stores it; an empty one for the import; the import's CSV file.
 * - `dataLayer(size)`: stored bytes, decode, read every deal, one incremental change, the older layout's
 *   decode + read for comparison, and the review's aggregation.
 * - `upload(...)`, `join(...)` (bench/pages/companyJoin.ts): upload a notes document to a real sync server,
 *   then time a second client's join.
 */
import * as Y from 'yjs';
import { notesDocName } from '@shared/collab/docNames';
import { deflateBytes, inflateBytes } from '@shared/deflate';
import { importDeals, legacyDealsMap, readDeals, updateDeal } from '@shared/collab/notes';
import { DEAL_INPUT_FIELDS, type DealEntry } from '@shared/domain/deal';
import { buildPlaybookReview } from '@shared/stats/playbookReview';
import { createPlaybookDoc, readPlaybookDoc } from '../../renderer/editor/headless';
import { $readNarratives } from '../../renderer/editor/narrativeOps';
import { LiveDeals } from '../../renderer/features/notes/LiveDeals';
import { warmReview } from '../../renderer/features/review/reviewData';
import { Workspace } from '../../renderer/features/workspace/Workspace';
import { openIndexedDbDocStore } from '../../renderer/platform/IndexedDbDocStore';
import { companyDeals, companyEdits } from './companyDeals';
import { collect, join, uploadNotes } from './companyJoin';
import { generatedPlaybook, narrativeTitle } from './playbookSpecs';

const WORKSPACE = { id: 'bench-ws', name: 'Bench workspace' };
const NARRATIVES = 20;
const WRITER = { author: 'Bench', now: Date.UTC(2026, 0, 5) };
/** Edits per transaction while seeding histories (a transaction per edit is what people do, but slow). */
const EDIT_CHUNK = 250;

const spec = generatedPlaybook(NARRATIVES, 2);
const narratives = readPlaybookDoc(createPlaybookDoc(spec), $readNarratives);
const narrativeIds = narratives.map((n) => n.id);
/** Notes documents built by `seed`, kept for the data-layer and join figures. */
const built = new Map<number, Uint8Array>();

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** The median time of `runs` calls of `fn`; `before` runs ahead of each, untimed. */
function timed(fn: () => void, runs: number, before?: () => void): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

/** A notes document of `size` deals with histories, written as the app writes them. */
function notesDoc(size: number): Y.Doc {
  const doc = new Y.Doc();
  const inputs = companyDeals(size, narrativeIds);
  const imported = importDeals(doc, inputs, WRITER);
  if (!imported.ok) throw new Error(`[bench] ${imported.error.message}`);
  const byCrm = new Map(readDeals(doc).map((d) => [d.crmId, d.id]));
  for (let start = 0; start < inputs.length; start += EDIT_CHUNK)
    doc.transact(() => {
      for (let i = start; i < Math.min(inputs.length, start + EDIT_CHUNK); i++)
        for (const [k, patch] of companyEdits(inputs[i]!, i).entries())
          updateDeal(doc, byCrm.get(inputs[i]!.crmId)!, patch, { ...WRITER, now: WRITER.now + 1 + k });
    });
  return doc;
}

/**
 * The same deals in the older layout, written as its code wrote them (one Y.Map per deal, then each edit
 * sets the changed fields and `updatedAt` and appends to the deal's `history` Y.Array), for the comparison.
 */
function layout1Doc(size: number): Uint8Array {
  const doc = new Y.Doc();
  const inputs = companyDeals(size, narrativeIds);
  for (let start = 0; start < inputs.length; start += EDIT_CHUNK)
    doc.transact(() => {
      for (let i = start; i < Math.min(inputs.length, start + EDIT_CHUNK); i++) {
        const input = inputs[i]!;
        const map = new Y.Map<unknown>();
        legacyDealsMap(doc).set(`d${String(i).padStart(16, '0')}`, map);
        for (const field of DEAL_INPUT_FIELDS) map.set(field, input[field]);
        map.set('author', WRITER.author);
        map.set('createdAt', WRITER.now);
        map.set('updatedAt', WRITER.now);
        const history = new Y.Array<unknown>();
        map.set('history', history);
        for (const [k, patch] of companyEdits(input, i).entries()) {
          const changes = Object.entries(patch).map(([field, to]) => {
            const from = String(map.get(field));
            map.set(field, to);
            return { field, from, to: String(to) };
          });
          map.set('updatedAt', WRITER.now + 1 + k);
          history.push([{ at: WRITER.now + 1 + k, author: WRITER.author, changes }]);
        }
      }
    });
  return Y.encodeStateAsUpdate(doc);
}

/** A Salesforce opportunity report of `size` rows, as the importer recognises it. */
function salesforceCsv(size: number): string {
  const quote = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [
    'Opportunity ID,Opportunity Name,Account Name,Amount,Opportunity Currency,Close Date,Stage,Main Competitors,Next Step',
  ];
  for (const d of companyDeals(size, narrativeIds, 11)) {
    const stage = d.outcome === 'won' ? 'Closed Won' : d.outcome === 'open' ? d.stage : 'Closed Lost';
    lines.push(
      [d.crmId, d.dealName, d.account, String(d.amount), d.currency, d.closeDate, stage, d.competitor, d.note]
        .map(quote)
        .join(','),
    );
  }
  return lines.join('\n');
}

/** What bench/company.mjs learns about one seeded size. */
interface SeededSize {
  size: number;
  playbookId: string;
  importPlaybookId: string;
  lastTitle: string;
  bytes: number;
  seedMs: number;
  csv: string;
}

async function seed(sizes: number[]): Promise<SeededSize[]> {
  const store = await openIndexedDbDocStore();
  const opened = await Workspace.open(store, WORKSPACE);
  if (!opened.ok) throw new Error(`[bench] ${opened.error.message}`);
  const workspace = opened.value;
  const out: SeededSize[] = [];
  for (const size of sizes) {
    const started = performance.now();
    const playbookId = `bench-company-${size}`;
    const importPlaybookId = `bench-import-${size}`;
    for (const id of [playbookId, importPlaybookId])
      await workspace.createPlaybook({ id, title: `Company ${size}`, template: 'blank', owner: 'Bench', spec });
    const bytes = Y.encodeStateAsUpdate(notesDoc(size));
    built.set(size, bytes);
    await store.append(notesDocName(WORKSPACE.id, playbookId), bytes);
    out.push({
      size,
      playbookId,
      importPlaybookId,
      lastTitle: narrativeTitle(NARRATIVES),
      bytes: bytes.byteLength,
      seedMs: Math.round(performance.now() - started),
      csv: salesforceCsv(size),
    });
  }
  await workspace.close();
  return out;
}

/** Makes the app open `playbookId` on its next start, as bench/pages/seed.ts does. */
function openOnStart(playbookId: string): void {
  const settings = {
    displayName: 'Bench',
    role: 'storyteller',
    workspaces: [WORKSPACE],
    activeWorkspaceId: WORKSPACE.id,
    recentPlaybooks: [{ workspaceId: WORKSPACE.id, playbookId }],
    windowBounds: null,
  };
  localStorage.setItem('duet.settings', JSON.stringify(settings));
}

/** The median time of `runs` awaited calls of `fn`. */
async function timedAsync(fn: () => Promise<unknown>, runs: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

/** Data-layer figures (ms, bytes) for one seeded size; `reviewSizes` adds the aggregation at larger counts. */
async function dataLayer(size: number): Promise<Record<string, number>> {
  const bytes = built.get(size);
  if (!bytes) throw new Error(`[bench] size ${size} was not seeded`);
  const runs = size >= 20_000 ? 3 : 5;
  let doc = new Y.Doc();
  const decode = timed(() => Y.applyUpdate((doc = new Y.Doc()), bytes), runs);
  let deals: DealEntry[] = [];
  const read = timed(() => void (deals = readDeals(doc)), runs);
  if (deals.length !== size) throw new Error(`[bench] read ${deals.length} of ${size} deals`);
  // Reading every deal as the app does when a log arrives or opens (the review's deal log: an index of the
  // edited fields, then slices, each sorted, then a merge), its tasks run back to back, on a freshly decoded
  // document each time (the log's indexes live with the document).
  const logReads: number[] = [];
  for (let i = 0; i < runs; i++) {
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, bytes);
    const started = performance.now();
    const log = new LiveDeals(fresh, (task) => (task(), () => undefined));
    logReads.push(performance.now() - started);
    if (log.getSnapshot().deals.length !== size) throw new Error('[bench] the deal log did not read every deal');
    log.dispose();
  }
  const logRead = median(logReads);
  // What a joining device must do to the server's deflated reply (the same bytes, deflated as the server
  // does) before it can decode it: part of the inherent cost of receiving the log, like the decode.
  const deflated = await deflateBytes(bytes);
  const inflate = await timedAsync(() => inflateBytes(deflated, bytes.byteLength), runs);
  // One edit while the review's deal log (LiveDeals) follows the document, until it has published the new
  // list: what the app does for each deal a person saves or a colleague's edit brings, a quiet moment after
  // the last (the log's clock moves past its coalescing window between edits; a burst's edits are gathered
  // into one publish every few seconds instead). Any task the log schedules runs at once: the figure is the
  // work, not a wait.
  const queue: (() => void)[] = [];
  let clock = 0;
  const live = new LiveDeals(
    doc,
    (task) => (queue.push(task), () => queue.splice(queue.indexOf(task), 1)),
    undefined,
    () => clock,
  );
  while (queue.length > 0) queue.shift()!();
  let published = 0;
  const off = live.subscribe(() => published++);
  const target = deals[deals.length >> 1]!;
  // 50 edits per sample: one takes about a tenth of a millisecond at 200 deals, the clock's resolution here.
  // The median of 11 samples, each after a collection (gc(), see bench/lib/browser.mjs): with 5 samples and
  // none, collecting the 20,000-deal documents built before landed in some and moved the figure by half.
  const EDITS = 50;
  const incremental =
    timed(
      () => {
        for (let i = 0; i < EDITS; i++) {
          const seen = published;
          clock += 10_000;
          const res = updateDeal(doc, target.id, { amount: (target.amount ?? 0) + published + 1 }, WRITER);
          if (!res.ok) throw new Error(`[bench] ${res.error.message}`);
          while (queue.length > 0) queue.shift()!();
          if (published === seen) throw new Error('[bench] the deal log did not publish the edit');
        }
      },
      11,
      collect,
    ) / EDITS;
  // The same edit with the review open: the log publishes, and the review derives what it shows and warms
  // what its filters start from (warmReview, its tasks run at once here) — from the log before's figures,
  // patched for the edited deal (the app's way), and for comparison afresh: the same log without its
  // lineage, as every edit was derived before (a pass over every deal per derivation).
  const today = '2026-12-31';
  const derive = (log: readonly DealEntry[]): void =>
    void warmReview(narratives, log, today, (task) => (task(), () => undefined));
  derive(live.getSnapshot().deals);
  const reviewedEdits = (count: number, afresh: boolean) => (): void => {
    for (let i = 0; i < count; i++) {
      clock += 10_000;
      const res = updateDeal(doc, target.id, { amount: (target.amount ?? 0) + published + 1 }, WRITER);
      if (!res.ok) throw new Error(`[bench] ${res.error.message}`);
      while (queue.length > 0) queue.shift()!();
      const log = live.getSnapshot().deals;
      derive(afresh ? [...log] : log);
    }
  };
  const reviewed = timed(reviewedEdits(EDITS, false), 11, collect) / EDITS;
  const reviewedAfresh = timed(reviewedEdits(2, true), 3, collect) / 2;
  off();
  live.dispose();
  const old = layout1Doc(size);
  let oldDoc = new Y.Doc();
  const oldDecode = timed(() => Y.applyUpdate((oldDoc = new Y.Doc()), old), runs);
  const oldRead = timed(() => void readDeals(oldDoc), runs);
  if (readDeals(oldDoc).length !== size) throw new Error('[bench] the older layout lost deals');
  return {
    size,
    bytes: bytes.byteLength,
    oldBytes: old.byteLength,
    deflatedBytes: deflated.byteLength,
    inflate,
    decode,
    read,
    logRead,
    incremental,
    reviewed,
    reviewedAfresh,
    oldDecode,
    oldRead,
  };
}

/** The review's aggregation (shared/stats) over `size` deals, unfiltered and filtered by competitor. */
function reviewDataLayer(size: number): Record<string, number> {
  const deals = companyDeals(size, narrativeIds).map((d, i) => ({
    ...d,
    id: `d${i}`,
    author: 'B',
    createdAt: i,
    updatedAt: i,
  }));
  const runs = size >= 100_000 ? 3 : 7;
  buildPlaybookReview(narratives, deals, {}, '2026-12-31'); // warm-up
  const all = timed(() => void buildPlaybookReview(narratives, deals, {}, '2026-12-31'), runs);
  const filtered = timed(
    () => void buildPlaybookReview(narratives, deals, { competitor: 'Geotab' }, '2026-12-31'),
    runs,
  );
  return { size, all, filtered };
}

/** Uploads the seeded notes document of `size` deals to the server as a writer; resolves once stored there. */
function upload(size: number, serverUrl: string, token: string, docName: string): Promise<number> {
  return uploadNotes(built.get(size)!, serverUrl, token, docName);
}

declare global {
  interface Window {
    duetCompanyBench?: {
      seed: typeof seed;
      openOnStart: typeof openOnStart;
      dataLayer: typeof dataLayer;
      reviewDataLayer: typeof reviewDataLayer;
      upload: typeof upload;
      join: typeof join;
    };
  }
}
window.duetCompanyBench = { seed, openOnStart, dataLayer, reviewDataLayer, upload, join };
