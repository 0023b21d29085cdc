// The journals in front of the SQLite store (server/storage/UpdateJournal.ts, JournaledUpdates,
// SqliteDocStorage): what a killed server leaves in them is found by the next one, exactly once and in
// order; a torn last group is dropped and damage elsewhere is reported; another process (the CLI) sees what
// the server journaled a moment ago; appends go on while the database worker moves a journal, and a move
// that fails loses nothing. A "kill" here is a copy of the data folder taken while the store is open, the state a
// `kill -9` leaves on disk (tests/unit/server/durability.test.ts kills the real server process).
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DatabaseWorker } from '../../../../server/storage/DatabaseWorker';
import { DATABASE_FILE } from '../../../../server/storage/databaseFile';
import { JOURNAL_FLUSH_MS } from '../../../../server/storage/JournaledUpdates';
import { openDatabase } from '../../../../server/storage/openDatabase';
import { SqliteDocStorage } from '../../../../server/storage/SqliteDocStorage';
import { CorruptLogError } from '../../../../server/storage/updateLog';
import { JOURNAL_FILE, journalPair, readJournal, UpdateJournal } from '../../../../server/storage/UpdateJournal';
import { typedUpdates } from '../helpers/typedUpdates';

const dirs: string[] = [];
const opened: { close(): unknown }[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const db of opened.splice(0).reverse()) await db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'duet-journal-'));
  dirs.push(dir);
  return dir;
}

/** The SQLite store of `dir` as the server opens it (owner of the journals, with its worker) or as the CLI does. */
function open(dir: string, owner = true): SqliteDocStorage {
  const db = openDatabase(dir);
  opened.push(db);
  const worker = new DatabaseWorker(join(dir, DATABASE_FILE));
  opened.push(worker);
  return new SqliteDocStorage(db, { path: join(dir, JOURNAL_FILE), owner, worker });
}

/** The sequence numbers in both journal files of `dir`, as a restarted server would find them. */
const journaledSeqs = (dir: string) =>
  journalPair(join(dir, JOURNAL_FILE)).flatMap((path) => readJournal(path).map((entry) => entry.seq));

/**
 * A fresh data folder and its store as the server opens it, with the journal's timer held (fake timers):
 * each test moves the journal when it says so.
 */
function serving(): { dir: string; server: SqliteDocStorage } {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const dir = tempDir();
  return { dir, server: open(dir) };
}

/** The data folder as a kill -9 would leave it right now: every file as it is, the store never closed. */
function killedCopy(dir: string): string {
  const copy = tempDir();
  for (const name of readdirSync(dir)) copyFileSync(join(dir, name), join(copy, name));
  return copy;
}

/** Real Yjs updates of one text, in order. */
const updates = (count: number, text = 'x') => typedUpdates(count, () => text);

const textOf = (rows: { update: Uint8Array }[]) => {
  const doc = new Y.Doc();
  for (const row of rows) Y.applyUpdate(doc, row.update);
  return doc.getText('root').toString();
};

const DOC = 'acme/playbook/p1';
const OTHER = 'acme/playbook/p2';

describe('the journal file', () => {
  it('gives back every group it was given, keeps groups whole, and drops only a torn last group', () => {
    const path = join(tempDir(), JOURNAL_FILE);
    const journal = new UpdateJournal(path);
    const [a, b, c] = updates(3);
    journal.append([{ docName: DOC, seq: 1, update: a! }]);
    journal.append([
      { docName: DOC, seq: 2, update: b! },
      { docName: 'ünïcødé/playbook/p', seq: 2 ** 40, update: c! },
    ]);
    journal.close();
    const whole = readFileSync(path);
    expect(readJournal(path).map((e) => [e.docName, e.seq, Buffer.from(e.update)])).toEqual([
      [DOC, 1, Buffer.from(a!)],
      [DOC, 2, Buffer.from(b!)],
      ['ünïcødé/playbook/p', 2 ** 40, Buffer.from(c!)],
    ]);
    // Cut anywhere inside the second group: the first stays, the second goes whole.
    for (const cut of [1, 5, 13, 30]) {
      writeFileSync(path, whole.subarray(0, whole.length - cut));
      expect(readJournal(path).map((e) => e.seq)).toEqual([1]);
    }
  });

  it('reports damage before the last group instead of dropping what follows it', () => {
    const path = join(tempDir(), JOURNAL_FILE);
    const journal = new UpdateJournal(path);
    for (const [i, update] of updates(3).entries()) journal.append([{ docName: DOC, seq: i + 1, update }]);
    journal.close();
    const bytes = readFileSync(path);
    bytes[bytes.length - 60]! ^= 0xff; // inside the second group (each is ~40 bytes)
    writeFileSync(path, bytes);
    expect(() => readJournal(path)).toThrow(CorruptLogError);
    writeFileSync(path, 'not a journal at all');
    expect(() => readJournal(path)).toThrow(/not a Duet journal/);
  });

  it('starts empty again once reset, and the next group lands at its start', () => {
    const path = join(tempDir(), JOURNAL_FILE);
    const journal = new UpdateJournal(path);
    const [a, b] = updates(2);
    journal.append([{ docName: DOC, seq: 1, update: a! }]);
    journal.reset();
    expect(readJournal(path)).toEqual([]);
    journal.append([{ docName: DOC, seq: 2, update: b! }]);
    journal.close();
    expect(readJournal(path).map((e) => e.seq)).toEqual([2]);
    expect(statSync(path).size).toBeLessThan(100);
  });
});

