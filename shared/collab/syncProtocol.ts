/**
 * Duet's extension of the y-websocket protocol, shared by the sync server and the app. y-websocket uses
 * message types 0–3 (sync, awareness, auth, query-awareness); Duet's start at 100 so they never collide.
 *
 * - 100 `stored` (server → client): after the server has durably stored updates received on this
 *   connection, it sends the state vector of the stored document. A client knows its own changes are safe
 *   when the stored clock of its client id has reached its local clock; the gap is the honest count of
 *   changes not yet confirmed.
 * - 101 `session` (server → client, first message): JSON facts about this connection — the member's role
 *   and whether it may write this document. Read-only connections' updates are dropped by the server.
 * - 102 `members` (server → client, on the workspace's directory document only): the workspace's current
 *   members (id, name, role) from the server's member store, so every client can name people — e.g. an
 *   action item's owner — that it has never seen online. Sent on each connection of that document.
 * - 103 `store` (server → client): the server's document store stopped (or started again) answering its
 *   health check — while it is down nothing is stored, so nothing is acknowledged or relayed; presence
 *   still is. Sent to every connection when it changes, and on connecting while it is down.
 *
 * A client asks for both by adding `duet=1` ({@link EXTENSION_QUERY}) to its connection URL; a client that does
 * not ask (y-websocket's stock provider, any other Yjs tool) never receives them, so it has nothing to log
 * "Unable to compute message" about. See docs/SYNC-PROTOCOL.md for the full description.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { ROLES, type Role } from '../domain/settingsDefaults';

/** The query parameter (name and value) with which a client asks for Duet's extension messages. */
export const EXTENSION_QUERY = { name: 'duet', value: '1' } as const;

/**
 * The query parameter with which a client that asked for the extension says it also reads deflated sync
 * replies ({@link MESSAGE_SYNC_DEFLATED}). Separate from `duet=1`, so an app released before it keeps
 * receiving plain replies from a newer server.
 */
export const DEFLATE_QUERY = { name: 'deflate', value: '1' } as const;

/** True when a connection URL's query asks for Duet's extension messages. */
export function wantsExtensions(query: { get(name: string): string | null }): boolean {
  return query.get(EXTENSION_QUERY.name) === EXTENSION_QUERY.value;
}

/** True when a connection URL's query asks for Duet's extension and says it reads deflated sync replies. */
export function readsDeflated(query: { get(name: string): string | null }): boolean {
  return wantsExtensions(query) && query.get(DEFLATE_QUERY.name) === DEFLATE_QUERY.value;
}

/**
 * The optional query parameter naming the installation a connection comes from (random, per install), so
 * the host can count a member's devices rather than their connections (one app opens one per document).
 * Clients without it count one device per connection.
 */
export const DEVICE_QUERY = 'device';
const DEVICE_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/** The connection's device id, or null when absent or not of the expected form (then ignored, not refused). */
export function readDevice(query: { get(name: string): string | null }): string | null {
  const device = query.get(DEVICE_QUERY);
  return device !== null && DEVICE_PATTERN.test(device) ? device : null;
}

/** `stored`: varUint8Array state vector of the stored document. */
export const MESSAGE_STORED = 100;
/** `session`: varString JSON {@link SessionInfo}. */
export const MESSAGE_SESSION = 101;

/** `members`: varString JSON {@link RosterMember}[]. */
export const MESSAGE_MEMBERS = 102;

/** Most members a `members` message carries (a workspace larger than this lists its first ones). */
export const MAX_ROSTER = 5000;

/** One member of the workspace, as the server lists them. */
export interface RosterMember {
  id: string;
  name: string;
  role: Role;
}

/** Encodes a `members` message. */
export function encodeMembersMessage(members: readonly RosterMember[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_MEMBERS);
  const list = members.slice(0, MAX_ROSTER).map(({ id, name, role }) => ({ id, name, role }));
  encoding.writeVarString(encoder, JSON.stringify(list));
  return encoding.toUint8Array(encoder);
}

/** Reads the body of a `members` message; null when it is not a list. Entries that are not members are skipped. */
export function readMembersBody(decoder: decoding.Decoder): RosterMember[] | null {
  let value: unknown;
  try {
    value = JSON.parse(decoding.readVarString(decoder));
  } catch {
    return null;
  }
  if (!Array.isArray(value)) return null;
  const out: RosterMember[] = [];
  for (const entry of value.slice(0, MAX_ROSTER)) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { id, name, role } = entry as Record<string, unknown>;
    if (typeof id !== 'string' || typeof name !== 'string' || !(ROLES as readonly unknown[]).includes(role)) continue;
    if (id === '' || name.trim() === '') continue;
    out.push({ id: id.slice(0, 64), name: name.slice(0, 120), role: role as Role });
  }
  return out;
}

