/**
 * `DocStorage` in PostgreSQL, shared by every node of a cluster. The per-document counter row in
 * `duet_docs` is bumped and the updates inserted in ONE statement (hence one transaction): the row lock
 * on the counter orders concurrent appends of one document from different nodes, so numbers are dense.
 */
import type { Pool, QueryConfig, QueryResult, QueryResultRow } from 'pg';
import * as Y from 'yjs';
import {
  assertBatches,
  compactionRange,
  type CompactionReport,
  type DocBatch,
  type DocStorage,
  type StoredUpdate,
} from '../DocStorage';
import type { PgAppendConnection } from './PgAppendConnection';

/**
 * Stores one document's batch: bumps its counter by the batch size and inserts the batch numbered up to the
 * new counter; answers with the new counter only. The common case under light load, and about half the
 * database's work of `APPEND_MANY` for it (measured: no sort, window or join to plan and run).
 */
const APPEND_ONE = `
WITH counter AS (
  INSERT INTO duet_docs (doc, seq) VALUES ($1, $2)
  ON CONFLICT (doc) DO UPDATE SET seq = duet_docs.seq + EXCLUDED.seq
  RETURNING seq
), inserted AS (
  INSERT INTO duet_updates (doc, seq, data)
  SELECT $1, counter.seq - $2 + batch.i, batch.data
  FROM counter, unnest($3::bytea[]) WITH ORDINALITY AS batch(data, i)
)
SELECT seq FROM counter`;

/**
 * `APPEND_ONE` for a batch of exactly one update — what a document gets when its writer types at a human
 * pace, hence the relay path. The update goes as one binary parameter instead of a bytea array (which `pg`
 * sends as hex text that PostgreSQL parses back) and there is no unnest to run. Measured against
 * `APPEND_ONE` (2,500 single-update commits, fsync off): about a third less backend CPU per commit.
 */
const APPEND_SINGLE = `
WITH counter AS (
  INSERT INTO duet_docs (doc, seq) VALUES ($1, 1)
  ON CONFLICT (doc) DO UPDATE SET seq = duet_docs.seq + 1
  RETURNING seq
), inserted AS (
  INSERT INTO duet_updates (doc, seq, data)
  SELECT $1, counter.seq, $2 FROM counter
)
SELECT seq FROM counter`;

/**
 * Stores several documents' batches in ONE statement, hence one transaction and one commit: the updates come
 * flattened, each with its document's name. Each document's counter row is bumped by its batch size, in
 * document-name order (so two nodes storing the same documents lock their counters in the same order and
 * cannot deadlock), and its updates are numbered up to its new counter in the order given. Answers one row
 * per document; PostgreSQL runs a data-modifying WITH to completion whether or not the main query reads it.
 */
const APPEND_MANY = `
WITH batch AS (
  SELECT b.doc, b.data,
         row_number() OVER (PARTITION BY b.doc ORDER BY b.i) AS k,
         count(*) OVER (PARTITION BY b.doc) AS n
  FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS b(doc, data, i)
), counter AS (
  INSERT INTO duet_docs (doc, seq)
  SELECT doc, count(*) FROM batch GROUP BY doc ORDER BY doc
  ON CONFLICT (doc) DO UPDATE SET seq = duet_docs.seq + EXCLUDED.seq
  RETURNING doc, seq
), inserted AS (
  INSERT INTO duet_updates (doc, seq, data)
  SELECT batch.doc, counter.seq - batch.n + batch.k, batch.data
  FROM batch JOIN counter ON counter.doc = batch.doc
)
SELECT doc, seq FROM counter`;

/**
 * `DocStorage` over a `pg` pool whose database `migratePostgres` prepared. Appends go through `appends`, a
 * connection of their own, when given and free; through the pool otherwise. The storage closes `appends`;
 * the pool belongs to whoever opened it (openPostgresStores).
 */
export class PgDocStorage implements DocStorage {
  constructor(
    private readonly pool: Pool,
    private readonly appends: PgAppendConnection | null = null,
  ) {}

