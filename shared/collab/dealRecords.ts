/**
 * How deals are laid out in the notes document, and how they are read back — the storage half of notes.ts.
 *
 * Layout 2 (written since the company-scale work, measured in docs/ARCHITECTURE.md):
 * - `dealEntries`: Y.Map dealId → the deal as created (every DealInput field, author, createdAt, updatedAt)
 *   as one JSON string (see toStored). One Yjs item and one string per deal instead of ~20 items.
 * - `dealFields`: Y.Map `${dealId}:${field}` → value, every later change of one field. Keyed per field, so
 *   two replicas changing different fields of one deal both keep their change (last writer wins per field).
 * - `dealEdits`: Y.Map `${dealId}:${editKey}` → `{ at, author, changes }` (JSON), the append-only history of
 *   every deal. A map rather than one Y.Array: appending to a long Y.Array walks its items (measured 0.3 ms a
 *   push at 2,000 edits, growing), a map key is set in constant time.
 *
 * - `crmDeleted`: Y.Map dealId → `{ at, by }` (JSON): CRM deals the CRM reports deleted. Only the sync server
 *   writes it (no member may: server/sync/guardNotesUpdate.ts refuses every other root). Such a deal stays in
 *   the document — its receptions, note and history survive a restore from the CRM's recycle bin — but is
 *   left out of every reader's deal list and figures (docs/CRM.md, "Deals deleted in the CRM").
 *
 * Layout 1 (older documents): `deals`: Y.Map dealId → Y.Map with one key per field plus `history`, a Y.Array.
 * Both are always read (layout 2 wins for an id in both); writers move layout-1 deals into layout 2 first
 * (`migrateLegacyDeals`), deleting them from `deals`, so the old items become small tombstones.
 */
import * as Y from 'yjs';
import { checkDealInput } from '../domain/checkDealInput';
import { DEAL_INPUT_FIELDS, type DealEdit, type DealEntry, type DealInput } from '../domain/deal';
import { isValidId } from '../domain/ids';

const LEGACY_DEALS = 'deals';
/** Layout 1's key of a deal's history (a Y.Array), inside the deal's map. */
export const LEGACY_HISTORY = 'history';
const ENTRIES = 'dealEntries';
const FIELDS = 'dealFields';
const EDITS = 'dealEdits';
const CRM_DELETED = 'crmDeleted';

/** The fields a later edit may change (DealInput's and the time of the change). */
export const EDITABLE_FIELDS: readonly string[] = [...DEAL_INPUT_FIELDS, 'updatedAt'];

/** Layout 1's deals map (read, migrated, never written with new deals). */
export function legacyDealsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(LEGACY_DEALS);
}

/** Layout 2: dealId → the deal as created. */
export function dealEntriesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ENTRIES);
}

/** Layout 2: `${dealId}:${field}` → the field's latest value. */
export function dealFieldsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(FIELDS);
}

/** Layout 2: the edit log, `${dealId}:${editKey}` → DealEdit. */
export function dealEditsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(EDITS);
}

/** dealId → `{ at, by }` of each CRM deal the CRM reports deleted (hidden from readers; see above). */
export function crmDeletedMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(CRM_DELETED);
}

/** What readers may ask for besides the visible deals. */
export interface DealReadOptions {
  /** Also read deals the CRM reports deleted (the CRM sync needs them to key restores and imports). */
  withCrmDeleted?: boolean;
}

/** cyrb53, a small well-mixed 53-bit string hash (public domain), in base 36. */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * The key of a history record: derived from its content, so two clients migrating the same layout-1 record
 * at once write the same key (one record, not two); new edits add a random part.
 */
export function editKey(id: string, edit: DealEdit, random = ''): string {
  return `${id}:${hash(`${edit.at}|${edit.author}|${JSON.stringify(edit.changes)}`)}${random}`;
}

/** The key of one field's latest value (ids never contain ':'). */
export function fieldKey(id: string, field: string): string {
  return `${id}:${field}`;
}

/** The deal id of a `dealFields` key. */
export function idOfFieldKey(key: string): string {
  return key.slice(0, key.lastIndexOf(':'));
}

/**
 * Validates raw fields into an entry; null when they do not pass (e.g. written by hostile code). The entry
 * is one object literal with a fixed key order (its narrative uses are literals too, see checkDealInput):
 * what a spread or the schema's parser returns has shapes V8 cannot optimise for (aggregating 20,000 of
 * them took 5–8× longer), and readers that keep every deal (LiveDeals) used to copy each one into this form.
 */
