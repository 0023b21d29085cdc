// The server folds SQLite's WAL into the database file from a worker thread, so a checkpoint (29 ms under
// the relay bench's load) no longer holds the event loop. Over real SQLite files: what was written through
// the server's connection reaches the database file, writes go on while the worker runs, and a database the
// worker cannot open is reported, not ignored.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../../server/storage/databaseFile';
import { openDatabase } from '../../../../server/storage/openDatabase';
import { WalCheckpointer } from '../../../../server/storage/WalCheckpointer';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const undo of cleanup.splice(0).reverse()) await undo();
});

function setUp() {
  const dir = mkdtempSync(join(tmpdir(), 'duet-checkpoint-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const db = openDatabase(dir);
  cleanup.push(() => db.close());
  const checkpointer = new WalCheckpointer(join(dir, DATABASE_FILE));
  cleanup.push(() => checkpointer.close());
  const insert = db.prepare('INSERT INTO updates (doc, seq, data) VALUES (?, ?, ?)');
  const write = (doc: string, from: number, count: number) => {
    db.exec('BEGIN');
    for (let seq = from; seq < from + count; seq++) insert.run(doc, seq, new Uint8Array(200).fill(seq % 256));
    db.exec('COMMIT');
  };
  return { dir, db, checkpointer, write };
}

describe('the WAL checkpointer', () => {
  it('moves what the server wrote into the database file, and writes go on meanwhile', async () => {
    const { dir, db, checkpointer, write } = setUp();
    for (let i = 0; i < 50; i++) write(`acme/playbook/p${i}`, 1, 20);
    const fileBefore = statSync(join(dir, DATABASE_FILE)).size;

    const running = checkpointer.checkpoint();
    // The server's own connection is not held up: it commits while the worker checkpoints.
    write('acme/playbook/during', 1, 5);
    const report = await running;

    expect(report.log).toBeGreaterThan(0);
    expect(report.checkpointed).toBeGreaterThan(0);
    expect(statSync(join(dir, DATABASE_FILE)).size).toBeGreaterThan(fileBefore + 50 * 20 * 200);
    const rows = db.prepare('SELECT COUNT(*) AS n FROM updates').get() as { n: number };
    expect(rows.n).toBe(50 * 20 + 5);
    // A second checkpoint gets the rest, the row written during the first one included.
    const again = await checkpointer.checkpoint();
    expect(again.checkpointed).toBe(again.log);
  });

  it('runs one checkpoint at a time: a call while one runs gets that one', async () => {
    const { checkpointer, write } = setUp();
    write('acme/playbook/p1', 1, 100);
    const first = checkpointer.checkpoint();
    expect(checkpointer.checkpoint()).toBe(first);
    await first;
  });

  it('reports a database it cannot open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duet-checkpoint-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const checkpointer = new WalCheckpointer(join(dir, 'missing', DATABASE_FILE));
    cleanup.push(() => checkpointer.close());
    await expect(checkpointer.checkpoint()).rejects.toThrow(/unable to open|checkpoint failed/i);
  });
});
