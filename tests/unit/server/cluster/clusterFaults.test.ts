// The faults a cluster lives through, each with real processes: a node killed with kill -9 mid-write,
// Redis killed and restarted under two writing nodes, PostgreSQL stopped and started again. Nobody loses
// an edit that anyone had seen, and nothing is acknowledged that was not stored.
import * as Y from 'yjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import { MESSAGE_STORE, readStoreBody } from '@shared/collab/syncProtocol';
import { connectRaw, frameKind, openClient, readStoredDoc, waitUntil, type Client } from '../helpers/clients';
import {
  describeCluster,
  startPostgres,
  startRedis,
  type Postgres,
  type RedisServer,
} from '../helpers/clusterServices';
import { createPrng } from '../helpers/prng';
import { buildServerOnce, runCli, startClusterNode, type ServerProcess } from '../helpers/serverProcess';

let postgres: Postgres;
let redis: RedisServer;
let databaseUrl: string;
let token: string;
let nodes: ServerProcess[] = [];
const clients: Client[] = [];

function connect(node: ServerProcess, doc: string, ydoc = new Y.Doc()): Client {
  const client = openClient(node.url, doc, token, ydoc);
  clients.push(client);
  return client;
}

/** True when `doc` already holds everything in `other`. */
function contains(doc: Y.Doc, other: Y.Doc): boolean {
  const probe = new Y.Doc();
  Y.applyUpdate(probe, Y.encodeStateAsUpdate(doc));
  let changed = false;
  probe.on('update', () => (changed = true));
  Y.applyUpdate(probe, Y.encodeStateAsUpdate(other));
  return !changed;
}

/** Streams small edits into `doc` until the returned stop function is called. */
function streamEdits(doc: Y.Doc, seed: number): () => Promise<number> {
  const random = createPrng(seed);
  let streaming = true;
  let n = 0;
  const done = (async () => {
    while (streaming) {
      for (let burst = random.int(1, 4); burst > 0; burst--) doc.getText('root').insert(0, `${seed}.${n++} `);
      await new Promise((resolve) => setTimeout(resolve, random.int(1, 5)));
    }
  })();
  return async () => {
    streaming = false;
    await done;
    return n;
  };
}

