// A client joining a large document through the REAL sync server receives it in slices: other work (a
// paint, a keystroke) runs between them, and the link says "live" only once everything has arrived.
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncLink } from '../../../../renderer/collab/SyncLink';
import { waitUntil } from '../../server/helpers/clients';
import {
  buildServerOnce,
  invite,
  startServer,
  tempDataDir,
  type ServerProcess,
} from '../../server/helpers/serverProcess';

const DOC = 'acme/notes/big';
/** Six values of ~300 KB each: 1.8 MB in all, several slices of half a megabyte. */
const VALUES = Array.from({ length: 6 }, (_, i) => `${i}`.repeat(300_000));
let dataDir: string;
let server: ServerProcess;

function open(token: string, doc = new Y.Doc()): SyncLink {
  return new SyncLink(doc, DOC, {
    serverUrl: server.url,
    token,
    WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket,
  });
}

const live = (link: SyncLink) =>
  waitUntil(
    () => link.getState().status === 'live',
    15_000,
    () => 'link never live',
  );

beforeAll(async () => {
  buildServerOnce();
  dataDir = tempDataDir();
  server = await startServer(dataDir);
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

describe('a client joining a large document', () => {
  it('applies it in slices with other work between them, and is live only once all of it is there', async () => {
    const writer = open(invite(dataDir, 'acme', 'Maya', 'storyteller'));
    await live(writer);
    // One frame per value (the server refuses frames over 1 MB after the first sync).
    for (const [i, value] of VALUES.entries()) writer.doc.getMap('deals').set(`k${i}`, value);
    await waitUntil(
      () => writer.getState().unconfirmed === 0,
      15_000,
      () => 'writer never stored',
    );
    writer.destroy();

    const doc = new Y.Doc();
    let slices = 0;
    let ticksBetween = 0;
    let ticking = false;
    const tick = (): void => {
      if (!ticking) return;
      ticksBetween++;
      setTimeout(tick, 0);
    };
    doc.on('afterTransaction', () => {
      slices++;
      if (!ticking) {
        ticking = true;
        setTimeout(tick, 0); // runs only if the apply yields to the event loop
      }
    });
    const joiner = open(invite(dataDir, 'acme', 'Sam', 'storyteller'), doc);
    let completeWhenLive = false;
    joiner.subscribe((state) => {
      if (state.status === 'live')
        completeWhenLive = VALUES.every((value, i) => doc.getMap('deals').get(`k${i}`) === value);
    });
    await live(joiner);
    ticking = false;
    expect(completeWhenLive).toBe(true);
    expect(slices).toBeGreaterThan(1);
    expect(ticksBetween).toBeGreaterThan(0);
    joiner.destroy();
  }, 60_000);
});
