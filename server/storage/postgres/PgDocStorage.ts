/**
 * `DocStorage` in PostgreSQL, shared by every node of a cluster. The per-document counter row in
 * `duet_docs` is bumped and the updates inserted in ONE statement (hence one transaction): the row lock
 * on the counter orders concurrent appends of one document from different nodes, so numbers are dense.
 */
import type { Pool } from 'pg';
import * as Y from 'yjs';
import type { CompactionReport, DocStorage, StoredUpdate } from '../DocStorage';

/**
 * Bumps the counter by the batch size and inserts the batch numbered up to the new counter; answers with
 * the new counter only (one row, however big the batch). PostgreSQL runs a data-modifying WITH to completion
 * whether or not the main query reads it.
 */
const APPEND = `
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

/** `DocStorage` over a `pg` pool whose database `migratePostgres` prepared. */
export class PgDocStorage implements DocStorage {
  constructor(private readonly pool: Pool) {}

  async load(docName: string, afterSeq = 0): Promise<StoredUpdate[]> {
    const { rows } = await this.pool.query<{ seq: string; data: Buffer }>(
      'SELECT seq, data FROM duet_updates WHERE doc = $1 AND seq > $2 ORDER BY seq',
      [docName, afterSeq],
    );
    return rows.map((row) => ({ seq: Number(row.seq), update: new Uint8Array(row.data) }));
  }

  async append(docName: string, updates: readonly Uint8Array[]): Promise<number> {
    if (updates.length === 0) throw new Error('[storage] append needs at least one update');
    // Named, so each pooled connection parses and plans it once rather than on every batch.
    const { rows } = await this.pool.query<{ seq: string }>({
      name: 'duet-append',
      text: APPEND,
      values: [
        docName,
        updates.length,
        updates.map((update) => Buffer.from(update.buffer, update.byteOffset, update.byteLength)),
      ],
    });
    return Number(rows[0]!.seq);
  }

  async compact(docName: string): Promise<CompactionReport> {
    const client = await this.pool.connect();
    let failure: Error | undefined;
    try {
      await client.query('BEGIN');
      // Locks the counter row: no node appends to this document until the merge is committed.
      await client.query('SELECT seq FROM duet_docs WHERE doc = $1 FOR UPDATE', [docName]);
      const { rows } = await client.query<{ seq: string; data: Buffer }>(
        'SELECT seq, data FROM duet_updates WHERE doc = $1 ORDER BY seq',
        [docName],
      );
      const last = rows.at(-1);
      if (rows.length <= 1 || last === undefined) {
        await client.query('COMMIT');
        return { rowsBefore: rows.length, rowsAfter: rows.length };
      }
      const merged = Y.mergeUpdates(rows.map((row) => new Uint8Array(row.data)));
      await client.query('DELETE FROM duet_updates WHERE doc = $1 AND seq <= $2', [docName, last.seq]);
      await client.query('INSERT INTO duet_updates (doc, seq, data) VALUES ($1, $2, $3)', [
        docName,
        last.seq,
        Buffer.from(merged),
      ]);
      await client.query('COMMIT');
      return { rowsBefore: rows.length, rowsAfter: 1 };
    } catch (error) {
      // A failed ROLLBACK means the connection is gone: release(error) below discards it instead of pooling it.
      await client.query('ROLLBACK').catch(() => undefined);
      failure = error as Error;
      throw error;
    } finally {
      client.release(failure);
    }
  }

  /** The pool belongs to whoever opened it (openPostgresStores). */
  async close(): Promise<void> {}
}
