/**
 * Authorship in the notes document, enforced before an update is stored: a member may create deals and
 * anchored notes in their own name, and change or delete only their own; storytellers moderate (change
 * anything). See shared/collab/dealRecords.ts for the layout this reads.
 *
 * Why keys and not a document per author: every deal lives at a key that names it — `dealEntries[id]`,
 * `dealFields["id:field"]`, `dealEdits["id:edit"]`, `anchors[id]` — and each record carries its author's
 * member id. So the server decodes the update (no apply), finds for each new item the map and key it
 * lands on (from its parent, or from its left neighbour when Yjs leaves the parent out), finds for each
 * deletion the items it deletes, and compares owners — work proportional to the update, plus one map
 * lookup per key in the loaded document. Nothing is applied unless everything passes, so a refused
 * update leaves the document (and its stored log) byte for byte as it was.
 */
import * as Y from 'yjs';
import { isValidId } from '@shared/domain/ids';
import { mayModerate } from '@shared/domain/permissions';
import type { Role } from '@shared/domain/settings';
import { fail, ok, type Result } from '@shared/result';

const ENTRIES = 'dealEntries';
const FIELDS = 'dealFields';
const EDITS = 'dealEdits';
const ANCHORS = 'anchors';
const OWNED_ROOTS = new Set([ENTRIES, FIELDS, EDITS, ANCHORS]);
/** Deletions may name ranges far larger than anything real; walking more structs than this is refused. */
const MAX_VISITED = 1_000_000;

/** Who sent the update. */
export interface NotesWriter {
  memberId: string;
  role: Role;
}

/** Where one item lands: a key of a root map, or somewhere no member may write directly. */
type Place = { root: string; key: string } | null;

type AnyItem = Y.Item | Y.GC | Y.Skip;

/** The decoded items of the update by client, sorted by clock, to resolve references inside it. */
class UpdateIndex {
  private readonly byClient = new Map<number, Y.Item[]>();
  readonly places = new Map<Y.Item, Place>();

  constructor(structs: readonly AnyItem[]) {
    for (const struct of structs) {
      if (!(struct instanceof Y.Item)) continue;
      const list = this.byClient.get(struct.id.client);
      if (list) list.push(struct);
      else this.byClient.set(struct.id.client, [struct]);
    }
  }

  find(id: Y.ID): Y.Item | null {
    const list = this.byClient.get(id.client);
    if (!list) return null;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const item = list[mid]!;
      if (id.clock < item.id.clock) high = mid - 1;
      else if (id.clock >= item.id.clock + item.length) low = mid + 1;
      else return item;
    }
    return null;
  }
}

/** The struct of the loaded document holding `id`, or null when the document does not have it. */
function storedStruct(doc: Y.Doc, id: Y.ID): Y.Item | Y.GC | null {
  const structs = doc.store.clients.get(id.client);
  if (!structs || Y.getState(doc.store, id.client) <= id.clock) return null;
  return Y.getItem(doc.store, id) as Y.Item | Y.GC;
}

/** Where a stored item sits: only direct children of a root map have a place a member may own. */
function storedPlace(doc: Y.Doc, item: Y.Item): Place {
  const parent = item.parent as Y.AbstractType<unknown> | null;
  if (parent === null || parent._item !== null || item.parentSub === null) return null;
  return { root: Y.findRootTypeKey(parent), key: item.parentSub };
}

/** Where a new item of the update lands, following left/right neighbours when the parent is left out. */
function placeOf(doc: Y.Doc, index: UpdateIndex, item: Y.Item, depth = 0): Place {
  const parent = item.parent as unknown;
  // The common case (a new key of a root map) names its place: no lookup, nothing to remember.
  if (typeof parent === 'string') return item.parentSub === null ? null : { root: parent, key: item.parentSub };
  const known = index.places.get(item);
  if (known !== undefined) return known;
  let place: Place = null;
  if (parent === null && depth < 10_000) {
    const neighbour = item.origin ?? item.rightOrigin;
    if (neighbour !== null) {
      const stored = storedStruct(doc, neighbour);
      if (stored instanceof Y.Item) place = storedPlace(doc, stored);
      else if (stored === null) {
        const inUpdate = index.find(neighbour);
        if (inUpdate !== null) place = placeOf(doc, index, inUpdate, depth + 1);
      }
    }
  } // a parent that is an ID is a nested type: none in the notes layout a member may write
  index.places.set(item, place);
  return place;
}

/** The last value a content holds, when it is readable data. */
function valueOf(content: Y.Item['content']): { readable: true; value: unknown } | { readable: false } {
  if (content instanceof Y.ContentAny) return { readable: true, value: content.getContent().at(-1) };
  return { readable: false };
}