describe('the SQLite store as the server opens it', () => {
  it('keeps every acknowledged update of a server killed before it moved its journal', async () => {
    const { dir, server } = serving();
    const written = updates(6);
    expect(await server.append(DOC, written.slice(0, 2))).toBe(2);
    expect(
      await server.appendMany([
        { docName: DOC, updates: written.slice(2, 5) },
        { docName: OTHER, updates: [written[5]!] },
      ]),
    ).toEqual([5, 1]);
    // What the server itself loads meanwhile comes from memory.
    expect(textOf(await server.load(DOC))).toBe('xxxxx');
    expect((await server.load(DOC, 3)).map((row) => row.seq)).toEqual([4, 5]);

    const restarted = open(killedCopy(dir));
    expect((await restarted.load(DOC)).map((row) => [row.seq, Buffer.from(row.update)])).toEqual(
      written.slice(0, 5).map((update, i) => [i + 1, Buffer.from(update)]),
    );
    expect((await restarted.load(OTHER)).map((row) => row.seq)).toEqual([1]);
    // Numbering goes on after what was found.
    expect(await restarted.append(DOC, updates(1, 'y'))).toBe(6);
  });

  it('stores each update once when killed after moving its journal but before emptying it', async () => {
    const { dir, server } = serving();
    const written = updates(4);
    await server.append(DOC, written.slice(0, 3));
    const journaled = readFileSync(join(dir, JOURNAL_FILE));
    await server.flush();
    expect(readJournal(join(dir, JOURNAL_FILE))).toEqual([]);
    await server.append(DOC, [written[3]!]);
    // The kill lands between the database's commit and the journal's reset: the old groups are still there.
    const copy = killedCopy(dir);
    const journalNow = readFileSync(join(copy, JOURNAL_FILE));
    writeFileSync(join(copy, JOURNAL_FILE), Buffer.concat([journaled, journalNow.subarray(8)]));

    const restarted = open(copy);
    const rows = await restarted.load(DOC);
    expect(rows.map((row) => row.seq)).toEqual([1, 2, 3, 4]);
    expect(textOf(rows)).toBe('xxxx');
    expect(await restarted.compact(DOC)).toEqual({ rowsBefore: 4, rowsAfter: 1 });
  });

  it('will not start over a damaged journal, and says what to do', async () => {
    const { dir, server } = serving();
    for (const update of updates(3)) await server.append(DOC, [update]);
    const copy = killedCopy(dir);
    const bytes = readFileSync(join(copy, JOURNAL_FILE));
    bytes[20]! ^= 0xff; // inside the first group
    writeFileSync(join(copy, JOURNAL_FILE), bytes);
    expect(() => open(copy)).toThrow(/move .*duet\.journal and .*duet\.journal-2 aside/);
    // Nothing was thrown away: the journal is as it was.
    expect(readFileSync(join(copy, JOURNAL_FILE))).toEqual(bytes);
  });

  it('moves the journal into the database on its timer, and a compaction sees what was journaled', async () => {
    const { dir, server } = serving();
    await server.append(DOC, updates(3));
    expect(readJournal(join(dir, JOURNAL_FILE))).toHaveLength(3);
    vi.advanceTimersByTime(JOURNAL_FLUSH_MS);
    // The worker moves it; the file is emptied once its updates are committed.
    vi.useRealTimers();
    await vi.waitFor(() => expect(journaledSeqs(dir)).toEqual([]));
    const elsewhere = open(dir, false);
    expect((await elsewhere.load(DOC)).map((row) => row.seq)).toEqual([1, 2, 3]);

    await server.append(DOC, updates(2, 'y').slice(1));
    expect(await server.compact(DOC)).toEqual({ rowsBefore: 4, rowsAfter: 1 });
    expect((await server.load(DOC)).map((row) => row.seq)).toEqual([4]);
  });

  it('writes a large append straight to the database, after the journaled updates before it', async () => {
    const { dir, server } = serving();
    const written = updates(3);
    await server.append(DOC, written.slice(0, 2));
    const big = new Y.Doc();
    let bigUpdate: Uint8Array | null = null;
    big.on('update', (update: Uint8Array) => (bigUpdate = update));
    big.getText('root').insert(0, 'z'.repeat(100_000));
    expect(await server.append(OTHER, [bigUpdate!])).toBe(1);
    expect(readJournal(join(dir, JOURNAL_FILE))).toEqual([]);
    expect(await server.append(DOC, [written[2]!])).toBe(3);
    const restarted = open(killedCopy(dir));
    expect(textOf(await restarted.load(DOC))).toBe('xxx');
    expect(textOf(await restarted.load(OTHER))).toHaveLength(100_000);
  });
});

