/**
 * Which deal log a published deal log was made from, when it differs only by deals edited in place (the
 * same places, each deal replaced by its edited self). The deal log (LiveDeals) records it; the review's
 * derivations, memoised per log, then patch their answer for the log before instead of walking 20,000
 * deals again for one person's edit (renderer/features/review/reviewData.ts).
 *
 * The log before is held weakly: a chain of edits must not keep every log ever published alive. Once it is
 * collected, or was never derived, the derivations simply compute afresh.
 */

/** A deal replaced in place by its edited self. */
export interface Replaced<D> {
  before: D;
  after: D;
}

/** What a log was made from: the log before, and the deals replaced in it. */
export interface Replacement<D> {
  previous: readonly D[];
  changes: readonly Replaced<D>[];
}

const lineage = new WeakMap<
  readonly object[],
  { previous: WeakRef<readonly object[]>; changes: readonly Replaced<object>[] }
>();

/** Records that `next` is `previous` with `changes` made in place (same length, same order otherwise). */
export function recordReplacement<D extends object>(
  next: readonly D[],
  previous: readonly D[],
  changes: readonly Replaced<D>[],
): void {
  if (next.length !== previous.length || changes.length === 0) throw new Error('[deals] not an in-place change');
  lineage.set(next, { previous: new WeakRef(previous), changes });
}

/** What `next` was made from, while the log before is alive; undefined otherwise. */
export function replacementOf<D extends object>(next: readonly D[]): Replacement<D> | undefined {
  const entry = lineage.get(next);
  const previous = entry?.previous.deref();
  if (!entry || !previous) return undefined;
  return { previous: previous as readonly D[], changes: entry.changes as readonly Replaced<D>[] };
}

/**
 * The answer for `next` made from the answer for the list it was edited from: `answerFor` finds that answer
 * (undefined when it was never made or is stale), `patch` applies the changes to it (null when it cannot).
 * Null when there is no such list or answer — the caller then computes afresh. The one lookup every
 * derivation remembered per list (the review's, the table per version) patches through.
 */
export function patchedFromPrevious<D extends object, R>(
  next: readonly D[],
  answerFor: (previous: readonly D[]) => R | undefined,
  patch: (before: R, changes: readonly Replaced<D>[]) => R | null,
): R | null {
  const made = replacementOf(next);
  const before = made && answerFor(made.previous);
  return made && before !== undefined ? patch(before, made.changes) : null;
}
