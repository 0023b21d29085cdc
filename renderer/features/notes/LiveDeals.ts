/**
 * The deal log of an open notes document, kept current incrementally. `readDeals` validates every entry
 * again (≈ 20 µs each), so re-reading 20,000 deals on every change froze the review for half a second per
 * keystroke of a colleague; here the first read runs in slices that yield to the browser, and afterwards
 * each `observeDeep` batch re-reads only the deals it touched. Unchanged deals keep their object identity,
 * so anything memoised per deal (the notes search index) stays valid across changes.
 *
 * Only notes.ts's public functions are used (`dealIds`, `observeDealChanges`, `readDeal`), so the notes
 * document's layout stays notes.ts's business.
 */
import * as Y from 'yjs';
import { dealIds, observeDealChanges, prepareDealReads, readDeal } from '@shared/collab/notes';
import type { DealEntry } from '@shared/domain/deal';
import { compareDeals, indexOfDeal, insertionIndex } from '@shared/domain/dealOrder';
import { recordReplacement, type Replaced } from '@shared/collab/dealLineage';
import { measurePhase } from '../../platform/measurePhase';
import { scheduleTask } from '../../platform/nextTask';

/** What the log holds at one moment; a new object whenever anything in it changed. */
export interface DealsSnapshot {
  /** Every valid deal, newest close date first (ties: newest entry first, then by id). */
  deals: readonly DealEntry[];
  /** False while the first read is still going on; `deals` is empty until it is done. */
  complete: boolean;
  /** Deals read so far, and how many there are to read (for a progress bar). */
  read: number;
  total: number;
  /**
   * False while changes of the document are not in `deals` yet: during the first read, and while a large
   * log's coalesced changes wait to be read (see COALESCE_ABOVE). A joining device's review waits for it.
   */
  current: boolean;
}

/**
 * Runs `task` later — a macrotask in the app, at least `delayMs` later; synchronously or by hand in tests —
 * and returns a canceller.
 */
export type Scheduler = (task: () => void, delayMs?: number) => () => void;

/**
 * Above this many deals, changes that keep coming are published at most every `size / 10` ms (2 s at 20,000):
 * an import writes a batch every few milliseconds, and re-deriving the review for each batch froze the
 * window. The first change after a quiet moment is still published at once: a few deals in the observer's
 * turn (as a small log's), a larger batch in slices from the next task.
 */
const COALESCE_ABOVE = 2_000;

/** Deals read per slice of the first read: about 10 ms of validation. */
export const READ_SLICE = 500;
/** Above this many changed deals in one batch, re-sorting everything is cheaper than inserting one by one. */
const RESORT_ABOVE = 256;

/** A placeholder for a removed deal while a batch is merged (one filter at the end instead of a splice each). */
const REMOVED = Object.freeze({}) as DealEntry;

/** The deals of `doc`, read once in slices and then updated per change. Call `dispose` when done. */
export class LiveDeals {
  private readonly byId = new Map<string, DealEntry>();
  private snapshot: DealsSnapshot = { deals: [], complete: false, read: 0, total: 0, current: false };
  private readonly listeners = new Set<() => void>();
  private readonly unobserve: () => void;
  private cancelSlice: (() => void) | null = null;
  /** Deals changed since the last publish, while a coalesced publish is pending. */
  private pending = new Set<string>();
  /** Cancels the coalescing wait before the pending changes are read (null while none is scheduled). */
  private cancelWait: (() => void) | null = null;
  /** Cancels the next slice of a re-read under way. */
  private cancelRefresh: (() => void) | null = null;
  private lastPublish = Number.NEGATIVE_INFINITY;
  /** Changes read into `byId` while the first read was under way (so a sort made before one is redone). */
  private changesDuringRead = 0;
  private readonly started = performance.now();

