/**
 * Merges a run of Yjs updates into as few as possible without one large merge. Merging is a full decode and
 * encode: the pieces of a joining device's 20,000-deal notes document (23.5 MB) merged in one call were a
 * 180 ms task. Consecutive updates are merged while their group stays within `maxBytes`; a larger update
 * stays on its own. Updates commute, so the groups may be applied or stored in any order.
 */
import * as Y from 'yjs';

/** About 8 ms of merging on a 2-core machine. */
export const MERGE_GROUP_BYTES = 1 << 20;

/** `updates` as merged groups of at most `maxBytes` each (an update larger than that is its own group). */
export function mergeInGroups(updates: readonly Uint8Array[], maxBytes: number = MERGE_GROUP_BYTES): Uint8Array[] {
  const groups: Uint8Array[] = [];
  let group: Uint8Array[] = [];
  let bytes = 0;
  const close = (): void => {
    if (group.length > 0) groups.push(group.length === 1 ? group[0]! : Y.mergeUpdates(group));
    group = [];
    bytes = 0;
  };
  for (const update of updates) {
    if (bytes + update.byteLength > maxBytes) close();
    group.push(update);
    bytes += update.byteLength;
  }
  close();
  return groups;
}