describe('while the database worker moves a journal', () => {
  /** Another connection holding the database's write lock: the worker's move waits for it. */
  function holdWriteLock(dir: string): { release(): void } {
    const other = new DatabaseSync(join(dir, DATABASE_FILE));
    opened.push(other);
    other.exec('BEGIN IMMEDIATE');
    return { release: () => other.exec('COMMIT') };
  }

  it('appends go on into the other journal, and nothing is lost to a kill in the middle', async () => {
    const { dir, server } = serving();
    vi.useRealTimers();
    const written = updates(5);
    await server.append(DOC, written.slice(0, 3));
    const lock = holdWriteLock(dir);
    const moved = server.flush();
    // Relayed updates keep being stored (and numbered) while the move waits in the worker.
    expect(await server.append(DOC, written.slice(3))).toBe(5);
    expect(await server.append(OTHER, updates(1, 'y'))).toBe(1);
    expect(textOf(await server.load(DOC))).toBe('xxxxx');
    expect(journaledSeqs(dir).sort()).toEqual([1, 1, 2, 3, 4, 5]);

    const killedMidMove = open(killedCopy(dir));
    expect((await killedMidMove.load(DOC)).map((row) => row.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(textOf(await killedMidMove.load(OTHER))).toBe('y');

    lock.release();
    await moved;
    // The moved journal is empty; the later groups wait in the other one, and the store sees each once.
    expect(readJournal(join(dir, JOURNAL_FILE))).toEqual([]);
    expect(journaledSeqs(dir).sort()).toEqual([1, 4, 5]);
    expect((await server.load(DOC)).map((row) => row.seq)).toEqual([1, 2, 3, 4, 5]);
    expect((await open(dir, false).load(DOC)).map((row) => row.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('a move the database refuses is reported, keeps its journal, and is moved again later', async () => {
    const { dir, server } = serving();
    vi.useRealTimers();
    const written = updates(4);
    await server.append(DOC, written.slice(0, 2));
    const admin = new DatabaseSync(join(dir, DATABASE_FILE));
    opened.push(admin);
    admin.exec("CREATE TRIGGER refuse BEFORE INSERT ON updates BEGIN SELECT RAISE(ABORT, 'no room left'); END");

    await expect(server.flush()).rejects.toThrow(/moving the journal failed: no room left/);
    expect(journaledSeqs(dir)).toEqual([1, 2]);
    // The store goes on: a new group lands in the other journal, and nothing is missing from a load.
    expect(await server.append(DOC, written.slice(2))).toBe(4);
    expect(textOf(await server.load(DOC))).toBe('xxxx');
    await expect(server.flush()).rejects.toThrow(/no room left/);

    admin.exec('DROP TRIGGER refuse');
    await server.flush();
    expect(journaledSeqs(dir)).toEqual([]);
    const rows = await open(dir, false).load(DOC);
    expect(rows.map((row) => row.seq)).toEqual([1, 2, 3, 4]);
    expect(textOf(rows)).toBe('xxxx');
  });
});

describe('another process reading while the server runs (the CLI)', () => {
  it('sees what the server journaled a moment ago, and each update once after the server moved it', async () => {
    const { dir, server } = serving();
    const written = updates(3);
    await server.append(DOC, written.slice(0, 2));
    const cli = open(dir, false);
    expect((await cli.load(DOC)).map((row) => row.seq)).toEqual([1, 2]);
    await server.flush();
    await server.append(DOC, [written[2]!]);
    const rows = await cli.load(DOC);
    expect(rows.map((row) => row.seq)).toEqual([1, 2, 3]);
    expect(textOf(rows)).toBe('xxx');
    // The CLI never writes the server's journals.
    expect(journaledSeqs(dir)).toEqual([3]);
    expect(existsSync(join(dir, JOURNAL_FILE))).toBe(true);
  });
});
