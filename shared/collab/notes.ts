/**
 * The notes document of a playbook (`{workspace}/notes/{playbookId}`): sales' deal log and anchored notes.
 *
 * Schema (all under the document root):
 * - `deals`: Y.Map dealId → Y.Map with one key per DealEntry field (so two people editing different fields of
 *   one deal both keep their change) plus `history`, an append-only Y.Array of DealEdit.
 * - `anchors`: Y.Map noteId → plain object (AnchoredNote), see textQuote.ts.
 *
 * Deals reference narratives by their stable narrative id, never by title or position, so a deal follows its
 * narratives through renames, moves and edits. The server enforces write access per document (sales and up
 * may write notes); "only the author edits an entry" is enforced here and in the UI, not by the server.
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
import { isValidId, newId } from '../domain/ids';
import { fail, ok, type Result } from '../result';
import { anchoredNoteSchema, type AnchoredNote } from './textQuote';

const DEALS = 'deals';
const ANCHORS = 'anchors';
const HISTORY = 'history';

/** Who is writing, and when (epoch ms); passed in so tests and imports control both. */
export interface Writer {
  author: string;
  now: number;
}

/** The deals map of a notes document. */
export function dealsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(DEALS);
}

/** The anchored notes map of a notes document. */
export function anchorsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ANCHORS);
}

function firstIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  if (!issue) return 'The entry is not valid.';
  const field = issue.path.length > 0 ? `${String(issue.path[0])}: ` : '';
  return `${field}${issue.message}`;
}

/** Validates a deal's fields; the message names the first field that is wrong. */
export function validateDealInput(input: unknown): Result<DealInput> {
  const parsed = dealInputSchema.safeParse(input);
  return parsed.success ? ok(parsed.data) : fail('invalid-input', firstIssue(parsed.error));
}

function validAuthor(author: string): boolean {
  return author.trim().length > 0 && author.length <= DEAL_LIMITS.author;
}

/** Reads one entry; null when it is missing or does not pass validation (e.g. written by hostile code). */
function readEntry(id: string, map: Y.Map<unknown>): DealEntry | null {
  if (!isValidId(id) || !(map instanceof Y.Map)) return null;
  const raw: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const field of DEAL_INPUT_FIELDS) raw[field] = map.get(field);
  const parsed = dealInputSchema.safeParse(raw);
  const author = map.get('author');
  const createdAt = map.get('createdAt');
  const updatedAt = map.get('updatedAt');
  if (!parsed.success || typeof author !== 'string' || typeof createdAt !== 'number' || typeof updatedAt !== 'number')
    return null;
  return { id, ...parsed.data, author, createdAt, updatedAt };
}

/** Every valid deal, newest close date first (ties: newest entry first). */
export function readDeals(doc: Y.Doc): DealEntry[] {
  const out: DealEntry[] = [];
  for (const [id, map] of dealsMap(doc)) {
    const entry = readEntry(id, map);
    if (entry) out.push(entry);
  }
  return out.sort((a, b) => b.closeDate.localeCompare(a.closeDate) || b.createdAt - a.createdAt);
}

/** One deal, or null. */
export function readDeal(doc: Y.Doc, id: string): DealEntry | null {
  const map = dealsMap(doc).get(id);
  return map ? readEntry(id, map) : null;
}

/** The edit history of a deal, oldest first. Malformed records are skipped. */
export function readDealHistory(doc: Y.Doc, id: string): DealEdit[] {
  const history = dealsMap(doc).get(id)?.get(HISTORY);
  if (!(history instanceof Y.Array)) return [];
  return (history.toArray() as unknown[]).filter(
    (e): e is DealEdit =>
      typeof e === 'object' &&
      e !== null &&
      typeof (e as DealEdit).at === 'number' &&
      typeof (e as DealEdit).author === 'string' &&
      Array.isArray((e as DealEdit).changes),
  );
}

/** Subscribes to the deal list (any change to any deal); returns the disposer. */
export function observeDeals(doc: Y.Doc, onChange: (deals: DealEntry[]) => void): () => void {
  const deals = dealsMap(doc);
  const handle = (): void => onChange(readDeals(doc));
  deals.observeDeep(handle);
  return () => deals.unobserveDeep(handle);
}

function writeFields(map: Y.Map<unknown>, input: DealInput): void {
  for (const field of DEAL_INPUT_FIELDS) map.set(field, input[field]);
}

