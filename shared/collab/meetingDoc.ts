/**
 * One joint review, `{workspace}/meetings/{meetingId}`: what the meeting is (title, date, the playbook whose
 * deal log it reviews, participants, who presents), its agenda, the discussion notes per item and which
 * items are done. Decisions and action items are in the ledger (`meetingLedger.ts`), keyed by meeting and
 * item, because they outlive the meeting.
 *
 * Shape: `Y.Map` `meta` (one key per field, participants and presenter as JSON), `Y.Array` `agenda` (item
 * ids in order — reordering is a delete and an insert, so concurrent reorders never duplicate an item),
 * `Y.Map` `items` (id → JSON `AgendaItem`), `Y.Map` `notes` (item id → `Y.Text`, so two people typing notes
 * merge) and `Y.Map` `done` (item id → who marked it).
 */
import * as Y from 'yjs';
import { z } from '../zod';
import { isIsoDate } from '../domain/deal';
import { isValidId } from '../domain/ids';

/** Where an agenda item came from. */
export const AGENDA_KINDS = ['goal', 'attention', 'mover', 'loss', 'changed', 'action', 'custom'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

/** Limits on a meeting's content. */
export const MEETING_LIMITS = { title: 160, detail: 1000, items: 60, participants: 100, notes: 20_000 } as const;

/** Someone who can take part in a meeting or own an action. */
export interface Member {
  /** The server's member id, or `name:<name>` for someone known only by name. */
  id: string;
  name: string;
}

const memberSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(90)),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(80)),
});

/** One agenda item. */
export const agendaItemSchema = z.object({
  kind: z.enum(AGENDA_KINDS),
  title: z.string().check(z.trim(), z.minLength(1, 'Name the item.'), z.maxLength(MEETING_LIMITS.title)),
  /** What the data says, in one or two sentences. */
  detail: z.string().check(z.maxLength(MEETING_LIMITS.detail)),
});
export type AgendaItem = z.infer<typeof agendaItemSchema> & { id: string };

/** What a meeting is. */
export interface MeetingMeta {
  title: string;
  date: string;
  playbookId: string;
  organiser: string;
  participants: Member[];
  presenter: Member | null;
}

/** A meeting as read. */
export interface MeetingState {
  meta: MeetingMeta | null;
  agenda: AgendaItem[];
  done: ReadonlySet<string>;
}

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** Reads the meeting (meta is null until its first sync brought it). */
export function readMeeting(doc: Y.Doc): MeetingState {
  const meta = doc.getMap<unknown>('meta');
  const title = meta.get('title');
  const date = meta.get('date');
  const playbookId = meta.get('playbookId');
  const participants = z
    .array(memberSchema)
    .check(z.maxLength(MEETING_LIMITS.participants))
    .safeParse(parseJson(meta.get('participants')));
  const presenter = memberSchema.safeParse(parseJson(meta.get('presenter')));
  const organiser = meta.get('organiser');
  const ok = typeof title === 'string' && typeof date === 'string' && isIsoDate(date) && isValidId(playbookId);
  const items = doc.getMap<unknown>('items');
  const seen = new Set<string>();
  const agenda: AgendaItem[] = [];
  for (const key of doc.getArray<string>('agenda').toArray()) {
    if (typeof key !== 'string' || seen.has(key)) continue; // an item moved by two people at once shows once
    seen.add(key);
    const parsed = agendaItemSchema.safeParse(parseJson(items.get(key)));
    if (parsed.success) agenda.push({ ...parsed.data, id: key });
  }
  const done = new Set<string>();
  doc.getMap<unknown>('done').forEach((_v, key) => done.add(key));
  return {
    meta: ok
      ? {
          title: title.slice(0, MEETING_LIMITS.title),
          date,
          playbookId,
          organiser: typeof organiser === 'string' ? organiser.slice(0, 80) : '',
          participants: participants.success ? participants.data : [],
          presenter: presenter.success ? presenter.data : null,
        }
      : null,
    agenda,
    done,
  };
}

/** Subscribes to the meeting (not to note typing); returns the disposer. */
export function observeMeeting(doc: Y.Doc, onChange: (state: MeetingState) => void): () => void {
  const handle = (tr: Y.Transaction): void => {
    const notesOnly = [...tr.changedParentTypes.keys()].every((t) => t instanceof Y.Text);
    if (!notesOnly || tr.changedParentTypes.size === 0) onChange(readMeeting(doc));
  };
  doc.on('afterTransaction', handle);
  return () => doc.off('afterTransaction', handle);
}

