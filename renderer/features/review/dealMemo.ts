/**
 * How the review's derivations are remembered: per input, across renders and mounts (inputs compared by
 * identity), and — for a deal log that LiveDeals made from the log before by editing deals in place — patched
 * from the log before's answer at the cost of the edited deals (shared/collab/dealLineage.ts).
 */
import { patchedFromPrevious, recordReplacement, type Replaced } from '@shared/collab/dealLineage';
import type { DealEntry } from '@shared/domain/deal';
import { indexOfDeal } from '@shared/domain/dealOrder';
import { measurePhase } from '../../platform/measurePhase';

/** `fn`, recording each call as the phase `review:derive` (so a trace and the benchmark show what they cost). */
export function measured<A extends readonly unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  return (...args: A): R => {
    const started = performance.now();
    const result = fn(...args);
    measurePhase('review:derive', started);
    return result;
  };
}

/** Remembers the results of the last `size` distinct calls (arguments compared with Object.is). */
export function memoizeRecent<A extends readonly unknown[], R>(fn: (...args: A) => R, size = 4): (...args: A) => R {
  const recent: { args: A; result: R }[] = [];
  return (...args: A): R => {
    const hit = recent.findIndex((e) => e.args.length === args.length && e.args.every((a, i) => Object.is(a, args[i])));
    if (hit >= 0) {
      const entry = recent.splice(hit, 1)[0]!;
      recent.unshift(entry);
      return entry.result;
    }
    const result = fn(...args);
    recent.unshift({ args, result });
    if (recent.length > size) recent.pop();
    return result;
  };
}

/** One result per object (a deal log, a tally), dropped with it. */
export function perObject<K extends object, R>(fn: (key: K) => R): (key: K) => R {
  const cache = new WeakMap<K, R>();
  return (key) => {
    let result = cache.get(key);
    if (result === undefined) cache.set(key, (result = fn(key)));
    return result;
  };
}

/**
 * How a derivation answers for a deal log edited in place (LiveDeals records which log it was made from,
 * shared/collab/dealLineage.ts), given its answer for the log before; null when it must compute afresh. One
 * person's edit to 20,000 deals then costs its deals, not a pass over the log per derivation.
 */
export type Patch<R> = (before: R, changes: readonly Replaced<DealEntry>[]) => R | null;

/**
 * One result per object and day, for what depends on `today` (the attention window moves with it); patched
 * from the log before's result of the same day when `patch` is given.
 */
export function perObjectAndDay<D extends object, R>(
  fn: (key: readonly D[], today: string) => R,
  patch?: (before: R, changes: readonly Replaced<D>[], today: string) => R | null,
): (key: readonly D[], today: string) => R {
  const cache = new WeakMap<readonly D[], { today: string; result: R }>();
  const patched = patch && measured(patch);
  return (key, today) => {
    let entry = cache.get(key);
    if (entry?.today !== today) {
      const sameDay = (previous: readonly D[]): R | undefined => {
        const before = cache.get(previous);
        return before?.today === today ? before.result : undefined;
      };
      const result =
        (patched && patchedFromPrevious(key, sameDay, (before, changes) => patched(before, changes, today))) ??
        fn(key, today);
      cache.set(key, (entry = { today, result }));
    }
    return entry.result;
  };
}

/**
 * One result per deal log, dropped with it; computing it is a `review:derive` phase. With `patch`, a log
 * edited in place is answered from the log before's result when that is at hand (`perObjectAndDay`, for a
 * derivation that does not depend on the day).
 */
export function perDeals<R>(
  fn: (deals: readonly DealEntry[]) => R,
  patch?: Patch<R>,
): (deals: readonly DealEntry[]) => R {
  const derive = measured((deals: readonly DealEntry[], _day: string) => fn(deals));
  const perLog = perObjectAndDay(derive, patch && ((before, changes) => patch(before, changes)));
  return (deals) => perLog(deals, '');
}

/** Whether every change keeps what `key` reads of a deal. */
export function keeps(changes: readonly Replaced<DealEntry>[], key: (deal: DealEntry) => string): boolean {
  return changes.every((c) => key(c.before) === key(c.after));
}

/** The narratives a deal used, in order, as one key. */
export const narrativeKey = (deal: DealEntry): string => deal.narratives.map((u) => u.narrativeId).join('\n');

/** What the filter menus read of a deal. */
export const menuKey = (deal: DealEntry): string =>
  `${deal.persona}\n${deal.stage}\n${deal.competitor}\n${deal.closeDate.slice(0, 4)}`;

/**
 * Lists of deals (an index's values) with each change's `before` replaced by its `after`, in the lists that
 * `listsOf` names for it: a copy of the map and of each list touched (the lists before are left as they are),
 * each recorded as an edit in place of its list before (so what is made per list can be patched in turn).
 * Null when a deal is not where the index says (then the index is computed afresh).
 */
export function replacedInLists(
  index: ReadonlyMap<string, readonly DealEntry[]>,
  changes: readonly Replaced<DealEntry>[],
  listsOf: (deal: DealEntry) => readonly string[],
): Map<string, DealEntry[]> | null {
  const next = new Map(index) as Map<string, DealEntry[]>;
  const changesOf = new Map<string, Replaced<DealEntry>[]>();
  for (const change of changes)
    for (const key of listsOf(change.after)) {
      const copied = changesOf.get(key);
      const list = copied ? next.get(key) : next.get(key)?.slice();
      if (!list) return null;
      if (copied) copied.push(change);
      else {
        next.set(key, list);
        changesOf.set(key, [change]);
      }
      // Found by binary search: the lists are in the log's order, which an edit in place keeps (a scan of a
      // narrative's 5,000 deals per list was up to ~5 ms, in the render that shows a saved deal). A deal is
      // listed once under each key: a deal naming a narrative twice is refused.
      const at = indexOfDeal(list, change.before);
      if (at < 0) return null;
      list[at] = change.after;
    }
  // Each list copied is itself an edit in place of the list before: what is made per list (a narrative's
  // table per version) is patched in turn.
  for (const [key, listChanges] of changesOf) recordReplacement(next.get(key)!, index.get(key)!, listChanges);
  return next;
}
