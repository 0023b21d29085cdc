/**
 * Layout 1 of the deals (older documents: `deals`, one Y.Map per deal with its `history` Y.Array) on its way
 * out: moving its deals into layout 2, and reading the history of a deal not moved yet. The layouts
 * themselves are described in dealRecords.ts.
 */
import * as Y from 'yjs';
import type { DealEdit, DealEntry } from '../domain/deal';
import {
  dealEditsMap,
  dealEntriesMap,
  dealFieldsMap,
  EDITABLE_FIELDS,
  editKey,
  fieldKey,
  isDealEdit,
  LEGACY_HISTORY,
  legacyDealsMap,
  readDealRecord,
  readLegacyEntry,
  recordOf,
  toStored,
} from './dealRecords';

/**
 * Whether layout 1 holds any deal, remembered until it changes. Y.Map's `size` and iterators walk every key
 * ever set, deleted ones included — after a migration that is every old deal, on every write.
 */
const legacyState = new WeakMap<Y.Map<Y.Map<unknown>>, boolean>();
const observedLegacy = new WeakSet<Y.Map<Y.Map<unknown>>>();

function hasLegacyDeals(legacy: Y.Map<Y.Map<unknown>>): boolean {
  const known = legacyState.get(legacy);
  if (known !== undefined) return known;
  let any = false;
  for (const _ of legacy.keys()) {
    any = true;
    break;
  }
  if (!observedLegacy.has(legacy)) {
    observedLegacy.add(legacy);
    legacy.observe(() => legacyState.delete(legacy));
  }
  legacyState.set(legacy, any);
  return any;
}

/**
 * Moves every valid layout-1 deal into layout 2 (its fields, author, times and whole history) and deletes it
 * from layout 1, in one transaction. Safe when two clients do it at once: the entry is keyed by the deal's
 * id and each history record by its content (both write the same keys with the same values).
 * Invalid layout-1 entries are left where they are (never destroy what cannot be read). Returns how many
 * deals moved.
 */
export function migrateLegacyDeals(doc: Y.Doc): number {
  const legacy = legacyDealsMap(doc);
  if (!hasLegacyDeals(legacy)) return 0;
  let moved = 0;
  doc.transact(() => {
    const entries = dealEntriesMap(doc);
    const fields = dealFieldsMap(doc);
    const log = dealEditsMap(doc);
    for (const [id, map] of [...legacy.entries()]) {
      const old = readLegacyEntry(id, map);
      if (old === null) continue;
      const current = readDealRecord(doc, id, { withCrmDeleted: true });
      const record = recordOf(old, old.author, old.createdAt);
      record.updatedAt = old.updatedAt;
      if (!entries.has(id)) entries.set(id, toStored(record));
      else if (current !== null && old.updatedAt > current.updatedAt)
        // A layout-1 edit (an older client's) newer than what layout 2 holds: keep it as field changes.
        for (const field of EDITABLE_FIELDS) {
          const value = record[field];
          if (JSON.stringify(value) !== JSON.stringify(current[field as keyof DealEntry]))
            fields.set(fieldKey(id, field), value);
        }
      const history = map.get(LEGACY_HISTORY);
      if (history instanceof Y.Array)
        for (const e of history.toArray() as unknown[])
          if (isDealEdit(e)) {
            const edit: DealEdit = { at: e.at, author: e.author, changes: e.changes };
            const key = editKey(id, edit);
            if (!log.has(key)) log.set(key, toStored(edit));
          }
      legacy.delete(id);
      moved++;
    }
  });
  return moved;
}

/** Reads a deal's layout-1 history (deals not migrated yet). */
export function readLegacyHistory(doc: Y.Doc, id: string): DealEdit[] {
  const history = legacyDealsMap(doc).get(id)?.get(LEGACY_HISTORY);
  if (!(history instanceof Y.Array)) return [];
  return (history.toArray() as unknown[]).filter(isDealEdit);
}
