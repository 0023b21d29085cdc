/**
 * The meetings ledger, `{workspace}/meetings/ledger`: the list of joint reviews, their decisions and their
 * action items. These outlive the meeting they were raised in — an action is carried into every next
 * agenda until it is done and shown to its owner whenever they open the app, decisions are searched across
 * all meetings — so they live in one workspace-level document that every client keeps open, instead of
 * each in its meeting's own document (reading them there would mean opening every meeting ever held).
 *
 * Shape: `Y.Map`s `meetings`, `decisions`, `actions` (id → one JSON record each, written once) and
 * `actionsDone` (action id → who closed it and when: a separate key, so closing an action never races an
 * edit of its record). The server lets storytellers, marketing and sales write it.
 */
import * as Y from 'yjs';
import { z } from '../zod';
import { isIsoDate } from '../domain/deal';
import { isValidId } from '../domain/ids';

/** Limits on what people (or peers) put in the ledger. */
export const LEDGER_LIMITS = { title: 160, text: 2000, name: 80, entries: 20_000 } as const;

const id = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/));
const isoDate = z.string().check(z.refine(isIsoDate, 'Enter the date as yyyy-mm-dd.'));
const name = z.string().check(z.trim(), z.maxLength(LEDGER_LIMITS.name));

/** A meeting as listed. */
export const meetingEntrySchema = z.object({
  title: z.string().check(z.trim(), z.minLength(1, 'Name the meeting.'), z.maxLength(LEDGER_LIMITS.title)),
  date: isoDate,
  playbookId: id,
  organiser: name,
  createdAt: z.number().check(z.nonnegative()),
});
export type MeetingEntry = z.infer<typeof meetingEntrySchema> & { id: string };

/** A decision taken on an agenda item. */
export const decisionSchema = z.object({
  meetingId: id,
  itemId: id,
  itemTitle: z.string().check(z.maxLength(LEDGER_LIMITS.title * 2)),
  text: z.string().check(z.trim(), z.minLength(1, 'Write the decision.'), z.maxLength(LEDGER_LIMITS.text)),
  author: name,
  createdAt: z.number().check(z.nonnegative()),
});
export type Decision = z.infer<typeof decisionSchema> & { id: string };

/** An action item: what, who, by when. */
export const actionSchema = z.object({
  meetingId: id,
  itemId: id,
  itemTitle: z.string().check(z.maxLength(LEDGER_LIMITS.title * 2)),
  text: z.string().check(z.trim(), z.minLength(1, 'Write what is to be done.'), z.maxLength(LEDGER_LIMITS.text)),
  /** The owner's member id (from the server), or `name:<name>` for someone known only by name. */
  ownerId: z.string().check(z.minLength(1, 'Pick an owner.'), z.maxLength(LEDGER_LIMITS.name + 5)),
  ownerName: name.check(z.minLength(1, 'Pick an owner.')),
  due: isoDate,
  author: name,
  createdAt: z.number().check(z.nonnegative()),
});
export type ActionRecord = z.infer<typeof actionSchema>;

/** An action item with its id and whether it is done. */
export interface ActionItem extends ActionRecord {
  id: string;
  done: { by: string; at: number } | null;
}

const doneSchema = z.object({ by: name, at: z.number().check(z.nonnegative()) });

/** Everything in the ledger, read and validated. */
export interface Ledger {
  /** Newest meeting first. */
  meetings: MeetingEntry[];
  /** Oldest first. */
  decisions: Decision[];
  /** Oldest first. */
  actions: ActionItem[];
}

function readMap<T extends object>(map: Y.Map<unknown>, schema: z.ZodMiniType<T>): (T & { id: string })[] {
  const out: (T & { id: string })[] = [];
  map.forEach((value, key) => {
    if (!isValidId(key) || typeof value !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(value);
    } catch {
      return; // a malformed record from a peer is skipped; the others still show
    }
    const parsed = schema.safeParse(json);
    if (parsed.success) out.push({ ...parsed.data, id: key });
  });
  return out;
}

const byCreated = (a: { createdAt: number; id: string }, b: { createdAt: number; id: string }): number =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);

/** Reads the whole ledger. */
export function readLedger(doc: Y.Doc): Ledger {
  const done = new Map(readMap(doc.getMap('actionsDone'), doneSchema).map((d) => [d.id, { by: d.by, at: d.at }]));
  return {
    meetings: readMap(doc.getMap('meetings'), meetingEntrySchema).sort((a, b) =>
      a.date < b.date ? 1 : a.date > b.date ? -1 : -byCreated(a, b),
    ),
    decisions: readMap(doc.getMap('decisions'), decisionSchema).sort(byCreated),
    actions: readMap(doc.getMap('actions'), actionSchema)
      .map((a) => ({ ...a, done: done.get(a.id) ?? null }))
      .sort(byCreated),
  };
}

/** Subscribes to the ledger; returns the disposer. */
export function observeLedger(doc: Y.Doc, onChange: (ledger: Ledger) => void): () => void {
  const handle = (): void => onChange(readLedger(doc));
  doc.on('afterTransaction', handle);
  return () => doc.off('afterTransaction', handle);
}

function put(doc: Y.Doc, mapName: string, key: string, record: object): void {
  if (!isValidId(key)) throw new Error(`[meetings] bad id ${key}`);
  const map = doc.getMap<unknown>(mapName);
  if (!map.has(key) && map.size >= LEDGER_LIMITS.entries) throw new Error(`[meetings] the ${mapName} list is full`);
  map.set(key, JSON.stringify(record));
}

/** Lists a meeting. */
export function addMeetingEntry(doc: Y.Doc, entry: MeetingEntry): void {
  const { id: key, ...record } = entry;
  put(doc, 'meetings', key, meetingEntrySchema.parse(record));
}

/** Records a decision (validated; throws on what the schema refuses — forms validate first). */
export function addDecision(doc: Y.Doc, decision: Decision): void {
  const { id: key, ...record } = decision;
  put(doc, 'decisions', key, decisionSchema.parse(record));
}

/** Records an action item. */
export function addAction(doc: Y.Doc, key: string, action: ActionRecord): void {
  put(doc, 'actions', key, actionSchema.parse(action));
}

/** Marks an action done (or open again with `done: null`). */
export function setActionDone(doc: Y.Doc, key: string, done: { by: string; at: number } | null): void {
  const map = doc.getMap<unknown>('actionsDone');
  if (done === null) map.delete(key);
  else put(doc, 'actionsDone', key, doneSchema.parse(done));
}
