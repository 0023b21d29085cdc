/**
 * The kill -9 durability scenario, for every storage kind: a writer streams random edits, the server is
 * killed at a random moment, restarted on the same data folder, and everything any client had received from
 * it (relayed to a listener, or acknowledged as stored to the writer) must still be there. At the end the
 * writer reconnects and everything it ever wrote gets stored.
 */
import * as Y from 'yjs';
import { expect } from 'vitest';
import { openClient, readStoredDoc, waitUntil, type Client } from './clients';
import { createPrng } from './prng';
import { startServer, type ServerProcess } from './serverProcess';

/** One random edit: inserts, deletes and map writes, so both structs and delete sets must survive. */
function edit(doc: Y.Doc, random: ReturnType<typeof createPrng>, n: number): void {
  const text = doc.getText('root');
  if (text.length > 20 && random.chance(0.3)) text.delete(random.int(0, text.length - 5), random.int(1, 4));
  else text.insert(random.int(0, text.length), `${n},`);
  if (random.chance(0.3)) doc.getMap('meta').set(`k${random.int(0, 9)}`, n);
}

/** True when `doc` already contains everything in `other` (applying it changes nothing). */
function contains(doc: Y.Doc, other: Y.Doc): boolean {
  const probe = new Y.Doc();
  Y.applyUpdate(probe, Y.encodeStateAsUpdate(doc));
  let changed = false;
  probe.on('update', () => (changed = true));
  Y.applyUpdate(probe, Y.encodeStateAsUpdate(other));
  return !changed;
}

/** What the scenario runs against. `server` is replaced after every restart; the last one is returned. */
export interface KillScenario {
  server: ServerProcess;
  data: string;
  token: string;
  doc: string;
  kills: number;
  seed: number;
  /** Extra server arguments (e.g. `--storage files`). */
  args?: string[];
}

/** Runs the scenario, asserting as it goes; returns the running server for the caller to stop. */
export async function runKillScenario(scenario: KillScenario): Promise<ServerProcess> {
  const { data, token, doc: DOC, kills, args = [] } = scenario;
  let server = scenario.server;
  const random = createPrng(scenario.seed);
  const writerDoc = new Y.Doc();
  let n = 0;
  for (let round = 0; round < kills; round++) {
    const writer: Client = openClient(server.url, DOC, token, writerDoc);
    const listenerDoc = new Y.Doc();
    const listener: Client = openClient(server.url, DOC, token, listenerDoc);
    await waitUntil(
      () => writer.provider.synced && listener.provider.synced,
      5_000,
      () => `round ${round}: not synced`,
    );
    let streaming = true;
    const stream = (async () => {
      while (streaming) {
        for (let burst = random.int(1, 5); burst > 0; burst--) edit(writerDoc, random, n++);
        await new Promise((resolve) => setTimeout(resolve, random.int(0, 3)));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, random.int(20, 250)));
    await server.stop('SIGKILL');
    streaming = false;
    await stream;
    // Snapshot what the clients hold from the server before anything can reconnect and resend.
    const acked = writer.stored.get(writerDoc.clientID) ?? 0;
    writer.destroy();
    listener.destroy();
    const received = new Y.Doc();
    Y.applyUpdate(received, Y.encodeStateAsUpdate(listenerDoc));

    server = await startServer(data, server.port, args);
    const stored = await readStoredDoc(server.url, DOC, token);
    const storedClock = Y.decodeStateVector(Y.encodeStateVector(stored)).get(writerDoc.clientID) ?? 0;
    expect(storedClock, `round ${round}: acknowledged clock ${acked} not stored`).toBeGreaterThanOrEqual(acked);
    expect(contains(stored, received), `round ${round}: a relayed update is missing after kill -9`).toBe(true);
  }
  // The writer comes back once more: every edit it ever made is stored, and it can tell ("Saved").
  const writer = openClient(server.url, DOC, token, writerDoc);
  await waitUntil(
    () => writer.saved(),
    10_000,
    () => 'final edits never confirmed',
  );
  writer.destroy();
  const stored = await readStoredDoc(server.url, DOC, token);
  expect(stored.getText('root').toString()).toBe(writerDoc.getText('root').toString());
  expect(stored.getMap('meta').toJSON()).toEqual(writerDoc.getMap('meta').toJSON());
  expect(n).toBeGreaterThan(kills * 5);
  return server;
}
