// The connection a PostgreSQL node keeps for its appends (server/storage/postgres/PgAppendConnection.ts),
// against a real PostgreSQL: it is opened again after PostgreSQL restarts, so appends go on being stored
// and numbered where they stopped, and a statement that hangs is cut rather than holding an
// acknowledgement forever.
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PgAppendConnection } from '../../../../server/storage/postgres/PgAppendConnection';
import { openPostgresStores } from '../../../../server/storage/postgres/openPostgresStores';
import { clusterServicesMissing, describeCluster, startPostgres, type Postgres } from '../helpers/clusterServices';
import { typedUpdates } from '../helpers/typedUpdates';

let postgres: Postgres;
beforeAll(async () => {
  if (clusterServicesMissing === null) postgres = await startPostgres();
}, 60_000);
afterAll(async () => {
  await postgres?.dispose();
});

describeCluster('the PostgreSQL append connection', () => {
  it('refuses appends while PostgreSQL is down and stores them, numbered on, once it is back', async () => {
    const stores = await openPostgresStores({ databaseUrl: await postgres.createDatabase('appendrestart') });
    const written = typedUpdates(4);
    try {
      expect(await stores.storage.appendMany([{ docName: 'acme/playbook/p', updates: [written[0]!] }])).toEqual([1]);
      expect(await stores.storage.append('acme/playbook/p', [written[1]!])).toBe(2);
      await postgres.stop();
      await expect(stores.storage.append('acme/playbook/p', [written[2]!])).rejects.toThrow();
      await postgres.start();
      // The connection PostgreSQL cut when it stopped is not reused: a new one stores the next append.
      expect(await stores.storage.append('acme/playbook/p', [written[2]!])).toBe(3);
      expect(await stores.storage.appendMany([{ docName: 'acme/playbook/p', updates: [written[3]!] }])).toEqual([4]);
      const stored = await stores.storage.load('acme/playbook/p');
      expect(stored.map((row) => Buffer.from(row.update))).toEqual(written.map((update) => Buffer.from(update)));
    } finally {
      await stores.close();
    }
  }, 60_000);

  it('cuts a statement that hangs past the timeout, takes one statement at a time, and reconnects', async () => {
    const databaseUrl = postgres.url();
    const connection = new PgAppendConnection(() => new pg.Client({ connectionString: databaseUrl }), 300);
    try {
      const started = performance.now();
      const hung = connection.run({ text: 'SELECT pg_sleep(30)' });
      expect(hung).not.toBeNull();
      // Busy: a second statement is refused (the storage sends it through its pool instead).
      expect(connection.run({ text: 'SELECT 1' })).toBeNull();
      await expect(hung).rejects.toThrow();
      expect(performance.now() - started).toBeLessThan(5_000);
      const { rows } = await connection.run<{ one: number }>({ text: 'SELECT 1 AS one' })!;
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await connection.close();
    }
    expect(connection.run({ text: 'SELECT 1' })).toBeNull();
  }, 30_000);
});
