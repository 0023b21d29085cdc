/**
 * A joining client applies the server's answer to its sync step 1 — the whole document when it has nothing —
 * in slices. y-websocket applies a sync message inside its socket handler with one Y.applyUpdate, which for
 * a 20,000-deal notes document (23.5 MB) is one task of 300–700 ms on a 2-core machine: the window froze
 * while the deals arrived. A reply of more than a slice is split by its framing (shared/collab/splitUpdate.ts)
 * and applied one slice per task, like the stored copy at start (applyInSlices.ts); the link reports itself
 * synced once the last slice is in, so "live" still means "has everything the server had".
 *
 * Every received update, sliced or not, is applied without Yjs encoding it again for the doc's 'update'
 * listeners (applyUpdateQuietly.ts): the server sends a joining device's deal log as dozens of half-megabyte
 * updates, and encoding each again cost about what decoding it did.
 *
 * A large reply may also arrive deflated (Duet's MESSAGE_SYNC_DEFLATED, 7× fewer bytes for a deal log), in the
 * same pieces: each is inflated off the socket's handler and applied in turn; the link is synced only once the
 * last is in.
 */
import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import { messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import { MAX_INFLATED_SYNC_BYTES, MESSAGE_SYNC_DEFLATED } from '@shared/collab/syncProtocol';
import { inflateBytes } from '@shared/deflate';
import { applyInSlices, SLICE_BYTES } from '@shared/collab/applyInSlices';
import { applyUpdateQuietly } from '@shared/collab/applyUpdateQuietly';
import { nextTask } from '../platform/nextTask';
import { MESSAGE_SYNC, type Handler } from './sendOnlyOwnWrites';

/** What y-protocols does with an update that does not apply (readSyncStep2): report it and go on. */
function reportUnapplied(error: unknown): void {
  console.error('[sync] the server sent an update that did not apply', error);
}

/**
 * Applies a received sync step 2 or update with the provider as origin, as y-websocket would: a large step 2
 * in slices, anything else at once. A step 2 marks the provider synced once applied — unless the connection it
 * came on is no longer the provider's (a reply of a closed connection says nothing about the current one).
 */
function applySyncUpdate(
  provider: WebsocketProvider,
  type: number,
  update: Uint8Array,
  emitSynced: boolean,
  socket: WebSocket | null,
  sliceBytes: number,
): void {
  const markSynced = (): void => {
    if (emitSynced && provider.ws === socket && provider.wsconnected && !provider.synced) provider.synced = true;
  };
  if (type === messageYjsUpdate || update.length <= sliceBytes) {
    try {
      applyUpdateQuietly(provider.doc, update, provider);
    } catch (error) {
      reportUnapplied(error);
    }
    if (type === messageYjsSyncStep2) markSynced();
    return;
  }
  void applyInSlices(provider.doc, [update], provider, nextTask, sliceBytes).catch(reportUnapplied).then(markSynced);
}

/**
 * Puts the slicing in front of `provider`'s sync handler: a sync step 2 larger than `sliceBytes` is applied
 * in slices, other updates (step 2 and single updates) at once, all with the provider as origin as y-websocket
 * would, and none encoded again for the doc's listeners; a step 1 goes through as before. Also reads deflated
 * replies. Call before anything else wraps the handler.
 */
export function sliceLargeSyncReplies(provider: WebsocketProvider, sliceBytes: number = SLICE_BYTES): void {
  const sync = provider.messageHandlers[MESSAGE_SYNC] as Handler;
  provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, _provider, emitSynced, messageType) => {
    const reader = decoding.clone(decoder);
    const type = decoding.readVarUint(reader);
    if (type !== messageYjsSyncStep2 && type !== messageYjsUpdate)
      return sync(encoder, decoder, provider, emitSynced, messageType);
    const update = decoding.readVarUint8Array(reader);
    decoder.pos = reader.pos;
    applySyncUpdate(provider, type, update, emitSynced, provider.ws, sliceBytes);
  };

  // Deflated pieces are inflated side by side but applied in the order they came: the last one (the step 2)
  // marks the link synced, so every piece before it must be in by then. Each is applied in a task of its own:
  // chained on promises alone, the pieces whose inflating had finished while an earlier one was applied all
  // went in one task (a 20,000-deal log is ~46 pieces of half a megabyte, ~15 ms each).
  let applied: Promise<void> = Promise.resolve();
  provider.messageHandlers[MESSAGE_SYNC_DEFLATED] = (_encoder, decoder, _provider, emitSynced) => {
    const type = decoding.readVarUint(decoder);
    const deflated = decoding.readVarUint8Array(decoder);
    if (type !== messageYjsSyncStep2 && type !== messageYjsUpdate) {
      console.error(`[sync] the server sent a deflated sync message of unknown type ${type}; ignored`);
      return;
    }
    const socket = provider.ws;
    const inflating = inflateBytes(deflated, MAX_INFLATED_SYNC_BYTES).then((update) => {
      if (update === null) throw new Error(`[sync] a deflated reply inflates to over ${MAX_INFLATED_SYNC_BYTES} bytes`);
      return update;
    });
    applied = applied.then(nextTask).then(() =>
      inflating.then(
        // A document closed meanwhile (its playbook left) has nothing to apply it to.
        (update) => {
          if (!provider.doc.isDestroyed) applySyncUpdate(provider, type, update, emitSynced, socket, sliceBytes);
        },
        (error: unknown) => console.error('[sync] the server sent a deflated update that could not be read', error),
      ),
    );
  };
}
