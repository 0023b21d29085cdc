/**
 * The notes document of a playbook (`{workspace}/notes/{playbookId}`): sales' deal log and anchored notes.
 *
 * Schema (all under the document root):
 * - the deals, their field changes and their edit history — laid out as dealRecords.ts describes (one plain
 *   record per deal, per-field changes, one edit log), with older documents' `deals` migrated by writers;
 * - `anchors`: Y.Map noteId → plain object (AnchoredNote), kept by anchoredNotes.ts.
 *
 * Deals reference narratives by their stable narrative id, never by title or position, so a deal follows its
 * narratives through renames, moves and edits. The server enforces write access per document (sales and up
 * may write notes) and authorship per deal and anchored note: each carries its author's member id, and the
 * server refuses an update that changes or deletes one another member wrote (storytellers moderate; see
 * server/sync/guardNotesUpdate.ts). The same rule decides here what the app offers (`canEditDeal`).
 *
 * Everything read from the document is validated again: a peer may run other code, so an entry that does not
 * pass the schema is skipped rather than trusted. Ids and keys live in Maps and arrays, never as keys of
 * plain objects, so a `__proto__` key cannot pollute anything.
 */
import * as Y from 'yjs';
import {
  DEAL_INPUT_FIELDS,
  DEAL_LIMITS,
  dealInputSchema,
  type DealEdit,
  type DealEntry,
  type DealFieldChange,
  type DealInput,
} from '../domain/deal';
import { fastDealInput } from '../domain/checkDealInput';
import { isValidId, newId } from '../domain/ids';
import { fail, ok, type Result } from '../result';
import { firstIssue } from '../zod';
import {
  crmDeletedMap,
  dealEditsMap,
  dealEntriesMap,
  editKey,
  dealFieldsMap,
  fieldKey,
  followKeys,
  idOfFieldKey,
  isDealEdit,
  legacyDealsMap,
  readAllDealRecords,
  prepareDealRecordReads,
  readDealRecord,
  recordOf,
  fromStored,
  toStored,
  EDITABLE_FIELDS,
} from './dealRecords';
import { canEditDeal, migrateIfAllowed, type Writer } from './dealActor';

import { readLegacyHistory } from './legacyDeals';

export { crmDeletedMap, dealEntriesMap, legacyDealsMap } from './dealRecords';
export { migrateLegacyDeals } from './legacyDeals';

export { canEditDeal, type DealActor, type Writer } from './dealActor';

/**
 * Validates a deal's fields; the message names the first field that is wrong. Values already in the schema's
 * form (what the form and the importer produce) pass a fast path with the schema's result — zod costs ~15 µs a
 * deal, 300 ms of a 20,000-row import checked and then written — and everything else goes to the schema.
 */
export function validateDealInput(input: unknown): Result<DealInput> {
  const fast = typeof input === 'object' && input !== null ? fastDealInput(input as Record<string, unknown>) : null;
  if (fast !== null) return ok(fast);
  const parsed = dealInputSchema.safeParse(input);
  return parsed.success ? ok(parsed.data) : fail('invalid-input', firstIssue(parsed.error));
}

function validAuthor(author: string): boolean {
  return author.trim().length > 0 && author.length <= DEAL_LIMITS.author;
}

/** Newest close date first (ties: newest entry first). Plain comparison: ISO dates sort as text. */
function byCloseDate(a: DealEntry, b: DealEntry): number {
  if (a.closeDate !== b.closeDate) return a.closeDate < b.closeDate ? 1 : -1;
  return b.createdAt - a.createdAt;
}

/** Every valid deal, newest close date first (ties: newest entry first). */
export function readDeals(doc: Y.Doc): DealEntry[] {
  return readAllDealRecords(doc).sort(byCloseDate);
}

/**
 * Prepares reading deals one at a time with `readDeal` (an index over every edited field), for a reader that
 * wants that pass in a task of its own; without it the first `readDeal` makes it.
 */
export function prepareDealReads(doc: Y.Doc): void {
  prepareDealRecordReads(doc);
}

/** One deal, or null. */
export function readDeal(doc: Y.Doc, id: string): DealEntry | null {
  return readDealRecord(doc, id);
}

/**
 * The edit log's keys by deal, built once and then kept current by an observer on the log (as the index of
 * edited fields is, dealRecords.ts). Only keys are indexed — a key starts with its deal's id — and a deal's
 * records are parsed when its history is asked for: parsing all 40,000 records of a 20,000-deal log to show
 * the ten cards on screen cost ~100 ms when the review opened. Rebuilding the index after every change (as it
 * was) cost ~15 ms per saved deal at 20,000 deals, paid in the render that shows the edit.
 */
const historyIndexes = new WeakMap<Y.Map<unknown>, Map<string, string[]>>();