/** Writes a new meeting: its meta and its agenda, in one transaction. */
export function writeNewMeeting(doc: Y.Doc, meta: Omit<MeetingMeta, 'presenter'>, agenda: readonly AgendaItem[]): void {
  if (agenda.length > MEETING_LIMITS.items) throw new Error('[meetings] too many agenda items');
  doc.transact(() => {
    const m = doc.getMap<unknown>('meta');
    m.set('title', meta.title);
    m.set('date', meta.date);
    m.set('playbookId', meta.playbookId);
    m.set('organiser', meta.organiser);
    m.set('participants', JSON.stringify(meta.participants.slice(0, MEETING_LIMITS.participants)));
    for (const item of agenda) putAgendaItem(doc, item);
    doc.getArray<string>('agenda').push(agenda.map((i) => i.id));
  });
}

function putAgendaItem(doc: Y.Doc, item: AgendaItem): void {
  const { id, ...record } = item;
  if (!isValidId(id)) throw new Error(`[meetings] bad item id ${id}`);
  doc.getMap<unknown>('items').set(id, JSON.stringify(agendaItemSchema.parse(record)));
  // The notes' shared text is created with the item, by one writer: two people creating it at once on first
  // keystroke would each make their own, and one of them would lose their words.
  if (!(doc.getMap<unknown>('notes').get(id) instanceof Y.Text)) doc.getMap<unknown>('notes').set(id, new Y.Text());
}

/** Adds an item at the end of the agenda. */
export function addAgendaItem(doc: Y.Doc, item: AgendaItem): void {
  if (doc.getArray('agenda').length >= MEETING_LIMITS.items) throw new Error('[meetings] too many agenda items');
  doc.transact(() => {
    putAgendaItem(doc, item);
    doc.getArray<string>('agenda').push([item.id]);
  });
}

/** Makes `member` the presenter (null: nobody presents). */
export function setPresenter(doc: Y.Doc, member: Member | null): void {
  const meta = doc.getMap<unknown>('meta');
  if (member) meta.set('presenter', JSON.stringify(memberSchema.parse(member)));
  else meta.delete('presenter');
}

/** Marks an agenda item done, or open again. */
export function setItemDone(doc: Y.Doc, itemId: string, by: string | null): void {
  const done = doc.getMap<unknown>('done');
  if (by === null) done.delete(itemId);
  else done.set(itemId, JSON.stringify({ by: by.slice(0, 80), at: Date.now() }));
}

/** The discussion notes of an item, as a shared text (null before the item's first sync arrived). */
export function itemNotes(doc: Y.Doc, itemId: string): Y.Text | null {
  const existing = doc.getMap<unknown>('notes').get(itemId);
  return existing instanceof Y.Text ? existing : null;
}

/** The notes of an item as plain text, without creating them. */
export function readItemNotes(doc: Y.Doc, itemId: string): string {
  const existing = doc.getMap<unknown>('notes').get(itemId);
  return existing instanceof Y.Text ? existing.toString() : '';
}

/**
 * Applies an edit of a textarea to the shared text as the smallest splice (common prefix and suffix kept), so
 * someone else's typing elsewhere in the same notes survives.
 */
export function spliceText(text: Y.Text, next: string): void {
  const current = text.toString();
  if (current === next) return;
  let start = 0;
  while (start < current.length && start < next.length && current[start] === next[start]) start++;
  let end = 0;
  while (
    end < current.length - start &&
    end < next.length - start &&
    current[current.length - 1 - end] === next[next.length - 1 - end]
  )
    end++;
  text.doc?.transact(() => {
    text.delete(start, current.length - start - end);
    text.insert(start, next.slice(start, next.length - end).slice(0, MEETING_LIMITS.notes));
  });
}

/**
 * Rewrites the agenda in `order` (item ids; ids not in the agenda are ignored, items missing from `order`
 * are removed from the agenda).
 */
export function reorderAgenda(doc: Y.Doc, order: readonly string[]): void {
  const agenda = doc.getArray<string>('agenda');
  doc.transact(() => {
    agenda.delete(0, agenda.length);
    agenda.push([...new Set(order)]);
  });
}
