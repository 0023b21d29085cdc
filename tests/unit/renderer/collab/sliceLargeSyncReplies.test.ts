// A joining client's deflated sync reply is applied a piece per task, however quickly its pieces inflate:
// pieces whose inflating had already finished were applied back to back in one task, which for a
// 20,000-deal log (~46 half-megabyte pieces) would freeze the window for most of a second.
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';
import { describe, expect, it, vi } from 'vitest';
import { MESSAGE_SYNC_DEFLATED } from '../../../../shared/collab/syncProtocol';
import { MESSAGE_SYNC } from '../../../../renderer/collab/sendOnlyOwnWrites';
import { sliceLargeSyncReplies } from '../../../../renderer/collab/sliceLargeSyncReplies';

// Inflating that has always already finished: the case in which pieces used to share a task. The test's
// "deflated" bytes are the update itself.
vi.mock('@shared/deflate', () => ({ inflateBytes: (bytes: Uint8Array) => Promise.resolve(bytes) }));

/** One deflated sync message as the server frames it (after the message type): kind, then the bytes. */
function deflatedMessage(kind: number, update: Uint8Array): decoding.Decoder {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, kind);
  encoding.writeVarUint8Array(e, update);
  return decoding.createDecoder(encoding.toUint8Array(e));
}

describe('sliceLargeSyncReplies', () => {
  it('applies each deflated piece in a task of its own, in order, and is synced after the last', async () => {
    const source = new Y.Doc();
    const pieces: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => pieces.push(update));
    for (let i = 0; i < 4; i++) source.getMap('deals').set(`d${i}`, `deal ${i}`);

    const doc = new Y.Doc();
    const socket = {};
    const provider = {
      doc,
      ws: socket,
      wsconnected: true,
      synced: false,
      messageHandlers: [] as unknown[],
    };
    provider.messageHandlers[MESSAGE_SYNC] = () => {};
    sliceLargeSyncReplies(provider as unknown as WebsocketProvider);

    // A task counter: one step per turn of the event loop.
    let turn = 0;
    let counting = true;
    const count = (): void => {
      if (!counting) return;
      turn++;
      setImmediate(count);
    };
    setImmediate(count);
    const appliedAt: number[] = [];
    doc.on('afterTransaction', () => appliedAt.push(turn));

    const handler = provider.messageHandlers[MESSAGE_SYNC_DEFLATED] as (...args: unknown[]) => void;
    // All four arrive in one socket read: handled back to back, before any of them is applied.
    pieces.forEach((piece, i) =>
      handler(
        encoding.createEncoder(),
        deflatedMessage(i === pieces.length - 1 ? messageYjsSyncStep2 : messageYjsUpdate, piece),
        provider,
        true,
      ),
    );
    await vi.waitFor(() => expect(provider.synced).toBe(true));
    counting = false;

    expect(doc.getMap('deals').toJSON()).toEqual(source.getMap('deals').toJSON());
    expect(appliedAt).toHaveLength(4);
    for (let i = 1; i < appliedAt.length; i++) expect(appliedAt[i]).toBeGreaterThan(appliedAt[i - 1]!);
  });
});