function historyIndex(log: Y.Map<unknown>): Map<string, string[]> {
  let index = historyIndexes.get(log);
  if (index) return index;
  const built = new Map<string, string[]>();
  const add = (key: string): void => {
    const id = idOfFieldKey(key);
    const keys = built.get(id);
    if (keys === undefined) built.set(id, [key]);
    else if (!keys.includes(key)) keys.push(key);
  };
  for (const key of log.keys()) add(key);
  followKeys(log, add, (key) => {
    const keys = built.get(idOfFieldKey(key));
    const at = keys?.indexOf(key) ?? -1;
    if (at >= 0) keys!.splice(at, 1);
    if (keys?.length === 0) built.delete(idOfFieldKey(key));
  });
  historyIndexes.set(log, (index = built));
  return index;
}

/** The edit history of a deal, oldest first. Malformed records are skipped. */
export function readDealHistory(doc: Y.Doc, id: string): DealEdit[] {
  const legacy = readLegacyHistory(doc, id);
  const log = dealEditsMap(doc);
  const records: { key: string; edit: DealEdit }[] = [];
  for (const key of historyIndex(log).get(id) ?? []) {
    const edit = fromStored(log.get(key));
    if (isDealEdit(edit)) records.push({ key, edit });
  }
  records.sort((a, b) => a.edit.at - b.edit.at || (a.key < b.key ? -1 : 1));
  const logged = records.map(({ edit }) => ({ at: edit.at, author: edit.author, changes: edit.changes }));
  return legacy.length === 0 ? logged : [...legacy, ...logged];
}

/** The id of every deal in the document, in either layout (for callers that read deals in slices). */
export function dealIds(doc: Y.Doc): string[] {
  const ids = new Set<string>(dealEntriesMap(doc).keys());
  for (const id of legacyDealsMap(doc).keys()) ids.add(id);
  return [...ids];
}

/**
 * Calls `onChange` after every transaction that touched deals, with the ids of the deals it touched (added,
 * changed or removed, in either layout); returns the disposer. For readers that keep their own copy current.
 */
export function observeDealChanges(doc: Y.Doc, onChange: (touched: Set<string>) => void): () => void {
  const entries = dealEntriesMap(doc);
  const fields = dealFieldsMap(doc);
  const legacy = legacyDealsMap(doc);
  const deleted = crmDeletedMap(doc);
  const handle = (transaction: Y.Transaction): void => {
    const touched = new Set<string>();
    for (const [changedType, keys] of transaction.changed) {
      const type: unknown = changedType;
      // A deal the CRM deleted (or restored) leaves (or rejoins) the list like a removed (or added) one.
      if (type === entries || type === legacy || type === deleted)
        for (const key of keys) if (key !== null) touched.add(key);
      if (type === fields) for (const key of keys) if (key !== null) touched.add(idOfFieldKey(key));
      // A field of a layout-1 deal: the deal's own Y.Map changed; its id is the key it has in `deals`.
      const item = changedType._item;
      if (item !== null && item.parent === legacy && typeof item.parentSub === 'string') touched.add(item.parentSub);
    }
    if (touched.size > 0) onChange(touched);
  };
  doc.on('afterTransaction', handle);
  return () => doc.off('afterTransaction', handle);
}

/** Adds a deal; fails with `invalid-input` (writing nothing) when a field is not valid. */
export function addDeal(doc: Y.Doc, input: unknown, writer: Writer, id: string = newId('d')): Result<DealEntry> {
  const valid = validateDealInput(input);
  if (!valid.ok) return valid;
  if (!validAuthor(writer.author)) return fail('invalid-input', 'Set your name in your profile before logging deals.');
  if (!isValidId(id) || dealEntriesMap(doc).has(id) || legacyDealsMap(doc).has(id))
    return fail('invalid-input', 'That deal id is taken.');
  doc.transact(() => {
    migrateIfAllowed(doc, writer);
    dealEntriesMap(doc).set(id, toStored(recordOf(valid.value, writer.author, writer.now, writer.authorId)));
  });
  return ok(readDeal(doc, id)!);
}

function display(value: unknown): string {
  if (Array.isArray(value))
    return value.map((u: { narrativeId: string; reception: string }) => `${u.narrativeId}:${u.reception}`).join(', ');
  return String(value ?? '');
}

/**
 * Changes a deal's fields. Only its author may (`denied` otherwise); only fields that really change are
 * written, and one history record lists them. Returns the changes (empty when nothing changed).
 */
