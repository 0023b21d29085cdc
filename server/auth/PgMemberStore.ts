/**
 * Workspace members in PostgreSQL, shared by every node of a cluster: an invite made through any node (or
 * the `invite --database-url` command) is valid on all of them, and a revocation reaches every node's open
 * connections at its next membership check.
 */
import type { Pool } from 'pg';
import { newId } from '@shared/domain/ids';
import type { Role } from '@shared/domain/settings';
import type { Member, Members } from './Members';

interface MemberRow {
  id: string;
  workspace: string;
  name: string;
  role: string;
  created_at: string;
  revoked_at: string | null;
  last_seen_at: string | null;
  email: string | null;
}

/** BIGINT columns arrive as strings from `pg`; Unix seconds fit a double exactly. */
const seconds = (value: string | null): number | null => (value === null ? null : Number(value));

function toMember(row: MemberRow): Member {
  return {
    id: row.id,
    workspace: row.workspace,
    name: row.name,
    role: row.role as Role,
    createdAt: Number(row.created_at),
    revokedAt: seconds(row.revoked_at),
    lastSeenAt: seconds(row.last_seen_at),
    ...(row.email ? { email: row.email } : {}),
  };
}

/** Reads and writes `duet_members`. */
export class PgMemberStore implements Members {
  constructor(private readonly pool: Pool) {}

  async add(workspace: string, name: string, role: Role, nowSeconds: number, email?: string): Promise<Member> {
    const member: Member = {
      id: newId('m'),
      workspace,
      name,
      role,
      createdAt: nowSeconds,
      revokedAt: null,
      lastSeenAt: null,
      ...(email ? { email } : {}),
    };
    await this.pool.query(
      'INSERT INTO duet_members (id, workspace, name, role, created_at, email) VALUES ($1, $2, $3, $4, $5, $6)',
      [member.id, workspace, name, role, nowSeconds, email ?? null],
    );
    return member;
  }

  async get(id: string): Promise<Member | null> {
    const { rows } = await this.pool.query<MemberRow>('SELECT * FROM duet_members WHERE id = $1', [id]);
    return rows[0] ? toMember(rows[0]) : null;
  }

  async revoke(id: string, nowSeconds: number): Promise<boolean> {
    const result = await this.pool.query(
      'UPDATE duet_members SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL',
      [nowSeconds, id],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async list(workspace?: string): Promise<Member[]> {
    const { rows } =
      workspace === undefined
        ? await this.pool.query<MemberRow>('SELECT * FROM duet_members ORDER BY workspace, created_at, id')
        : await this.pool.query<MemberRow>('SELECT * FROM duet_members WHERE workspace = $1 ORDER BY created_at, id', [
            workspace,
          ]);
    return rows.map(toMember);
  }

  async setRole(id: string, role: Role): Promise<boolean> {
    const result = await this.pool.query('UPDATE duet_members SET role = $1 WHERE id = $2 AND revoked_at IS NULL', [
      role,
      id,
    ]);
    return (result.rowCount ?? 0) > 0;
  }

  async markSeen(id: string, nowSeconds: number): Promise<void> {
    await this.pool.query('UPDATE duet_members SET last_seen_at = $1 WHERE id = $2', [nowSeconds, id]);
  }
}
