/**
 * The serving process's journals (UpdateJournal) and what they hold: every group of updates is written to
 * one of two journal files before it is relayed, and moved into the database in bulk a little later by the
 * database worker (DatabaseWorker), on a timer, once a journal holds a megabyte, and whenever the store
 * must see everything in the database (`flush`: a compaction, a large append, close).
 *
 * Two files, written in turns, because the move runs beside the appends: appends switch to the other
 * (empty) journal as a move starts, and the moved journal is emptied once the worker has committed its
 * updates. On the event loop, the move of a second's updates held every connection for 1.5–5.5 ms
 * (bench/server-cluster.mjs's relay load: 500 updates/s over 100 documents); here the event loop only
 * hands the worker the rows built as the updates were journaled and empties the file: 0.2–0.4 ms.
 *
 * Until a move is committed, `held` gives the store what the database may not have yet. A journal whose
 * move failed stays as it is, and is moved again (before the other one) by the next attempt.
 */
import { CorruptLogError } from './updateLog';
import { type DatabaseWorker, UpdateRows } from './DatabaseWorker';
import { journalPair, readJournal, type JournalEntry, UpdateJournal } from './UpdateJournal';

/**
 * How long a journaled update waits, at most, before it is moved into the database. A move's cost is
 * mostly per commit and per document touched (each document's index page is written to the WAL once per
 * commit), so rarer moves cost less in all: measured in the relay bench's load on the event loop, every
 * 40 ms a move took 0.32 ms (p50), every 200 ms 0.83 ms, every second 1.73 ms.
 */
export const JOURNAL_FLUSH_MS = 1_000;
/** Journaled bytes that are moved into the database at once, without waiting for the timer. */
const JOURNAL_FLUSH_BYTES = 1 << 20;

/** Both journals' entries as they lie in the files, oldest first (sorted by sequence number per document). */
function readBoth(path: string): JournalEntry[] {
  const entries = journalPair(path).flatMap((file) => readJournal(file));
  // Which file is older is not recorded: a document's updates are put in order by their numbers.
  return entries.sort((a, b) => (a.docName < b.docName ? -1 : a.docName > b.docName ? 1 : a.seq - b.seq));
}

/**
 * The serving process's journals as another process reads them: caught while the server empties and
 * rewrites one, a read can mix old and new bytes and look damaged; read again, it is whole.
 */
export function readServedJournals(path: string): JournalEntry[] {
  for (let attempt = 1; ; attempt++) {
    try {
      return readBoth(path);
    } catch (error) {
      if (!(error instanceof CorruptLogError) || attempt === 3) throw error;
    }
  }
}

/** What a stopped or killed server left in its journals; damage stops the start with what to do about it. */
export function readLeftJournals(path: string): JournalEntry[] {
  try {
    return readBoth(path);
  } catch (error) {
    if (!(error instanceof CorruptLogError)) throw error;
    const [first, second] = journalPair(path);
    throw new CorruptLogError(
      `${error.message}. The server will not start over updates it cannot read: move ${first} and ${second} ` +
        'aside to start without them (clients that hold them send them again when they reconnect).',
      { cause: error },
    );
  }
}

/** The two journals of a serving store; opened empty (what they held must be in the database already). */
export class JournaledUpdates {
  private readonly journals: [UpdateJournal, UpdateJournal];
  /** What each journal holds, per document, oldest first... */
  private readonly entries: [Map<string, JournalEntry[]>, Map<string, JournalEntry[]>] = [new Map(), new Map()];
  /** ...and as the worker will insert it. */
  private readonly rows = [new UpdateRows(), new UpdateRows()];
  /** The number of groups appended so far, and each journal's last group by that count. */
  private groups = 0;
  private readonly lastGroup = [0, 0];
  /** Every group up to this count is in the database. */
  private moved = 0;
  /** The journal appends go to; the other is empty, being moved, or waiting to be moved again. */
  private active = 0;
  private moving: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    path: string,
    fsync: boolean,
    private readonly worker: Pick<DatabaseWorker, 'insertUpdates'>,
  ) {
    const [first, second] = journalPair(path);
    this.journals = [new UpdateJournal(first, fsync), new UpdateJournal(second, fsync)];
  }

  /** Writes one group in one `write`; once it returns, the group survives a kill of the process. */
  append(entries: readonly JournalEntry[]): void {
    const index = this.active;
    this.journals[index]!.append(entries);
    const held = this.entries[index]!;
    const rows = this.rows[index]!;
    for (const entry of entries) {
      let list = held.get(entry.docName);
      if (list === undefined) held.set(entry.docName, (list = []));
      list.push(entry);
      rows.add(entry.docName, entry.seq, entry.update);
    }
    this.lastGroup[index] = ++this.groups;
    if (rows.byteLength >= JOURNAL_FLUSH_BYTES && this.moving === null) this.moveInBackground();
    else this.timer ??= setTimeout(() => this.moveInBackground(), JOURNAL_FLUSH_MS).unref();
  }

  /** The journaled updates of `docName` that the database may not have yet, oldest first. */
  held(docName: string): readonly JournalEntry[] {
    const older = this.entries[1 - this.active]!.get(docName) ?? [];
    const newer = this.entries[this.active]!.get(docName) ?? [];
    return older.length === 0 ? newer : newer.length === 0 ? older : [...older, ...newer];
  }

  /** Resolves once every group appended before the call is in the database; rejects if a move fails. */
  async flush(): Promise<void> {
    const target = this.groups;
    while (this.moved < target) {
      // A move under way is awaited; if it failed, the next pass tries that journal again and reports.
      if (this.moving !== null) await this.moving.catch(() => undefined);
      else await this.moveNext();
    }
  }

  /** Moves everything into the database and closes the files (left empty, or as they are if that failed). */
  async close(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    try {
      await this.flush();
    } finally {
      for (const journal of this.journals) journal.close();
    }
  }

  /** Starts moving the journal whose turn it is: one left from a failed move, else the active one. */
  private moveNext(): Promise<void> {
    let index = 1 - this.active;
    if (this.entries[index]!.size === 0) {
      index = this.active;
      if (this.entries[index]!.size === 0) {
        this.moved = this.groups;
        return Promise.resolve();
      }
      // The other journal is empty: appends go there while this one is moved.
      this.active = 1 - index;
    }
    const through = this.lastGroup[index]!;
    this.moving = this.worker
      .insertUpdates(this.rows[index]!)
      .then(() => {
        // In the database now, whether or not the file can be emptied (if not, a restart keeps them once).
        this.entries[index]!.clear();
        this.rows[index]!.clear();
        this.moved = Math.max(this.moved, through);
        this.journals[index]!.reset();
      })
      .finally(() => (this.moving = null));
    return this.moving;
  }

  /** The timer's (or a full journal's) move: a failure is reported and retried; the updates stay journaled. */
  private moveInBackground(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.moving !== null) {
      this.timer = setTimeout(() => this.moveInBackground(), JOURNAL_FLUSH_MS).unref();
      return;
    }
    this.moveNext().then(
      () => {
        if (this.rows[this.active]!.byteLength >= JOURNAL_FLUSH_BYTES) this.moveInBackground();
      },
      (error: unknown) => {
        console.error('[storage] could not move the journal into the database; trying again', error);
        if (this.timer !== null) clearTimeout(this.timer);
        this.timer = setTimeout(() => this.moveInBackground(), JOURNAL_FLUSH_MS * 5).unref();
      },
    );
  }
}
