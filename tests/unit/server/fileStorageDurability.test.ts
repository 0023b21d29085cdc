// The kill -9 durability test of durability.test.ts, against the plain-file stores (`--storage files`, what
// the desktop host uses where node:sqlite is missing): after each restart on the same --data, every update a
// client received from the server — relayed to a listener or acknowledged as stored — is still there. The
// members come from the `invite` command writing the file store while the server runs.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openClient, readStoredDoc, waitUntil, type Client } from './helpers/clients';
import { createPrng } from './helpers/prng';
import { buildServerOnce, invite, startServer, tempDataDir, type ServerProcess } from './helpers/serverProcess';

const KILLS = Number(process.env.DUET_FILE_KILLS ?? 20);
const DOC = 'acme/playbook/durable';
const FILES = ['--storage', 'files'];
let server: ServerProcess;
let token: string;
let data: string;

beforeAll(async () => {
  buildServerOnce();
  data = tempDataDir();
  server = await startServer(data, 0, FILES);
  token = invite(data, 'acme', 'Stella', 'storyteller');
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

function edit(doc: Y.Doc, random: ReturnType<typeof createPrng>, n: number): void {
  const text = doc.getText('root');
  if (text.length > 20 && random.chance(0.3)) text.delete(random.int(0, text.length - 5), random.int(1, 4));
  else text.insert(random.int(0, text.length), `${n},`);
  if (random.chance(0.3)) doc.getMap('meta').set(`k${random.int(0, 9)}`, n);
}

function contains(doc: Y.Doc, other: Y.Doc): boolean {
  const probe = new Y.Doc();
  Y.applyUpdate(probe, Y.encodeStateAsUpdate(doc));
  let changed = false;
  probe.on('update', () => (changed = true));
  Y.applyUpdate(probe, Y.encodeStateAsUpdate(other));
  return !changed;
}

describe('file storage durability under kill -9', () => {
  it('runs on the file stores, and the invite command wrote to them', () => {
    expect(existsSync(join(data, 'members.jsonl'))).toBe(true);
    expect(existsSync(join(data, 'duet.sqlite'))).toBe(false);
  });

  it(`loses nothing any client received, across ${KILLS} kills`, async () => {
    const random = createPrng(Number(process.env.DUET_SEED ?? 20240607));
    const writerDoc = new Y.Doc();
    let n = 0;
    for (let round = 0; round < KILLS; round++) {
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
      const acked = writer.stored.get(writerDoc.clientID) ?? 0;
      writer.destroy();
      listener.destroy();
      const received = new Y.Doc();
      Y.applyUpdate(received, Y.encodeStateAsUpdate(listenerDoc));

      server = await startServer(data, server.port, FILES);
      const stored = await readStoredDoc(server.url, DOC, token);
      const storedClock = Y.decodeStateVector(Y.encodeStateVector(stored)).get(writerDoc.clientID) ?? 0;
      expect(storedClock, `round ${round}: acknowledged clock ${acked} not stored`).toBeGreaterThanOrEqual(acked);
      expect(contains(stored, received), `round ${round}: a relayed update is missing after kill -9`).toBe(true);
    }
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
    expect(n).toBeGreaterThan(KILLS * 5);
  }, 180_000);
});
