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
 */
import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import { messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import { applyInSlices, SLICE_BYTES } from './applyInSlices';
import { applyUpdateQuietly } from './applyUpdateQuietly';
import { MESSAGE_SYNC, type Handler } from './sendOnlyOwnWrites';

/**
 * Puts the slicing in front of `provider`'s sync handler: a sync step 2 larger than `sliceBytes` is applied
 * in slices, other updates (step 2 and single updates) at once, all with the provider as origin as y-websocket
 * would, and none encoded again for the doc's listeners; a step 1 goes through as before. Call before
 * anything else wraps the handler.
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
    if (type === messageYjsUpdate || update.length <= sliceBytes) {
      try {
        applyUpdateQuietly(provider.doc, update, provider);
      } catch (error) {
        // What y-protocols does with an update that does not apply (readSyncStep2): report it and go on.
        console.error('[sync] the server sent an update that did not apply', error);
      }
      if (type === messageYjsSyncStep2 && emitSynced && !provider.synced) provider.synced = true;
      return;
    }
    const socket = provider.ws;
    void applyInSlices(provider.doc, [update], provider, sliceBytes)
      // What y-protocols does with an update that does not apply (readSyncStep2): report it and go on.
      .catch((error: unknown) => console.error('[sync] the server sent an update that did not apply', error))
      .then(() => {
        // A reply of a connection that closed meanwhile says nothing about the current one.
        if (emitSynced && provider.ws === socket && provider.wsconnected && !provider.synced) provider.synced = true;
      });
  };
}