/** `store`: varString JSON {@link StoreStatus}. */
export const MESSAGE_STORE = 103;

/**
 * `sync, deflated`: varUint sync sub-type, then varUint8Array — the update raw-deflated (RFC 1951, what
 * `DecompressionStream('deflate-raw')` reads; shared/deflate.ts). The server sends it instead of a sync step 2 of
 * more than {@link DEFLATE_SYNC_ABOVE} bytes, and only to clients that say they read it ({@link DEFLATE_QUERY}): a joining
 * device's 20,000-deal log is 23.5 MB of Yjs, about 3 MB deflated (7×), which on an office connection is
 * seconds of waiting saved. Stock y-websocket clients keep receiving plain sync messages.
 */
export const MESSAGE_SYNC_DEFLATED = 104;

/** Sync replies larger than this go deflated to clients that understand {@link MESSAGE_SYNC_DEFLATED}. */
export const DEFLATE_SYNC_ABOVE = 1 << 18;

/**
 * The most a deflated sync reply may inflate to on a client. Above the largest document the server holds in
 * practice (23.5 MB at 20,000 deals), and a bound on what a damaged or hostile frame can make a client allocate.
 */
export const MAX_INFLATED_SYNC_BYTES = 256 * 1024 * 1024;

/** Whether the server can store right now. */
export interface StoreStatus {
  v: 1;
  store: 'reachable' | 'unreachable';
}

/** Encodes a `store` message. */
export function encodeStoreMessage(reachable: boolean): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_STORE);
  const status: StoreStatus = { v: 1, store: reachable ? 'reachable' : 'unreachable' };
  encoding.writeVarString(encoder, JSON.stringify(status));
  return encoding.toUint8Array(encoder);
}

/** Reads the body of a `store` message: true when the store is reachable, null when malformed. */
export function readStoreBody(decoder: decoding.Decoder): boolean | null {
  try {
    const value: unknown = JSON.parse(decoding.readVarString(decoder));
    const store = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).store : undefined;
    return store === 'reachable' ? true : store === 'unreachable' ? false : null;
  } catch {
    return null;
  }
}

/** What the server tells a connection about itself. `v` versions this JSON shape. */
export interface SessionInfo {
  v: 1;
  role: Role;
  canWrite: boolean;
  memberId: string;
  /** The member's display name as invited. */
  name: string;
  /** The document name this connection is for. */
  doc: string;
}

/** Encodes a `stored` message. */
export function encodeStoredMessage(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_STORED);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}

/** Encodes a `session` message. */
export function encodeSessionMessage(info: SessionInfo): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SESSION);
  encoding.writeVarString(encoder, JSON.stringify(info));
  return encoding.toUint8Array(encoder);
}

/** Reads the body of a `session` message (after its type); null when it is not valid session JSON. */
export function readSessionBody(decoder: decoding.Decoder): SessionInfo | null {
  let value: unknown;
  try {
    value = JSON.parse(decoding.readVarString(decoder));
  } catch {
    return null; // a malformed session message is ignored: the client stays in its safe (read-only) state
  }
  if (typeof value !== 'object' || value === null) return null;
  const { role, canWrite, memberId, name, doc } = value as Record<string, unknown>;
  if (!(ROLES as readonly unknown[]).includes(role) || typeof canWrite !== 'boolean') return null;
  const text = (v: unknown, max: number): string => (typeof v === 'string' ? v.slice(0, max) : '');
  return {
    v: 1,
    role: role as Role,
    canWrite,
    memberId: text(memberId, 64),
    name: text(name, 120),
    doc: text(doc, 200),
  };
}

/**
 * Reads a state vector (as written by `Y.encodeStateVector`) into client id → clock, bounded so a hostile
 * message cannot make the client allocate without limit.
 */
export function readStateVector(bytes: Uint8Array, maxEntries = 100_000): Map<number, number> | null {
  try {
    const decoder = decoding.createDecoder(bytes);
    const count = decoding.readVarUint(decoder);
    if (count > maxEntries) return null;
    const out = new Map<number, number>();
    for (let i = 0; i < count; i++) out.set(decoding.readVarUint(decoder), decoding.readVarUint(decoder));
    return out;
  } catch {
    return null; // truncated: treated as "nothing confirmed", which is the safe reading
  }
}