export function updateDeal(
  doc: Y.Doc,
  id: string,
  patch: Partial<DealInput>,
  writer: Writer,
): Result<DealFieldChange[]> {
  const current = readDeal(doc, id);
  if (current === null) return fail('not-found', 'That deal no longer exists.');
  if (!canEditDeal(current, writer)) return fail('denied', `Only ${current.author} can edit this deal.`);
  const merged: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const field of DEAL_INPUT_FIELDS) merged[field] = field in patch ? patch[field] : current[field];
  const valid = validateDealInput(merged);
  if (!valid.ok) return valid;
  const changes: DealFieldChange[] = [];
  for (const field of DEAL_INPUT_FIELDS) {
    const from = display(current[field]);
    const to = display(valid.value[field]);
    if (from !== to) changes.push({ field, from, to });
  }
  if (changes.length === 0) return ok([]);
  doc.transact(() => {
    migrateIfAllowed(doc, writer);
    const fields = dealFieldsMap(doc);
    for (const change of changes) fields.set(fieldKey(id, change.field), valid.value[change.field]);
    fields.set(fieldKey(id, 'updatedAt'), writer.now);
    const edit: DealEdit = { at: writer.now, author: writer.author, changes };
    dealEditsMap(doc).set(editKey(id, edit, newId().slice(0, 6)), toStored(edit));
  });
  return ok(changes);
}

/** Removes a deal (its record, its field changes and its history); only its author may. */
export function removeDeal(doc: Y.Doc, id: string, writer: Writer): Result<DealEntry> {
  const current = readDeal(doc, id);
  if (current === null) return fail('not-found', 'That deal no longer exists.');
  if (!canEditDeal(current, writer)) return fail('denied', `Only ${current.author} can delete this deal.`);
  doc.transact(() => {
    migrateIfAllowed(doc, writer);
    dealEntriesMap(doc).delete(id);
    const fields = dealFieldsMap(doc);
    for (const field of EDITABLE_FIELDS) fields.delete(fieldKey(id, field));
    const log = dealEditsMap(doc);
    for (const key of [...(historyIndex(log).get(id) ?? [])]) log.delete(key);
  });
  return ok(current);
}

/** What an import did. */
export interface ImportSummary {
  added: number;
  /** Rows whose CRM id is already in the log: left as they are, so a re-import changes nothing. */
  skippedDuplicates: number;
}

/**
 * Adds imported deals in one transaction, skipping every row whose CRM id is already logged (or repeats
 * within the import). Rows must be validated first (the importer's preview does that); an invalid row here is
 * a bug, and the whole import is refused before anything is written.
 */
export function importDeals(doc: Y.Doc, inputs: readonly DealInput[], writer: Writer): Result<ImportSummary> {
  const batch = importDealBatch(doc, inputs, writer, knownCrmIds(doc));
  if (!batch.ok) return batch;
  return ok({ added: batch.value.ids.length, skippedDuplicates: batch.value.skippedDuplicates });
}

/**
 * Adds one batch of a large import in one transaction — one update, so one frame to the server — for
 * callers that split 20,000 rows into batches and yield between them. `known` holds the CRM ids already
 * logged (start it with `knownCrmIds`) and grows with every deal added, so repeats are skipped across
 * batches. Like `importDeals`, an invalid row is a bug and refuses the batch before anything is written.
 * Returns the new deals' ids (what a cancelled import removes again).
 */
export function importDealBatch(
  doc: Y.Doc,
  inputs: readonly DealInput[],
  writer: Writer,
  known: Set<string>,
): Result<{ ids: string[]; skippedDuplicates: number }> {
  const valid: DealInput[] = [];
  for (const [i, input] of inputs.entries()) {
    const checked = validateDealInput(input);
    if (!checked.ok) return fail('invalid-input', `Row ${i + 1}: ${checked.error.message}`);
    valid.push(checked.value);
  }
  if (!validAuthor(writer.author)) return fail('invalid-input', 'Set your name in your profile before importing.');
  const ids: string[] = [];
  let skippedDuplicates = 0;
  doc.transact(() => {
    migrateIfAllowed(doc, writer);
    const entries = dealEntriesMap(doc);
    for (const input of valid) {
      if (input.crmId !== '' && known.has(input.crmId)) {
        skippedDuplicates++;
        continue;
      }
      if (input.crmId !== '') known.add(input.crmId);
      const id = newId('d');
      entries.set(id, toStored(recordOf(input, writer.author, writer.now, writer.authorId)));
      ids.push(id);
    }
  });
  return ok({ ids, skippedDuplicates });
}

/** The deals whose CRM ids are already logged (for the import preview). */
export function knownCrmIds(doc: Y.Doc): Set<string> {
  const ids = new Set<string>();
  // Deals the CRM deleted count too: importing one again would log it twice once the CRM restores it.
  for (const deal of readAllDealRecords(doc, { withCrmDeleted: true })) if (deal.crmId !== '') ids.add(deal.crmId);
  return ids;
}
