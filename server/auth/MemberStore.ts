/**
 * Workspace members in SQLite. A token is only as good as its member row: `revoke` marks the row, and the
 * server refuses (and disconnects) any token of a revoked member.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { newId } from '@shared/domain/ids';
import type { Role } from '@shared/domain/settings';
import type { Member, Members } from './Members';

export type { Member } from './Members';

interface MemberRow {
  id: string;
  workspace: string;
  name: string;
  role: string;
  created_at: number;
  revoked_at: number | null;
  last_seen_at: number | null;
  email?: string | null;
}

function toMember(row: MemberRow): Member {
  return {
    id: row.id,
    workspace: row.workspace,
    name: row.name,
    role: row.role as Role,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    lastSeenAt: row.last_seen_at ?? null,
    ...(row.email ? { email: row.email } : {}),
  };
}

/** Reads and writes the `members` table. */
export class MemberStore implements Members {
  private readonly insert: StatementSync;
  private readonly byId: StatementSync;
  private readonly revokeById: StatementSync;
  private readonly all: StatementSync;
  private readonly inWorkspace: StatementSync;
  private readonly roleById: StatementSync;
  private readonly seenById: StatementSync;

  constructor(db: DatabaseSync) {
    this.insert = db.prepare(
      'INSERT INTO members (id, workspace, name, role, created_at, revoked_at, email) VALUES (?, ?, ?, ?, ?, NULL, ?)',
    );
    this.byId = db.prepare('SELECT * FROM members WHERE id = ?');
    this.revokeById = db.prepare('UPDATE members SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
    this.all = db.prepare('SELECT * FROM members ORDER BY workspace, created_at, id');
    this.inWorkspace = db.prepare('SELECT * FROM members WHERE workspace = ? ORDER BY created_at, id');
    this.roleById = db.prepare('UPDATE members SET role = ? WHERE id = ? AND revoked_at IS NULL');
    this.seenById = db.prepare('UPDATE members SET last_seen_at = ? WHERE id = ?');
  }

  /** Adds a member and returns it. */
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
    this.insert.run(member.id, workspace, name, role, nowSeconds, email ?? null);
    return member;
  }

  /** The member with this id, or null. */
  async get(id: string): Promise<Member | null> {
    const row = this.byId.get(id) as MemberRow | undefined;
    return row ? toMember(row) : null;
  }

  /** Marks a member revoked; false when no active member has this id. */
  async revoke(id: string, nowSeconds: number): Promise<boolean> {
    return this.revokeById.run(nowSeconds, id).changes > 0;
  }

  /** Members of one workspace, or of all when `workspace` is omitted. */
  async list(workspace?: string): Promise<Member[]> {
    const rows = (workspace === undefined ? this.all.all() : this.inWorkspace.all(workspace)) as unknown[];
    return (rows as MemberRow[]).map(toMember);
  }

  /** Changes an active member's role; false when no active member has this id. */
  async setRole(id: string, role: Role): Promise<boolean> {
    return this.roleById.run(role, id).changes > 0;
  }

  /** Records when the member was last seen. */
  async markSeen(id: string, nowSeconds: number): Promise<void> {
    this.seenById.run(nowSeconds, id);
  }
}
