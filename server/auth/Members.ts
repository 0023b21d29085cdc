/**
 * Who may connect: the interface between the server (upgrade gate, revocation check, host invites) and a
 * members store — `MemberStore` over SQLite, or `FileMemberStore` where `node:sqlite` is missing.
 */
import type { Role } from '@shared/domain/settings';

/** One member of one workspace. Times are Unix seconds. */
export interface Member {
  id: string;
  workspace: string;
  name: string;
  role: Role;
  createdAt: number;
  revokedAt: number | null;
}

/** A members store. Synchronous: the upgrade gate asks it once per connection, inside the upgrade event. */
export interface Members {
  /** Adds a member and returns it. */
  add(workspace: string, name: string, role: Role, nowSeconds: number): Member;
  /** The member with this id, or null. */
  get(id: string): Member | null;
  /** Marks a member revoked; false when no active member has this id. */
  revoke(id: string, nowSeconds: number): boolean;
  /** Members of one workspace, or of all when `workspace` is omitted. */
  list(workspace?: string): Member[];
}
