/**
 * "What changed since you last looked": a snapshot of each narrative's content hash and state when a person
 * last marked a playbook as seen, compared with now. Approved, rewritten, retired, added or removed — a
 * narrative can be several at once (rewritten and approved again).
 */
import { z } from '../zod';
import { GOVERNANCE_STATES, type GovernanceState } from './narrativeGovernance';

/** Kinds of change, in the order the banner lists them. */
export const SEEN_CHANGE_KINDS = ['approved', 'rewritten', 'retired', 'added', 'removed'] as const;
export type SeenChangeKind = (typeof SEEN_CHANGE_KINDS)[number];

/** A narrative as the snapshot and the comparison see it. */
export interface SeenNarrative {
  hash: string;
  state: GovernanceState;
  title: string;
}

/** What a person saw when they last marked the playbook as seen. */
export const seenSnapshotSchema = z.object({
  at: z.number().check(z.nonnegative()),
  narratives: z.record(
    z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
    z.object({
      hash: z.string().check(z.maxLength(64)),
      state: z.enum(GOVERNANCE_STATES),
      title: z.string().check(z.maxLength(300)),
    }),
  ),
});
export type SeenSnapshot = z.infer<typeof seenSnapshotSchema>;

/** One changed narrative. */
export interface SeenChange {
  narrativeId: string;
  title: string;
  kinds: SeenChangeKind[];
}

/** A snapshot of `narratives` (id → what it is now) taken at `at`. */
export function takeSnapshot(narratives: ReadonlyMap<string, SeenNarrative>, at: number): SeenSnapshot {
  return { at, narratives: Object.fromEntries(narratives) };
}

/** What changed between `seen` and `now`, in document order (removed ones last). */
export function changesSinceSeen(seen: SeenSnapshot, now: ReadonlyMap<string, SeenNarrative>): SeenChange[] {
  const out: SeenChange[] = [];
  for (const [id, current] of now) {
    const before = Object.hasOwn(seen.narratives, id) ? seen.narratives[id] : undefined;
    const kinds: SeenChangeKind[] = [];
    if (before === undefined) kinds.push('added');
    else if (before.hash !== current.hash) kinds.push('rewritten');
    if (current.state === 'approved' && before?.state !== 'approved') kinds.push('approved');
    if (current.state === 'retired' && before?.state !== 'retired') kinds.push('retired');
    if (kinds.length > 0)
      out.push({
        narrativeId: id,
        title: current.title,
        kinds: SEEN_CHANGE_KINDS.filter((k) => kinds.includes(k)),
      });
  }
  for (const [id, before] of Object.entries(seen.narratives))
    if (!now.has(id)) out.push({ narrativeId: id, title: before.title, kinds: ['removed'] });
  return out;
}
