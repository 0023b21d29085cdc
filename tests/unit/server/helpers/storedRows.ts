/**
 * What a running server has stored for a document, read from its data folder as the CLI reads it: the rows
 * in `duet.sqlite` and the updates still in its journal (`duet.journal`, moved into the database within
 * a second). Each update as hex, oldest first — for "a refused update stored nothing" checks.
 */
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { SqliteDocStorage } from '../../../../server/storage/SqliteDocStorage';
import { JOURNAL_FILE } from '../../../../server/storage/UpdateJournal';

/** The stored updates of `docName` in the server data folder `dataDir`, as hex strings. */
export async function storedRows(dataDir: string, docName: string): Promise<string[]> {
  const db = new DatabaseSync(join(dataDir, 'duet.sqlite'), { readOnly: true });
  try {
    const storage = new SqliteDocStorage(db, { path: join(dataDir, JOURNAL_FILE), owner: false });
    return (await storage.load(docName)).map((row) => Buffer.from(row.update).toString('hex'));
  } finally {
    db.close();
  }
}
