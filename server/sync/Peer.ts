import type { PresenceIdentity } from './bindPresence';

/**
 * What a loaded document needs from a connection: who it is, a way to send and to hang up. Keeping it this
 * small lets `SharedDoc` stay ignorant of WebSockets, rate limits and authentication.
 */
export interface Peer {
  /** The member behind the connection; presence states are rewritten to say this. */
  readonly identity: PresenceIdentity;
  /** True when the client asked for Duet's extension messages (100 `stored`, 101 `session`). */
  readonly extensions: boolean;
  /** True when it also reads deflated sync replies (MESSAGE_SYNC_DEFLATED); absent: it does not. */
  readonly deflate?: boolean;
  /** Sends one binary frame; a no-op once the connection is closing. */
  send(message: Uint8Array): void;
  /**
   * Sends a message already framed (`binaryFrame`): what goes to many peers is framed once for all of them
   * (`broadcast`). A no-op once the connection is closing.
   */
  sendFrame(frame: Buffer): void;
  /** Closes the connection with a WebSocket close code and a short reason. */
  close(code: number, reason: string): void;
}
