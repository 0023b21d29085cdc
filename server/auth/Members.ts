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
  /** The member's e-mail, when the invite gave one: how a CRM deal's owner is matched to a member. */
  email?: string;
}

/**
 * A members store. Asynchronous, because the cluster's store is PostgreSQL over the network; the embedded
 * ones (SQLite, files) answer at once with settled promises.
 */
export interface Members {
  /** Adds a member (with an e-mail when known) and returns it. */
  add(workspace: string, name: string, role: Role, nowSeconds: number, email?: string): Promise<Member>;
  /** The member with this id, or null. */
  get(id: string): Promise<Member | null>;
  /** Marks a member revoked; false when no active member has this id. */
  revoke(id: string, nowSeconds: number): Promise<boolean>;
  /** Members of one workspace, or of all when `workspace` is omitted. */
  list(workspace?: string): Promise<Member[]>;
  /**
   * Changes an active member's role; false when no active member has this id. The members table is the
   * only truth for a role: open connections follow within seconds (startSyncServer's membership check).
   */
  setRole(id: string, role: Role): Promise<boolean>;
  /** Records that the member was seen (connected or disconnected) at `nowSeconds`. */
  markSeen(id: string, nowSeconds: number): Promise<void>;
}
