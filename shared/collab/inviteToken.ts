/**
 * Reads what an invite token claims — workspace, role, member — so the join dialog can say what the user is
 * joining before connecting. Only the server can verify a token; nothing here is trusted for access.
 */
import { isValidId } from '../domain/ids';
import { ROLES, type Role } from '../domain/settingsDefaults';

/** The visible claims of an invite token. */
export interface InviteClaims {
  workspaceId: string;
  memberId: string;
  role: Role;
  /** Expiry in Unix seconds, if the token has one. */
  expiresAt: number | null;
}

function base64UrlToText(part: string): string {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** The claims of `token`, or null when it is not shaped like a Duet invite token. */
export function readInviteClaims(token: string): InviteClaims | null {
  const trimmed = token.trim();
  if (trimmed.length === 0 || trimmed.length > 1024) return null;
  const [payload, signature, ...rest] = trimmed.split('.');
  if (!payload || !signature || rest.length > 0) return null;
  let json: unknown;
  try {
    json = JSON.parse(base64UrlToText(payload));
  } catch {
    return null; // not base64url JSON: not one of our tokens
  }
  if (typeof json !== 'object' || json === null) return null;
  const { ws, mid, role, exp } = json as Record<string, unknown>;
  if (!isValidId(ws) || !isValidId(mid) || !(ROLES as readonly unknown[]).includes(role)) return null;
  return { workspaceId: ws, memberId: mid, role: role as Role, expiresAt: typeof exp === 'number' ? exp : null };
}

/** Normalises a server address typed by a user to the ws(s):// base the client connects to. */
export function toWebSocketUrl(address: string): string {
  const trimmed = address.trim().replace(/\/+$/, '');
  if (/^https:\/\//i.test(trimmed)) return `wss://${trimmed.slice(8)}`;
  if (/^http:\/\//i.test(trimmed)) return `ws://${trimmed.slice(7)}`;
  if (/^wss?:\/\//i.test(trimmed)) return trimmed;
  return `ws://${trimmed}`;
}