const clock = (client: Client) => client.stored.get(client.doc.clientID) ?? 0;
const text = (doc: Y.Doc) => doc.getText('root').toString();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeCluster('cluster faults', () => {
  beforeAll(async () => {
    buildServerOnce();
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    databaseUrl = postgres.url();
    nodes = await Promise.all([1, 2].map(() => startClusterNode(databaseUrl, redis.url)));
    token = runCli([
      'invite',
      '--database-url',
      databaseUrl,
      '--workspace',
      'acme',
      '--name',
      'W',
      '--role',
      'storyteller',
    ]).at(-1) as string;
  }, 90_000);

  afterAll(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await Promise.all(nodes.map((node) => node.stop()));
    await Promise.all([postgres?.dispose(), redis?.dispose()]);
  });

  it('kill -9 of a node mid-write: its writer reconnects to the other node and nothing anyone saw is lost', async () => {
    const doc = 'acme/playbook/kill-node';
    for (let round = 0; round < 3; round++) {
      const [victim, survivor] = round % 2 === 0 ? [nodes[0]!, nodes[1]!] : [nodes[1]!, nodes[0]!];
      const writerDoc = new Y.Doc();
      const writer = connect(victim, doc, writerDoc);
      const listener = connect(survivor, doc);
      await waitUntil(
        () => writer.provider.synced && listener.provider.synced,
        10_000,
        () => 'not synced',
      );
      const stop = streamEdits(writerDoc, round + 1);
      await sleep(100 + round * 70);
      await victim.stop('SIGKILL');
      const written = await stop();
      const acked = clock(writer);
      writer.destroy();
      const received = new Y.Doc();
      Y.applyUpdate(received, Y.encodeStateAsUpdate(listener.doc));
      // Everything the listener on the other node heard of, and everything acknowledged, is stored.
      const stored = await readStoredDoc(survivor.url, doc, token);
      expect(contains(stored, received), `round ${round}: relayed update lost`).toBe(true);
      expect(Y.decodeStateVector(Y.encodeStateVector(stored)).get(writerDoc.clientID) ?? 0).toBeGreaterThanOrEqual(
        acked,
      );
      // The writer reconnects to the surviving node; its unsent edits are stored there.
      const again = connect(survivor, doc, writerDoc);
      await waitUntil(
        () => again.saved() && contains(listener.doc, writerDoc),
        10_000,
        () => 'edits made before the kill never stored',
      );
      expect(written).toBeGreaterThan(5);
      const restarted = await startClusterNode(databaseUrl, redis.url, victim.port);
      nodes = nodes.map((node) => (node === victim ? restarted : node));
      expect(text((await readStoredDoc(restarted.url, doc, token)) as Y.Doc)).toBe(text(writerDoc));
      again.destroy();
      listener.destroy();
    }
  });

  it('Redis killed and restarted under two writing nodes: both keep storing, and converge within 10 s', async () => {
    const doc = 'acme/playbook/redis-down';
    const [a, b] = [connect(nodes[0]!, doc), connect(nodes[1]!, doc)];
    await waitUntil(
      () => a.provider.synced && b.provider.synced,
      10_000,
      () => 'not synced',
    );
    const stops = [streamEdits(a.doc, 11), streamEdits(b.doc, 12)];
    await sleep(150);
    await redis.kill();
    const ackedAtKill = [clock(a), clock(b)];
    await sleep(800);
    // Without the fan-out each node still stores its own writer's edits, and says so.
    await waitUntil(
      () => clock(a) > ackedAtKill[0]! && clock(b) > ackedAtKill[1]!,
      5_000,
      () => 'a node stopped storing while Redis was down',
    );
    const health = await (await fetch(`${nodes[0]!.httpUrl}/healthz`)).json();
    expect(health).toMatchObject({ ok: true, store: 'reachable', fanout: 'unreachable' });
    await redis.start();
    const back = Date.now();
    await sleep(300);
    await Promise.all(stops.map((stop) => stop()));
    await waitUntil(
      () => a.saved() && b.saved() && text(a.doc) === text(b.doc),
      10_000,
      () => `not converged ${Date.now() - back} ms after Redis returned`,
    );
    expect(Date.now() - back).toBeLessThan(10_000);
    const stored = await readStoredDoc(nodes[1]!.url, doc, token);
    expect(text(stored)).toBe(text(a.doc));
    a.destroy();
    b.destroy();
  });

  it('PostgreSQL stopped: nothing is acknowledged, healthz says 503, writers and idle readers are told; all is stored once it returns', async () => {
    const doc = 'acme/playbook/postgres-down';
    const writer = connect(nodes[0]!, doc);
    const closes: number[] = [];
    writer.provider.on('connection-close', (event: CloseEvent | null) => {
      if (event) closes.push(event.code);
    });
    await waitUntil(
      () => writer.provider.synced,
      10_000,
      () => 'not synced',
    );
    // An idle reader on the other node: it sends nothing, so only the server can tell it the store is down.
    const reader = await connectRaw(nodes[1]!.url, 'acme/playbook/idle-reader', token);
    if ('status' in reader) throw new Error(`reader refused with ${reader.status}`);
    const storeNews = (): boolean[] =>
      reader.frames
        .filter((b) => frameKind(b).type === MESSAGE_STORE)
        .map((b) => {
          const decoder = decoding.createDecoder(b);
          decoding.readVarUint(decoder);
          return readStoreBody(decoder)!;
        });
    const stop = streamEdits(writer.doc, 21);
    await sleep(150);
    const stoppedAt = Date.now();
    await postgres.stop();
    await sleep(300); // answers already on their way when it stopped may still land
    const ackedWhileDown = clock(writer);
    await sleep(1_500);
    expect(clock(writer), 'acknowledged while PostgreSQL was down').toBe(ackedWhileDown);
    expect(clock(writer)).toBeLessThan(
      Y.decodeStateVector(Y.encodeStateVector(writer.doc)).get(writer.doc.clientID) ?? 0,
    );
    expect((await fetch(`${nodes[0]!.httpUrl}/healthz`)).status).toBe(503);
    expect(closes.length, 'the client was never told').toBeGreaterThan(0);
    await waitUntil(
      () => storeNews().includes(false),
      5_000,
      () => 'the idle reader was never told the store is down',
    );
    expect(Date.now() - stoppedAt).toBeLessThan(8_000);
    expect(reader.isClosed(), 'the reader stays connected (presence still works)').toBe(false);
    expect(nodes.every((node) => node.child.exitCode === null)).toBe(true);
    await postgres.start();
    await stop();
    await waitUntil(
      () => writer.saved(),
      15_000,
      () => 'edits kept by the client were not stored after PostgreSQL returned',
    );
    expect((await fetch(`${nodes[0]!.httpUrl}/healthz`)).status).toBe(200);
    await waitUntil(
      () => storeNews().at(-1) === true,
      5_000,
      () => `the idle reader was not told the store is back: ${JSON.stringify(storeNews())}`,
    );
    reader.ws.close();
    for (const node of nodes) expect(text(await readStoredDoc(node.url, doc, token))).toBe(text(writer.doc));
    writer.destroy();
  });
});
