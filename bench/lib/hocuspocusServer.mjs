// A Hocuspocus 4 node for the cluster benchmark, run as its own process (as Duet's nodes are):
//   node bench/lib/hocuspocusServer.mjs --port P [--sqlite FILE] [--redis-port R]
// With --sqlite: @hocuspocus/extension-database over node:sqlite, with the table and statements of
// @hocuspocus/extension-sqlite (which needs better-sqlite3, a native build: see docs/DEPLOYING.md). Like it,
// it stores the whole document on Hocuspocus's debounce (2 s), after relaying.
// With --redis-port: @hocuspocus/extension-redis (fan-out between nodes). Prints "listening PORT".
import { DatabaseSync } from 'node:sqlite';
import { parseArgs } from 'node:util';
import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { Server } from '@hocuspocus/server';

const { values } = parseArgs({
  options: { port: { type: 'string' }, sqlite: { type: 'string' }, 'redis-port': { type: 'string' } },
});
const extensions = [];
if (values.sqlite) {
  const db = new DatabaseSync(values.sqlite);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('CREATE TABLE IF NOT EXISTS "documents" ("name" varchar(255) NOT NULL, "data" blob NOT NULL, UNIQUE(name))');
  const select = db.prepare('SELECT data FROM "documents" WHERE name = ? ORDER BY rowid DESC');
  const upsert = db.prepare(
    'INSERT INTO "documents" ("name", "data") VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data',
  );
  extensions.push(
    new Database({
      fetch: async ({ documentName }) => select.get(documentName)?.data ?? null,
      store: async ({ documentName, state }) => void upsert.run(documentName, state),
    }),
  );
}
if (values['redis-port']) extensions.push(new Redis({ host: '127.0.0.1', port: Number(values['redis-port']) }));
const server = new Server({
  port: Number(values.port),
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: true,
  extensions,
});
await server.listen();
console.log(`listening ${server.address.port}`);