  async load(docName: string, afterSeq = 0): Promise<StoredUpdate[]> {
    const { rows } = await this.pool.query<{ seq: string; data: Buffer }>(
      'SELECT seq, data FROM duet_updates WHERE doc = $1 AND seq > $2 ORDER BY seq',
      [docName, afterSeq],
    );
    return rows.map((row) => ({ seq: Number(row.seq), update: new Uint8Array(row.data) }));
  }

  async append(docName: string, updates: readonly Uint8Array[]): Promise<number> {
    const [last] = await this.appendMany([{ docName, updates }]);
    return last!;
  }

  async appendMany(batches: readonly DocBatch[]): Promise<number[]> {
    assertBatches(batches);
    const toBuffer = (update: Uint8Array) => Buffer.from(update.buffer, update.byteOffset, update.byteLength);
    if (batches.length === 1) {
      const { docName, updates } = batches[0]!;
      // Named, so each connection parses and plans it once rather than on every batch.
      const { rows } = await this.runAppend<{ seq: string }>(
        updates.length === 1
          ? { name: 'duet-append-single', text: APPEND_SINGLE, values: [docName, toBuffer(updates[0]!)] }
          : { name: 'duet-append', text: APPEND_ONE, values: [docName, updates.length, updates.map(toBuffer)] },
      );
      return [Number(rows[0]!.seq)];
    }
    const docs: string[] = [];
    const data: Buffer[] = [];
    for (const { docName, updates } of batches) {
      for (const update of updates) {
        docs.push(docName);
        data.push(toBuffer(update));
      }
    }
    // Named like the one above.
    const { rows } = await this.runAppend<{ doc: string; seq: string }>({
      name: 'duet-append-many',
      text: APPEND_MANY,
      values: [docs, data],
    });
    const last = new Map(rows.map((row) => [row.doc, Number(row.seq)]));
    return batches.map(({ docName }) => {
      const seq = last.get(docName);
      if (seq === undefined) throw new Error(`[storage] PostgreSQL stored no counter for ${docName}`);
      return seq;
    });
  }

  async compact(docName: string): Promise<CompactionReport> {
    const client = await this.pool.connect();
    let failure: Error | undefined;
    try {
      await client.query('BEGIN');
      // Locks the counter row: no node appends to this document until the merge is committed.
      await client.query('SELECT seq FROM duet_docs WHERE doc = $1 FOR UPDATE', [docName]);
      const { rows: stored } = await client.query<{ seq: string; bytes: number }>(
        'SELECT seq, octet_length(data) AS bytes FROM duet_updates WHERE doc = $1 ORDER BY seq',
        [docName],
      );
      const sizes = stored.map((row) => ({ seq: Number(row.seq), bytes: Number(row.bytes) }));
      const range = compactionRange(sizes);
      if (range === null) {
        await client.query('COMMIT');
        return { rowsBefore: sizes.length, rowsAfter: sizes.length };
      }
      // Only the rows merged are read: a large document's older rows stay in the database.
      const { rows } = await client.query<{ data: Buffer }>(
        'SELECT data FROM duet_updates WHERE doc = $1 AND seq >= $2 ORDER BY seq',
        [docName, range.from],
      );
      const merged = Y.mergeUpdates(rows.map((row) => new Uint8Array(row.data)));
      await client.query('DELETE FROM duet_updates WHERE doc = $1 AND seq >= $2 AND seq <= $3', [
        docName,
        range.from,
        range.to,
      ]);
      await client.query('INSERT INTO duet_updates (doc, seq, data) VALUES ($1, $2, $3)', [
        docName,
        range.to,
        Buffer.from(merged),
      ]);
      await client.query('COMMIT');
      return { rowsBefore: sizes.length, rowsAfter: range.rowsAfter };
    } catch (error) {
      // A failed ROLLBACK means the connection is gone: release(error) below discards it instead of pooling it.
      await client.query('ROLLBACK').catch(() => undefined);
      failure = error as Error;
      throw error;
    } finally {
      client.release(failure);
    }
  }

  async close(): Promise<void> {
    await this.appends?.close();
  }

  /** Runs one append statement on the append connection, or on a pooled one while that is busy. */
  private runAppend<R extends QueryResultRow>(query: QueryConfig): Promise<QueryResult<R>> {
    return this.appends?.run<R>(query) ?? this.pool.query<R>(query);
  }
}
