/**
 * What a y-websocket provider sends, narrowed to what the server accepts from this connection: a reader
 * (told by the server's session message that it cannot write) sends no document changes and does not
 * answer the server's sync step 1; nobody echoes other people's presence back (y-websocket does, and the
 * server drops and counts those as `awareness-spoof`). Without this, a salesperson's client made the
 * server refuse messages on every connect and every cursor move of a colleague.
 */
import type * as decoding from 'lib0/decoding';
import { peekVarUint } from 'lib0/decoding';
import type * as encoding from 'lib0/encoding';
import type { WebsocketProvider } from 'y-websocket';
import { messageYjsSyncStep1 } from 'y-protocols/sync';

/** A y-websocket message handler (the provider's `messageHandlers` entries). */
export type Handler = (
  encoder: encoding.Encoder,
  decoder: decoding.Decoder,
  provider: WebsocketProvider,
  emitSynced: boolean,
  messageType: number,
) => void;

/** The client ids an awareness 'update' event reports. */
interface PresenceChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

/** y-websocket's message type of sync messages. */
export const MESSAGE_SYNC = 0;

/**
 * Puts the filters between `provider` and its socket; `isReader` is asked at every message, since the
 * role arrives with the connection. Returns the disposer, which removes the filters' listeners (call it when
 * the provider is destroyed).
 */
export function sendOnlyOwnWrites(provider: WebsocketProvider, isReader: () => boolean): () => void {
  const { doc, awareness } = provider;
  const sync = provider.messageHandlers[MESSAGE_SYNC] as Handler;
  provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, ...rest) => {
    // A reader's answer to "what do you have that I lack?" would only be dropped and counted.
    if (isReader() && peekVarUint(decoder) === messageYjsSyncStep1) return;
    sync(encoder, decoder, ...rest);
  };

  const sendUpdate = (update: Uint8Array, origin: unknown): void => {
    if (!isReader()) provider._updateHandler(update, origin);
  };
  doc.off('update', provider._updateHandler);
  doc.on('update', sendUpdate);

  const sendOwnPresence = (changes: PresenceChanges, origin: unknown): void => {
    const self = awareness.clientID;
    const own = (ids: number[]) => ids.filter((id) => id === self);
    const mine = { added: own(changes.added), updated: own(changes.updated), removed: own(changes.removed) };
    if (mine.added.length + mine.updated.length + mine.removed.length > 0)
      provider._awarenessUpdateHandler(mine, origin);
  };
  awareness.off('update', provider._awarenessUpdateHandler);
  awareness.on('update', sendOwnPresence);

  return () => {
    doc.off('update', sendUpdate);
    awareness.off('update', sendOwnPresence);
  };
}