function toEntry(id: string, raw: Readonly<Record<string, unknown>>): DealEntry | null {
  const d = checkDealInput(raw);
  const { author, authorId, createdAt, updatedAt } = raw;
  if (d === null || typeof author !== 'string' || typeof createdAt !== 'number' || typeof updatedAt !== 'number')
    return null;
  // An author id that is not an id is not one the server accepted: the deal counts as unowned. Two whole
  // literals, not a spread of a common part: with the spread, the review's derivation over 20,000 deals took
  // 160–200 ms in Chromium instead of 75–90, and the app start's longest task grew from ~100 to 175–260 ms.
  if (isValidId(authorId))
    return {
      id,
      account: d.account,
      dealName: d.dealName,
      crmId: d.crmId,
      amount: d.amount,
      currency: d.currency,
      stage: d.stage,
      persona: d.persona,
      outcome: d.outcome,
      competitor: d.competitor,
      closeDate: d.closeDate,
      narratives: d.narratives,
      note: d.note,
      perspective: d.perspective,
      author,
      authorId,
      createdAt,
      updatedAt,
    };
  return {
    id,
    account: d.account,
    dealName: d.dealName,
    crmId: d.crmId,
    amount: d.amount,
    currency: d.currency,
    stage: d.stage,
    persona: d.persona,
    outcome: d.outcome,
    competitor: d.competitor,
    closeDate: d.closeDate,
    narratives: d.narratives,
    note: d.note,
    perspective: d.perspective,
    author,
    createdAt,
    updatedAt,
  };
}

function legacyRaw(map: Y.Map<unknown>): Record<string, unknown> {
  const raw: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const field of EDITABLE_FIELDS) raw[field] = map.get(field);
  raw.author = map.get('author');
  raw.createdAt = map.get('createdAt');
  return raw;
}

/**
 * A record or history entry as stored: one JSON string. Decoding a Yjs update costs mostly one native text
 * decode per string, so a record stored as an object (~25 strings: keys and values) decodes several times
 * slower than the same record as one string, which JSON.parse then reads natively.
 */
export function toStored(value: object): string {
  return JSON.stringify(value);
}

/** The value of a stored record or entry; null when it is not JSON (objects written directly pass as they are). */
export function fromStored(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null; // not a record any Duet writes: skipped like any other invalid entry
  }
}

/**
 * Copies the known keys of a stored record (never its prototype or unknown keys) into a plain object: none
 * of the keys read from it exists on Object.prototype, and a null-prototype object is a slow dictionary in
 * V8 (reading 20,000 deals spent a sixth of its time on them).
 */
function recordRaw(stored: unknown): Record<string, unknown> | null {
  const record = fromStored(stored);
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return null;
  const raw: Record<string, unknown> = {};
  const source = record as Record<string, unknown>;
  for (const field of EDITABLE_FIELDS) if (Object.hasOwn(source, field)) raw[field] = source[field];
  raw.author = Object.hasOwn(source, 'author') ? source.author : undefined;
  raw.authorId = Object.hasOwn(source, 'authorId') ? source.authorId : undefined;
  raw.createdAt = Object.hasOwn(source, 'createdAt') ? source.createdAt : undefined;
  return raw;
}

/** One layout-1 deal, or null. */
export function readLegacyEntry(id: string, map: unknown): DealEntry | null {
  if (!isValidId(id) || !(map instanceof Y.Map)) return null;
  return toEntry(id, legacyRaw(map as Y.Map<unknown>));
}

/**
 * Which fields of each deal were changed since it was created (deal id → its field names and `dealFields`
 * keys, as flat pairs `[field, key, field, key, …]`), kept current by an observer on the map. Reading one deal
 * then looks up only its changed fields instead of probing all eighteen keys — at 20,000 deals that probing
 * was a third of the deal log's first read. Flat pairs rather than a Map per deal: 20,000 small Maps, and an
 * entry array per field read, were most of building and walking the index.
 */
const changedFieldIndexes = new WeakMap<Y.Map<unknown>, Map<string, string[]>>();
/** The fields a `dealFields` key may set, for the index: a key for any other field is never read. */
const EDITABLE: ReadonlySet<string> = new Set(EDITABLE_FIELDS);

