/**
 * The server, not the client, says who a presence belongs to. A client's awareness state carries whatever
 * name it likes; before the state is applied or relayed, the server overwrites the identity fields with the
 * member of the connection's token, so nobody can appear on carets or in the presence bar as someone else.
 *
 * Lexical's collaboration plugin keeps `name` and `color` at the top level of the state; `name`, `role` and
 * `memberId` are the server's, everything else (colour, cursor positions, focus) stays the client's.
 */
import * as encoding from 'lib0/encoding';
import type { Role } from '@shared/domain/settings';
import { fail, ok, type Result } from '@shared/result';
import type { AwarenessEntry } from '../protocol/parseFrame';

/** Who a connection is, as the members table says. */
export interface PresenceIdentity {
  memberId: string;
  name: string;
  role: Role;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Rewrites every non-null state of an awareness update with the member's identity and re-encodes it in
 * y-protocols' awareness format (count, then client id, clock and JSON state per entry). A state that is
 * not a JSON object cannot carry an identity and is refused.
 */
export function bindPresence(
  entries: readonly AwarenessEntry[],
  identity: PresenceIdentity,
): Result<{ payload: Uint8Array; entries: AwarenessEntry[] }> {
  const bound: AwarenessEntry[] = [];
  for (const entry of entries) {
    if (entry.state === null) {
      bound.push(entry);
      continue;
    }
    if (!isPlainObject(entry.state)) return fail('invalid-input', 'awareness-not-object');
    const state = { ...entry.state, name: identity.name, role: identity.role, memberId: identity.memberId };
    bound.push({ clientId: entry.clientId, clock: entry.clock, state });
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, bound.length);
  for (const entry of bound) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return ok({ payload: encoding.toUint8Array(encoder), entries: bound });
}
