// Storage growth per active user, for the capacity model in docs/DEPLOYING.md: one writer types N
// characters into a playbook through a real cluster node (one Yjs update per keystroke, as the editor sends
// while typing), then leaves; the node compacts the document's rows when it unloads. Prints PostgreSQL's
// bytes per typed character before and after compaction (row payload and whole-table size).
// Usage: node bench/server-storage-growth.mjs [--chars 2000]
import { execFileSync, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import pg from 'pg';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { buildSyncServer } from './lib/syncServer.mjs';
import { startPostgres } from './lib/services.mjs';

const { values } = parseArgs({ options: { chars: { type: 'string', default: '2000' } } });
const CHARS = Number(values.chars);
const root = resolve(import.meta.dirname, '..');
const CLI = join(root, 'out', 'server', 'cli.mjs');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

buildSyncServer();
const postgres = await startPostgres();
const databaseUrl = await postgres.createDatabase();
const token = execFileSync(
  process.execPath,
  [CLI, 'invite', '--database-url', databaseUrl, '--workspace', 'acme', '--name', 'w', '--role', 'storyteller'],
  { encoding: 'utf8' },
)
  .trim()
  .split('\n')
  .at(-1);
const node = spawn(process.execPath, [CLI, '--port', '0', '--database-url', databaseUrl], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const port = await new Promise((done) => {
  let out = '';
  node.stdout.on('data', (c) => {
    out += c;
    const m = /listening on ws:\/\/[^:]+:(\d+)/.exec(out);
    if (m) done(m[1]);
  });
});
const db = new pg.Client({ connectionString: databaseUrl });
await db.connect();
const measure = async () => {
  const { rows } = await db.query(
    `SELECT COUNT(*)::int AS n, COALESCE(SUM(octet_length(data)), 0)::int AS payload,
            pg_total_relation_size('duet_updates')::int AS table FROM duet_updates`,
  );
  return rows[0];
};

const doc = new Y.Doc();
const ws = new WebSocket(`ws://127.0.0.1:${port}/acme/playbook/growth?token=${token}&duet=1`);
let stored = 0;
ws.on('message', (data) => {
  const d = decoding.createDecoder(new Uint8Array(data));
  if (decoding.readVarUint(d) !== 100) return; // Duet's "stored" message: the stored state vector
  stored = Y.decodeStateVector(decoding.readVarUint8Array(d)).get(doc.clientID) ?? 0;
});
await new Promise((done) => ws.once('open', done));
doc.on('update', (update) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint8Array(e, update);
  ws.send(encoding.toUint8Array(e));
});
const words = 'Our platform cuts onboarding time in half for regional sales teams. ';
for (let i = 0; i < CHARS; i++) {
  doc.getText('root').insert(i, words[i % words.length]);
  // Pace does not change the figure; staying under the server's rate limit (burst 1000, then 200/s) does.
  if (i >= 900) await sleep(6);
}
while (stored < CHARS) await sleep(20);
const before = await measure();
ws.close();
await sleep(1500); // unload → compaction
await db.query('VACUUM FULL duet_updates');
const after = await measure();
const f = (n) => (n / CHARS).toFixed(1);
console.log(`\n[bench] storage growth — ${CHARS} characters typed one update each, PostgreSQL`);
console.log(
  `before compaction: ${before.n} rows, ${f(before.payload)} B/char of updates, ${f(before.table)} B/char on disk`,
);
console.log(
  `after compaction:  ${after.n} row,  ${f(after.payload)} B/char of updates, ${f(after.table)} B/char on disk`,
);
await db.end();
node.kill('SIGTERM');
await new Promise((done) => node.once('exit', done));
await postgres.stop();
process.exit(0);
