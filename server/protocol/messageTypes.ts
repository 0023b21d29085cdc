/**
 * Message types on the wire. 0–3 are y-websocket's; Duet's extension starts at 100 so it can never collide
 * with a type y-websocket adds later (they number theirs densely from 0). See docs/SYNC-PROTOCOL.md.
 */

/** y-websocket: a y-protocols sync message (step 1, step 2 or update) follows. */
export const MESSAGE_SYNC = 0;
/** y-websocket: an awareness update follows. */
export const MESSAGE_AWARENESS = 1;
/** y-websocket: an auth message. The server never expects one from a client: auth happens at the upgrade. */
export const MESSAGE_AUTH = 2;
/** y-websocket: the peer asks for every awareness state. */
export const MESSAGE_QUERY_AWARENESS = 3;
/** Duet's extension (`stored` = 100, `session` = 101) is defined once, in shared/, for server and app. */
export { MESSAGE_SESSION, MESSAGE_STORED } from '@shared/collab/syncProtocol';

/** y-protocols sync sub-types. */
export const SYNC_STEP_1 = 0;
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;

/** Close codes. 44xx tell y-websocket's provider not to reconnect (the decision will not change on retry). */
export const CLOSE_MALFORMED = 1008;
export const CLOSE_TOO_LARGE = 1009;
export const CLOSE_SERVER_ERROR = 1011;
export const CLOSE_GOING_AWAY = 1001;
export const CLOSE_REVOKED = 4403;
/**
 * The member's role changed: 45xx is y-websocket's "try again" range, so the client reconnects at once and
 * receives a new session message with its new role (and write access).
 */
export const CLOSE_ROLE_CHANGED = 4501;