/** Adds a deal; fails with `invalid-input` (writing nothing) when a field is not valid. */
export function addDeal(doc: Y.Doc, input: unknown, writer: Writer, id: string = newId('d')): Result<DealEntry> {
  const valid = validateDealInput(input);
  if (!valid.ok) return valid;
  if (!validAuthor(writer.author)) return fail('invalid-input', 'Set your name in your profile before logging deals.');
  if (!isValidId(id) || dealsMap(doc).has(id)) return fail('invalid-input', 'That deal id is taken.');
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    dealsMap(doc).set(id, map);
    writeFields(map, valid.value);
    map.set('author', writer.author);
    map.set('createdAt', writer.now);
    map.set('updatedAt', writer.now);
    map.set(HISTORY, new Y.Array<DealEdit>());
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
  if (current.author !== writer.author) return fail('denied', `Only ${current.author} can edit this deal.`);
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
  const map = dealsMap(doc).get(id)!;
  doc.transact(() => {
    for (const change of changes) map.set(change.field, valid.value[change.field]);
    map.set('updatedAt', writer.now);
    let history = map.get(HISTORY);
    if (!(history instanceof Y.Array)) map.set(HISTORY, (history = new Y.Array<DealEdit>()));
    (history as Y.Array<DealEdit>).push([{ at: writer.now, author: writer.author, changes }]);
  });
  return ok(changes);
}

/** Removes a deal; only its author may. */
export function removeDeal(doc: Y.Doc, id: string, writer: Writer): Result<DealEntry> {
  const current = readDeal(doc, id);
  if (current === null) return fail('not-found', 'That deal no longer exists.');
  if (current.author !== writer.author) return fail('denied', `Only ${current.author} can delete this deal.`);
  dealsMap(doc).delete(id);
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
  for (const [i, input] of inputs.entries()) {
    const valid = validateDealInput(input);
    if (!valid.ok) return fail('invalid-input', `Row ${i + 1}: ${valid.error.message}`);
  }
  if (!validAuthor(writer.author)) return fail('invalid-input', 'Set your name in your profile before importing.');
  const known = new Set(
    readDeals(doc)
      .map((d) => d.crmId)
      .filter((c) => c !== ''),
  );
  let added = 0;
  let skippedDuplicates = 0;
  doc.transact(() => {
    for (const input of inputs) {
      if (input.crmId !== '' && known.has(input.crmId)) {
        skippedDuplicates++;
        continue;
      }
      if (input.crmId !== '') known.add(input.crmId);
      const map = new Y.Map<unknown>();
      dealsMap(doc).set(newId('d'), map);
      writeFields(map, dealInputSchema.parse(input));
      map.set('author', writer.author);
      map.set('createdAt', writer.now);
      map.set('updatedAt', writer.now);
      map.set(HISTORY, new Y.Array<DealEdit>());
      added++;
    }
  });
  return ok({ added, skippedDuplicates });
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
    for (const input of valid) {
      if (input.crmId !== '' && known.has(input.crmId)) {
        skippedDuplicates++;
        continue;
      }
      if (input.crmId !== '') known.add(input.crmId);
      const id = newId('d');
      const map = new Y.Map<unknown>();
      dealsMap(doc).set(id, map);
      writeFields(map, input);
      map.set('author', writer.author);
      map.set('createdAt', writer.now);
      map.set('updatedAt', writer.now);
      map.set(HISTORY, new Y.Array<DealEdit>());
      ids.push(id);
    }
  });
  return ok({ ids, skippedDuplicates });
}

/** The deals whose CRM ids are already logged (for the import preview). */
export function knownCrmIds(doc: Y.Doc): Set<string> {
  return new Set(
    readDeals(doc)
      .map((d) => d.crmId)
      .filter((c) => c !== ''),
  );
}

/** True when `author` may edit the deal. */
export function canEditDeal(deal: Pick<DealEntry, 'author'>, author: string): boolean {
  return deal.author === author && author !== '';
}

/** Adds an anchored note; fails when it is not valid. */
export function addAnchoredNote(doc: Y.Doc, input: unknown, id: string = newId('a')): Result<AnchoredNote> {
  const parsed = anchoredNoteSchema.safeParse(input);
  if (!parsed.success) return fail('invalid-input', firstIssue(parsed.error));
  anchorsMap(doc).set(id, { ...parsed.data });
  return ok(parsed.data);
}

/** Every valid anchored note with its id, newest first. */
export function readAnchoredNotes(doc: Y.Doc): (AnchoredNote & { id: string })[] {
  const out: (AnchoredNote & { id: string })[] = [];
  for (const [id, value] of anchorsMap(doc)) {
    const parsed = anchoredNoteSchema.safeParse(value);
    if (isValidId(id) && parsed.success) out.push({ ...parsed.data, id });
  }
  return out.sort((a, b) => b.createdAt - a.createdAt);
}

/** Subscribes to the anchored notes (any change); returns the disposer. */
export function observeAnchoredNotes(
  doc: Y.Doc,
  onChange: (notes: (AnchoredNote & { id: string })[]) => void,
): () => void {
  const anchors = anchorsMap(doc);
  const handle = (): void => onChange(readAnchoredNotes(doc));
  anchors.observe(handle);
  return () => anchors.unobserve(handle);
}
