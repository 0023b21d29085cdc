/**
 * One message to many peers — a relayed update, a presence change — framed once for all of them
 * (`binaryFrame`) instead of once per peer; a message too large to frame as one chunk goes to each peer
 * on its own.
 */
import { binaryFrame } from '../protocol/binaryFrame';
import type { Peer } from './Peer';

/** Sends `message` to every peer but `except` (its writer, say); returns how many it was sent to. */
export function broadcast(peers: Iterable<Peer>, message: Uint8Array, except?: unknown): number {
  const frame = binaryFrame(message);
  let sent = 0;
  for (const peer of peers) {
    if (peer === except) continue;
    if (frame === null) peer.send(message);
    else peer.sendFrame(frame);
    sent++;
  }
  return sent;
}