  constructor(
    private readonly doc: Y.Doc,
    private readonly schedule: Scheduler = scheduleTask,
    private readonly sliceSize: number = READ_SLICE,
    /** The clock of the coalescing window (ms; tests move it by hand). */
    private readonly now: () => number = Date.now,
  ) {
    this.unobserve = observeDealChanges(doc, (touched) => this.apply(touched));
    const ids = dealIds(doc);
    this.snapshot = { deals: [], complete: ids.length === 0, read: 0, total: ids.length, current: ids.length === 0 };
    if (ids.length === 0) return;
    // A log of one slice is read at once (no progress state flashes). A larger one is not read here: this runs
    // in a React effect beside the others of the first render, and at 20,000 deals the index of edited fields
    // (~40 ms) and a first slice (~25 ms) made that flush one long task. Each is a task of its own.
    if (ids.length <= sliceSize) this.readSlices(ids, 0);
    else
      this.cancelSlice = this.schedule(() => {
        prepareDealReads(doc);
        this.cancelSlice = this.schedule(() => this.readSlices(ids, 0));
      });
  }

  /** For `useSyncExternalStore`: the same object until something changes. */
  readonly getSnapshot = (): DealsSnapshot => this.snapshot;

  /** Calls `listener` after every change of the snapshot; returns the disposer. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Stops observing the document and any slice still to come. */
  dispose(): void {
    this.cancelSlice?.();
    this.cancelSlice = null;
    this.cancelWait?.();
    this.cancelWait = null;
    this.cancelRefresh?.();
    this.cancelRefresh = null;
    this.unobserve();
    this.listeners.clear();
  }

  private readSlices(ids: readonly string[], from: number): void {
    const to = Math.min(ids.length, from + this.sliceSize);
    // Each slice goes into `byId` in the log's order: the final sort then finds sorted runs to merge (V8's
    // sort does), instead of sorting 20,000 deals from scratch (~20 ms, and 50–70 ms in a busy start).
    const slice: DealEntry[] = [];
    for (let i = from; i < to; i++) {
      const entry = readDeal(this.doc, ids[i]!);
      if (entry) slice.push(entry);
      else this.byId.delete(ids[i]!);
    }
    slice.sort(compareDeals);
    for (const entry of slice) this.byId.set(entry.id, entry);
    if (to < ids.length) {
      this.publish({ ...this.snapshot, read: to });
      this.cancelSlice = this.schedule(() => this.readSlices(ids, to));
      return;
    }
    if (ids.length <= this.sliceSize) return this.finishRead(ids.length, [...this.byId.values()].sort(compareDeals));
    // A large log's sort is a task of its own, and its publish (whose renders derive from the whole log)
    // the next one, so neither adds to the other.
    this.cancelSlice = this.schedule(() => {
      const changes = this.changesDuringRead;
      const deals = [...this.byId.values()].sort(compareDeals);
      this.cancelSlice = this.schedule(() =>
        // A change read in between (rare) is in `byId` but not in `deals`: sorted again then.
        this.finishRead(
          ids.length,
          changes === this.changesDuringRead ? deals : [...this.byId.values()].sort(compareDeals),
        ),
      );
    });
  }

  private finishRead(total: number, deals: DealEntry[]): void {
    this.cancelSlice = null;
    measurePhase('notes:first-read', this.started);
    this.publish({ deals, complete: true, read: total, total, current: true });
  }

  /** Re-reads one deal into `byId`; returns what it was before (undefined when it was not there). */
  private refresh(id: string): DealEntry | undefined {
    const before = this.byId.get(id);
    const entry = readDeal(this.doc, id);
    if (entry) this.byId.set(id, entry);
    else this.byId.delete(id);
    return before;
  }

  private apply(changed: ReadonlySet<string>): void {
    if (changed.size === 0) return;
    if (!this.snapshot.complete) {
      // The slices still to come read the current state anyway; deals they already passed are re-read here.
      for (const id of changed) this.refresh(id);
      this.changesDuringRead++;
      return;
    }
    if (this.byId.size <= COALESCE_ABOVE || this.quietFor(changed)) return this.applyNow(changed);
    for (const id of changed) this.pending.add(id);
    if (this.snapshot.current) this.publish({ ...this.snapshot, current: false });
    if (this.cancelWait !== null || this.cancelRefresh !== null) return;
    this.scheduleFlush();
  }

  /**
   * Whether `changed` of a large log may be published at once, as a small log's are: a few deals (one person's
   * edit, a colleague's), nothing waiting or being re-read, and the coalescing window over. Published in the
   * observer's own turn, as a small log's change is, the edit costs one publish (one render of the review)
   * instead of a "behind" publish and a scheduled one.
   */
  private quietFor(changed: ReadonlySet<string>): boolean {
    if (changed.size > RESORT_ABOVE || this.pending.size > 0) return false;
    if (this.cancelWait !== null || this.cancelRefresh !== null) return false;
    return this.now() >= this.windowEnd();
  }

