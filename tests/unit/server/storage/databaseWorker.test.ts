// The serving process's database worker (server/storage/DatabaseWorker.ts) folds SQLite's WAL into the
// database file and moves journaled updates into the database, so neither holds the event loop. Over real
// SQLite files: what was written through the server's connection reaches the database file, writes go on
// while the worker runs, the rows it is given land exactly as given, and what fails is reported, not ignored.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../../server/storage/databaseFile';
import { openDatabase } from '../../../../server/storage/openDatabase';
import { DatabaseWorker, UpdateRows } from '../../../../server/storage/DatabaseWorker';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const undo of cleanup.splice(0).reverse()) await undo();
});

function setUp() {
  const dir = mkdtempSync(join(tmpdir(), 'duet-checkpoint-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const db = openDatabase(dir);
  cleanup.push(() => db.close());
  const worker = new DatabaseWorker(join(dir, DATABASE_FILE));
  cleanup.push(() => worker.close());
  const insert = db.prepare('INSERT INTO updates (doc, seq, data) VALUES (?, ?, ?)');
  const write = (doc: string, from: number, count: number) => {
    db.exec('BEGIN');
    for (let seq = from; seq < from + count; seq++) insert.run(doc, seq, new Uint8Array(200).fill(seq % 256));
    db.exec('COMMIT');
  };
  return { dir, db, worker, write };
}

describe('the database worker', () => {
  it('moves what the server wrote into the database file, and writes go on meanwhile', async () => {
    const { dir, db, worker, write } = setUp();
    for (let i = 0; i < 50; i++) write(`acme/playbook/p${i}`, 1, 20);
    const fileBefore = statSync(join(dir, DATABASE_FILE)).size;

    const running = worker.checkpoint();
    // The server's own connection is not held up: it commits while the worker checkpoints.
    write('acme/playbook/during', 1, 5);
    const report = await running;

    expect(report.log).toBeGreaterThan(0);
    expect(report.checkpointed).toBeGreaterThan(0);
    expect(statSync(join(dir, DATABASE_FILE)).size).toBeGreaterThan(fileBefore + 50 * 20 * 200);
    const rows = db.prepare('SELECT COUNT(*) AS n FROM updates').get() as { n: number };
    expect(rows.n).toBe(50 * 20 + 5);
    // A second checkpoint gets the rest, the row written during the first one included.
    const again = await worker.checkpoint();
    expect(again.checkpointed).toBe(again.log);
  });

  it('runs one checkpoint at a time: a call while one runs gets that one', async () => {
    const { worker, write } = setUp();
    write('acme/playbook/p1', 1, 100);
    const first = worker.checkpoint();
    expect(worker.checkpoint()).toBe(first);
    await first;
  });

  it('reports a database it cannot open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duet-checkpoint-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const worker = new DatabaseWorker(join(dir, 'missing', DATABASE_FILE));
    cleanup.push(() => worker.close());
    await expect(worker.checkpoint()).rejects.toThrow(/unable to open|checkpoint failed/i);
  });

  it('inserts the updates it is given in one transaction, byte for byte, and reports a refused one', async () => {
    const { db, worker } = setUp();
    const entries = [
      { docName: 'acme/playbook/p1', seq: 1, update: new Uint8Array([1, 2, 3]) },
      // A view into a larger buffer, as the server's updates are: only its own bytes are stored.
      { docName: 'acme/playbook/p2', seq: 7, update: new Uint8Array([9, 9, 4, 5, 9]).subarray(2, 4) },
      { docName: 'acme/playbook/p1', seq: 2, update: new Uint8Array(0) },
    ];
    const rows = (list: typeof entries) => {
      const built = new UpdateRows();
      for (const { docName, seq, update } of list) built.add(docName, seq, update);
      return built;
    };
    await worker.insertUpdates(rows(entries));
    const stored = db.prepare('SELECT doc, seq, data FROM updates ORDER BY id').all();
    expect(stored.map((row) => [row.doc, row.seq, [...(row.data as Uint8Array)]])).toEqual([
      ['acme/playbook/p1', 1, [1, 2, 3]],
      ['acme/playbook/p2', 7, [4, 5]],
      ['acme/playbook/p1', 2, []],
    ]);
    // The same numbers again break the (doc, seq) index: nothing of the transaction is kept.
    await expect(
      worker.insertUpdates(rows([{ docName: 'acme/playbook/p3', seq: 1, update: new Uint8Array([1]) }, entries[0]!])),
    ).rejects.toThrow(/moving the journal failed: .*UNIQUE/);
    expect(db.prepare("SELECT COUNT(*) AS n FROM updates WHERE doc = 'acme/playbook/p3'").get()).toEqual({ n: 0 });

    // Many rows of many sizes (past every buffer's first size), and rows cleared and built again.
    const many = Array.from({ length: 1_500 }, (_, i) => ({
      docName: `acme/playbook/m${i % 7}`,
      seq: 100 + i,
      update: new Uint8Array((i * 37) % 300).fill(i % 251),
    }));
    const built = rows(many.slice(0, 10));
    built.clear();
    for (const { docName, seq, update } of many) built.add(docName, seq, update);
    expect(built.length).toBe(1_500);
    await worker.insertUpdates(built);
    const back = db.prepare('SELECT doc, seq, data FROM updates WHERE seq >= 100 ORDER BY seq').all();
    expect(back.map((row) => [row.doc, row.seq, Buffer.from(row.data as Uint8Array).toString('hex')])).toEqual(
      many.map((entry) => [entry.docName, entry.seq, Buffer.from(entry.update).toString('hex')]),
    );
  });
});
