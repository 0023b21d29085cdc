import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { mergeInGroups } from '@shared/collab/mergeInGroups';

/** One update per value written, as a document emits them. */
function updatesOf(values: readonly string[]): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  values.forEach((value, i) => doc.getMap('m').set(`k${i}`, value));
  return { doc, updates };
}

describe('mergeInGroups', () => {
  it('merges small updates into one, and keeps groups within the bound while losing nothing', () => {
    const small = updatesOf(['a', 'b', 'c']);
    expect(mergeInGroups(small.updates)).toHaveLength(1);

    const values = Array.from({ length: 12 }, (_, i) => `${i}`.repeat(100_000)); // ~100 kB each
    const large = updatesOf(values);
    const groups = mergeInGroups(large.updates, 350_000);
    expect(groups.length).toBeGreaterThan(3);
    for (const group of groups) expect(group.byteLength).toBeLessThanOrEqual(350_000);
    // Applied in any order, the groups make the same document.
    const copy = new Y.Doc();
    for (const group of [...groups].reverse()) Y.applyUpdate(copy, group);
    expect(copy.getMap('m').toJSON()).toEqual(large.doc.getMap('m').toJSON());
  });

  it('keeps an update larger than the bound on its own', () => {
    const { updates } = updatesOf(['x'.repeat(50_000), 'y', 'z']);
    const groups = mergeInGroups(updates, 10_000);
    expect(groups[0]).toBe(updates[0]);
    expect(groups).toHaveLength(2);
  });
});