  /** When the coalescing window opened by the last publish closes: `size / 10` ms after it. */
  private windowEnd(): number {
    return this.lastPublish + this.byId.size / 10;
  }

  /**
   * Reads the changes waiting to be published now, without the coalescing delay (still in slices): a device
   * that just received the team's log from the server shows it as soon as it is read, not 2 s later.
   */
  catchUp(): void {
    if (this.cancelWait === null) return; // nothing waits, or a re-read is under way already
    this.cancelWait();
    this.cancelWait = null;
    this.readPending();
  }

  private scheduleFlush(): void {
    const wait = Math.max(0, this.windowEnd() - this.now());
    this.cancelWait = this.schedule(() => {
      this.cancelWait = null;
      this.readPending();
    }, wait);
  }

  private readPending(): void {
    const ids = [...this.pending];
    this.pending = new Set();
    this.refreshSlices(ids, 0);
  }

  /**
   * Re-reads a coalesced batch of a large log in slices, like the first read (thousands of deals at once
   * are a long task of their own), then publishes it re-sorted. Changes arriving meanwhile wait for the next.
   */
  private refreshSlices(ids: readonly string[], from: number): void {
    // A few deals (a colleague's edit) are moved within the published order; re-sorting 20,000 for them cost
    // more than everything else the edit does.
    if (from === 0 && ids.length <= RESORT_ABOVE) return this.finishRefresh(this.merged(ids));
    const to = Math.min(ids.length, from + this.sliceSize);
    for (let i = from; i < to; i++) this.refresh(ids[i]!);
    if (to < ids.length) {
      this.cancelRefresh = this.schedule(() => this.refreshSlices(ids, to));
      return;
    }
    this.finishRefresh([...this.byId.values()].sort(compareDeals));
  }

  private finishRefresh(deals: DealEntry[]): void {
    this.cancelRefresh = null;
    const current = this.pending.size === 0;
    this.publish({ deals, complete: true, read: deals.length, total: deals.length, current });
    if (!current) this.scheduleFlush();
  }

  private applyNow(changed: ReadonlySet<string>): void {
    let deals: DealEntry[];
    if (changed.size <= RESORT_ABOVE) deals = this.merged(changed);
    else {
      for (const id of changed) this.refresh(id);
      deals = [...this.byId.values()].sort(compareDeals);
    }
    this.publish({ deals, complete: true, read: deals.length, total: deals.length, current: true });
  }

  /**
   * Re-reads `changed` and returns the published order with them moved to their new places (one copy of the
   * list, no sort). A deal whose place is unchanged — most edits leave the close date alone — is replaced
   * where it stands.
   */
  private merged(changed: Iterable<string>): DealEntry[] {
    const published = this.snapshot.deals;
    const deals = [...published];
    const moved: DealEntry[] = [];
    const replaced: Replaced<DealEntry>[] = [];
    let removed = false;
    for (const id of changed) {
      const before = this.refresh(id);
      const after = this.byId.get(id);
      // Searched in the published list: the copy holds placeholders by now, at the same places.
      const at = before ? indexOfDeal(published, before) : -1;
      if (at >= 0 && after && compareDeals(before!, after) === 0) {
        deals[at] = after;
        if (after !== before) replaced.push({ before: before!, after });
      } else {
        if (at >= 0) {
          deals[at] = REMOVED;
          removed = true;
        }
        if (after) moved.push(after);
      }
    }
    const kept = removed ? deals.filter((d) => d !== REMOVED) : deals;
    for (const deal of moved) kept.splice(insertionIndex(kept, deal), 0, deal);
    // Edited in place only (the usual edit): the review patches its figures instead of walking every deal.
    if (!removed && moved.length === 0 && replaced.length > 0) recordReplacement(kept, published, replaced);
    return kept;
  }

  private publish(next: DealsSnapshot): void {
    this.snapshot = next;
    this.lastPublish = this.now();
    for (const listener of [...this.listeners]) listener();
  }
}
