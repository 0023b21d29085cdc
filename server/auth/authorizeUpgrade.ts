/**
 * The gate of every WebSocket upgrade: decides from the request alone (URL, token, Origin) whether the
 * connection may exist, before any document is loaded or created.
 */
import { parseDocName, type DocName } from '@shared/collab/docNames';
import { readDevice, readsDeflated, wantsExtensions } from '@shared/collab/syncProtocol';
import type { Role } from '@shared/domain/settings';
import type { Members } from './Members';
import { canWrite } from './permissions';
import { verifyToken } from './tokens';

/** Everything a connection knows about its peer. */
export interface Session {
  docName: string;
  doc: DocName;
  memberId: string;
  memberName: string;
  role: Role;
  canWrite: boolean;
  /** The client asked for Duet's extension messages (`?duet=1`); stock y-websocket clients do not. */
  extensions: boolean;
  /** It also reads deflated sync replies (`?deflate=1`, with `duet=1`). */
  deflate: boolean;
  /** The client's per-install device id (`?device=`), or null (then the connection counts as its own device). */
  device: string | null;
}

/** A refusal: the HTTP status written back, and the metric label. */
export interface Refusal {
  status: 400 | 401 | 403 | 404 | 503;
  reason: string;
}

/** What the gate needs. */
export interface UpgradeGate {
  secret: Buffer;
  members: Pick<Members, 'get'>;
  /** When non-empty, browsers (requests with an Origin header) must come from one of these origins. */
  allowedOrigins: readonly string[];
}

/** Authorizes an upgrade request; `url` is the request target (path and query). */
export async function authorizeUpgrade(
  gate: UpgradeGate,
  url: string,
  origin: string | undefined,
  nowSeconds: number,
): Promise<{ ok: true; session: Session } | { ok: false; refusal: Refusal }> {
  const refuse = (status: Refusal['status'], reason: string) => ({ ok: false as const, refusal: { status, reason } });
  // Non-browser clients (the desktop app's main process, scripts) send no Origin and cannot be driven by a page.
  if (gate.allowedOrigins.length > 0 && origin !== undefined && !gate.allowedOrigins.includes(origin)) {
    return refuse(403, 'origin');
  }
  let parsed: URL;
  try {
    parsed = new URL(url, 'http://localhost');
  } catch {
    return refuse(400, 'bad-url');
  }
  const doc = parseDocName(parsed.pathname.slice(1));
  if (doc === null) return refuse(404, 'unknown-document');
  const token = parsed.searchParams.get('token');
  if (token === null || token === '') return refuse(401, 'missing-token');
  const claims = verifyToken(gate.secret, token, nowSeconds);
  if (!claims.ok) return refuse(401, claims.error.message === 'token expired' ? 'expired-token' : 'invalid-token');
  if (claims.value.ws !== doc.workspaceId) return refuse(403, 'other-workspace');
  let member: Awaited<ReturnType<Members['get']>>;
  try {
    member = await gate.members.get(claims.value.mid);
  } catch (error) {
    // The members store (PostgreSQL) is unreachable: the client is told to come back, not refused for good.
    console.warn(`[auth] members store unreachable: ${(error as Error).message}`);
    return refuse(503, 'store-unavailable');
  }
  if (member === null || member.workspace !== claims.value.ws) return refuse(401, 'unknown-member');
  if (member.revokedAt !== null) return refuse(403, 'revoked');
  // The members table is the only truth for the role: the token's role claim is informational, so a role
  // changed by an admin applies to tokens minted before it (and to open connections, see startSyncServer).
  return {
    ok: true,
    session: {
      docName: parsed.pathname.slice(1),
      doc,
      memberId: member.id,
      memberName: member.name,
      role: member.role,
      canWrite: canWrite(member.role, doc.kind),
      extensions: wantsExtensions(parsed.searchParams),
      deflate: readsDeflated(parsed.searchParams),
      device: readDevice(parsed.searchParams),
    },
  };
}