function changedFieldIndex(fields: Y.Map<unknown>): Map<string, string[]> {
  let index = changedFieldIndexes.get(fields);
  if (index) return index;
  const built = new Map<string, string[]>();
  const add = (key: string): void => {
    const id = idOfFieldKey(key);
    const field = key.slice(id.length + 1);
    if (!EDITABLE.has(field)) return;
    const pairs = built.get(id);
    if (pairs === undefined) built.set(id, [field, key]);
    else if (!pairs.includes(key)) pairs.push(field, key);
  };
  for (const key of fields.keys()) add(key);
  followKeys(fields, add, (key) => {
    const pairs = built.get(idOfFieldKey(key));
    const at = pairs?.indexOf(key) ?? -1;
    if (at > 0) pairs!.splice(at - 1, 2);
  });
  changedFieldIndexes.set(fields, (index = built));
  return index;
}

/**
 * Keeps an index of `map`'s keys current: `added` for each key set by a transaction, `removed` for each key it
 * deleted. Lives as long as the document. Type observers run before 'afterTransaction', so readers reacting
 * to a change (observeDealChanges) already see the index updated.
 */
export function followKeys(map: Y.Map<unknown>, added: (key: string) => void, removed: (key: string) => void): void {
  map.observe((event) => {
    for (const key of event.keysChanged) {
      if (map.has(key)) added(key);
      else removed(key);
    }
  });
}

/**
 * Builds what reading deals one at a time relies on (the index of their edited fields: one pass over every
 * edited field, ~40 ms at 20,000 deals), so a reader can pay for it in a task of its own rather than inside
 * its first read. Reading works without it (the first read builds it).
 */
export function prepareDealRecordReads(doc: Y.Doc): void {
  changedFieldIndex(dealFieldsMap(doc));
}

/** One deal from either layout (layout 2 first), or null when missing or invalid. */
export function readDealRecord(doc: Y.Doc, id: string, options: DealReadOptions = {}): DealEntry | null {
  if (!isValidId(id)) return null;
  if (options.withCrmDeleted !== true && crmDeletedMap(doc).has(id)) return null;
  const raw = recordRaw(dealEntriesMap(doc).get(id));
  if (raw === null) return readLegacyEntry(id, legacyDealsMap(doc).get(id));
  const fields = dealFieldsMap(doc);
  if (doc._transaction === null) {
    const changed = changedFieldIndex(fields).get(id);
    if (changed) for (let i = 0; i < changed.length; i += 2) raw[changed[i]!] = fields.get(changed[i + 1]!);
  } else {
    // Inside a transaction the index has not seen this transaction's changes yet: ask the map itself.
    for (const field of EDITABLE_FIELDS) {
      const key = fieldKey(id, field);
      if (fields.has(key)) raw[field] = fields.get(key);
    }
  }
  return toEntry(id, raw);
}

/** Every valid deal of both layouts, in no particular order — one pass over each map. */
export function readAllDealRecords(doc: Y.Doc, options: DealReadOptions = {}): DealEntry[] {
  const deleted = crmDeletedMap(doc);
  const hidden = options.withCrmDeleted !== true && deleted.size > 0 ? deleted : null;
  const changed = new Map<string, [string, unknown][]>();
  for (const [key, value] of dealFieldsMap(doc)) {
    const id = idOfFieldKey(key);
    const list = changed.get(id);
    if (list) list.push([key.slice(id.length + 1), value]);
    else changed.set(id, [[key.slice(id.length + 1), value]]);
  }
  const out: DealEntry[] = [];
  const entries = dealEntriesMap(doc);
  for (const [id, record] of entries) {
    const raw = isValidId(id) && !hidden?.has(id) ? recordRaw(record) : null;
    if (raw === null) continue;
    for (const [field, value] of changed.get(id) ?? []) if (EDITABLE_FIELDS.includes(field)) raw[field] = value;
    const entry = toEntry(id, raw);
    if (entry) out.push(entry);
  }
  for (const [id, map] of legacyDealsMap(doc)) {
    if (entries.has(id) || hidden?.has(id)) continue;
    const entry = readLegacyEntry(id, map);
    if (entry) out.push(entry);
  }
  return out;
}

/** True for a well-formed history record. */
export function isDealEdit(e: unknown): e is DealEdit {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as DealEdit).at === 'number' &&
    typeof (e as DealEdit).author === 'string' &&
    Array.isArray((e as DealEdit).changes)
  );
}

/**
 * The input fields of an entry, for writing a new layout-2 record. `authorId` is the writer's member id
 * when a sync server vouches for them (the server refuses a new deal that names anyone else).
 */
export function recordOf(
  input: DealInput,
  author: string,
  now: number,
  authorId?: string | null,
): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const field of DEAL_INPUT_FIELDS) record[field] = input[field];
  record.author = author;
  if (authorId) record.authorId = authorId;
  record.createdAt = now;
  record.updatedAt = now;
  return record;
}
