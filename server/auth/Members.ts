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
  /**
   * When a connection of this member last opened or closed, or null if it never connected. Written at
   * most once a minute per member (see `LastSeen`), so it may lag the truth by up to a minute.
   */
  lastSeenAt: number | null;
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
  /**
   * Changes an active member's role; false when no active member has this id. The members table is the
   * only truth for a role: open connections follow within seconds (startSyncServer's membership check).
   */
  setRole(id: string, role: Role): boolean;
  /** Records that the member was seen (connected or disconnected) at `nowSeconds`. */
  markSeen(id: string, nowSeconds: number): void;
}