/** The member id a stored deal record or anchored note names; null when it names none (unowned). */
function authorIdOf(value: unknown): string | null {
  let record = value;
  if (typeof value === 'string') {
    try {
      record = JSON.parse(value) as unknown;
    } catch {
      return null;
    }
  }
  if (typeof record !== 'object' || record === null || !Object.hasOwn(record, 'authorId')) return null;
  const id = (record as { authorId: unknown }).authorId;
  return isValidId(id) ? id : null;
}

/** The live value at `key` of a root map of the loaded document: exists, and whose it is. */
function liveOwner(doc: Y.Doc, root: string, key: string): { live: false } | { live: true; owner: string | null } {
  const type = doc.share.get(root);
  const item = type?._map.get(key);
  if (item === undefined || item.deleted) return { live: false };
  const content = valueOf(item.content);
  return { live: true, owner: content.readable ? authorIdOf(content.value) : null };
}

/** The deal id a `dealFields`/`dealEdits` key belongs to (ids never contain ':'). */
function dealIdOf(key: string): string | null {
  const colon = key.indexOf(':');
  return colon > 0 ? key.slice(0, colon) : null;
}

/**
 * Checks an update to a notes document from `writer` against the loaded `doc`. Storytellers pass without
 * a check (they moderate). Refusals say which rule, for the log; the client is not told more.
 */
export function guardNotesUpdate(doc: Y.Doc, update: Uint8Array, writer: NotesWriter): Result<void> {
  if (mayModerate(writer.role)) return ok(undefined);
  const { memberId } = writer;
  const { structs, ds } = Y.decodeUpdate(update);
  const index = new UpdateIndex(structs);
  // Deals this update creates: they are the writer's (any other name is refused below).
  const newDeals = new Set<string>();
  const dealKeys: string[] = [];
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue; // GC and Skip carry no content
    const place = placeOf(doc, index, struct);
    if (place === null || !OWNED_ROOTS.has(place.root)) return fail('denied', 'notes: write outside deals and notes');
    if (!(struct.content instanceof Y.ContentAny) && !(struct.content instanceof Y.ContentDeleted))
      return fail('denied', 'notes: content of an unexpected type');
    const { root, key } = place;
    if (root !== ENTRIES && root !== ANCHORS) {
      dealKeys.push(key); // checked once every deal this update creates is known
      continue;
    }
    const stored = liveOwner(doc, root, key);
    if (stored.live && stored.owner !== memberId) return fail('denied', `notes: ${root} of another member`);
    const content = valueOf(struct.content);
    if (!content.readable) continue; // deleted content: written and removed again before it was sent
    if (authorIdOf(content.value) !== memberId) return fail('denied', `notes: new ${root} not in the writer's name`);
    if (root === ENTRIES) newDeals.add(key);
  }
  for (const key of dealKeys) {
    const dealId = dealIdOf(key);
    if (dealId === null) return fail('denied', 'notes: key names no deal');
    const stored = liveOwner(doc, ENTRIES, dealId);
    // Not live and not created here: deleted, or never was — nothing anyone wrote is at stake.
    const owner = stored.live ? stored.owner : newDeals.has(dealId) ? memberId : undefined;
    if (owner !== undefined && owner !== memberId) return fail('denied', 'notes: deal of another member');
  }
  return checkDeletions(doc, ds, memberId);
}

/** Each item a deletion removes from the loaded document must be the writer's to remove. */
function checkDeletions(doc: Y.Doc, ds: ReturnType<typeof Y.decodeUpdate>['ds'], memberId: string): Result<void> {
  let visited = 0;
  for (const [client, ranges] of ds.clients) {
    const structs = doc.store.clients.get(client);
    if (!structs) continue; // deletes items of this very update, checked above as insertions
    for (const { clock, len } of ranges) {
      const state = Y.getState(doc.store, client);
      if (clock >= state) continue;
      for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
        const struct = structs[i]!;
        if (struct.id.clock >= clock + len) break;
        if (++visited > MAX_VISITED) return fail('denied', 'notes: deletion too broad');
        if (!(struct instanceof Y.Item) || struct.deleted) continue;
        const place = storedPlace(doc, struct);
        if (place === null || !OWNED_ROOTS.has(place.root)) return fail('denied', 'notes: deletion outside deals');
        const content = valueOf(struct.content);
        let owner: string | null | undefined;
        if (place.root === ENTRIES || place.root === ANCHORS)
          owner = content.readable ? authorIdOf(content.value) : null;
        else {
          const dealId = dealIdOf(place.key);
          const deal = dealId === null ? { live: false as const } : liveOwner(doc, ENTRIES, dealId);
          owner = deal.live ? deal.owner : undefined;
        }
        if (owner !== undefined && owner !== memberId)
          return fail('denied', 'notes: deletes what another member wrote');
      }
    }
  }
  return ok(undefined);
}
