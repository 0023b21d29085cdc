/**
 * The least a server can do that commits every update to PostgreSQL before relaying it: y-websocket's
 * relay (the Yjs sync protocol, one in-memory Y.Doc per room, every update sent to every connection of its
 * room) with one single-row INSERT awaited per update, on one connection, with a prepared statement. No
 * authentication, validation, acknowledgement, group commit or fan-out between nodes. bench/server-cluster.mjs
 * measures it beside the reference to show what a PostgreSQL commit before each relay costs on its own on
 * the same machine: the floor under "Duet PostgreSQL, 1 node".
 * Usage: node bench/lib/storeFirstServer.mjs --port P --database-url postgres://…   (prints "listening P")
 */
import { parseArgs } from 'node:util';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import pg from 'pg';
import { WebSocketServer } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

const { values } = parseArgs({ options: { port: { type: 'string' }, 'database-url': { type: 'string' } } });
const client = new pg.Client({ connectionString: values['database-url'] });
await client.connect();
await client.query(
  'CREATE TABLE IF NOT EXISTS floor_updates (id bigserial PRIMARY KEY, doc text NOT NULL, data bytea NOT NULL)',
);

const MESSAGE_SYNC = 0;
/** A commit that fails ends the run: the figures would be for a server that lost updates. */
function fail(error) {
  console.error('[store-first] commit failed:', error);
  process.exit(1);
}
/** Room name → its document and connections. */
const rooms = new Map();
/** The connection's commits, in the order the updates came (one connection runs one query at a time). */
let commits = Promise.resolve();

function room(name) {
  let entry = rooms.get(name);
  if (entry === undefined) {
    entry = { doc: new Y.Doc(), conns: new Set() };
    const current = entry;
    current.doc.on('update', (update) => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MESSAGE_SYNC);
      syncProtocol.writeUpdate(e, update);
      const message = encoding.toUint8Array(e);
      for (const conn of current.conns) conn.send(message);
    });
    rooms.set(name, entry);
  }
  return entry;
}

const wss = new WebSocketServer({ port: Number(values.port), host: '127.0.0.1', perMessageDeflate: false });
wss.on('connection', (ws, request) => {
  const name = (request.url ?? '/').slice(1).split('?')[0];
  const entry = room(name);
  entry.conns.add(ws);
  ws.on('close', () => entry.conns.delete(ws));
  const hello = encoding.createEncoder();
  encoding.writeVarUint(hello, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(hello, entry.doc);
  ws.send(encoding.toUint8Array(hello));
  ws.on('message', (data) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
    const type = decoding.readVarUint(decoder);
    if (type === syncProtocol.messageYjsSyncStep1) {
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MESSAGE_SYNC);
      syncProtocol.writeSyncStep2(reply, entry.doc, decoding.readVarUint8Array(decoder));
      ws.send(encoding.toUint8Array(reply));
      return;
    }
    const update = decoding.readVarUint8Array(decoder);
    // Committed first, applied and relayed after, in the order the updates came.
    commits = commits
      .then(async () => {
        await client.query({
          name: 'floor-insert',
          text: 'INSERT INTO floor_updates (doc, data) VALUES ($1, $2)',
          values: [name, Buffer.from(update)],
        });
        Y.applyUpdate(entry.doc, update, ws);
      })
      .catch(fail);
  });
});
wss.on('listening', () => console.log(`listening ${wss.address().port}`));
process.on('SIGTERM', () => {
  wss.close();
  void client.end().finally(() => process.exit(0));
});
