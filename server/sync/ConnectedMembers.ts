/**
 * Who is connected right now, and the membership rules that apply to open connections: a revoked member is
 * disconnected, and a member whose role changed is disconnected so that its client reconnects under the
 * new role (the role of a connection is fixed at its upgrade). Also keeps "last seen" in the members store
 * without writing on every connection: at most once a minute per member, the last change of a minute
 * written when the minute is over.
 */
import type { Session } from '../auth/authorizeUpgrade';
import type { Member, Members } from '../auth/Members';
import { CLOSE_REVOKED, CLOSE_ROLE_CHANGED } from '../protocol/messageTypes';

/** What this needs of a connection. */
export interface MemberConnection {
  readonly session: Session;
  close(code: number, reason: string): void;
}

/** Shortest time between two "last seen" writes of one member, in seconds. */
export const LAST_SEEN_INTERVAL_SECONDS = 60;

/** The open connections, grouped by member. */
export class ConnectedMembers {
  private readonly open = new Set<MemberConnection>();
  /** When each member's last-seen time was last written (Unix seconds). */
  private readonly written = new Map<string, number>();
  /** Members seen since their last write, waiting for the interval to pass. */
  private readonly pending = new Set<string>();
  /** Set by `flush`: the store is about to close, so later sightings are not written. */
  private flushed = false;
  /** Last-seen writes under way; `flush` waits for them. */
  private readonly writing = new Set<Promise<void>>();

  constructor(
    private readonly members: Pick<Members, 'get' | 'markSeen'>,
    private readonly nowSeconds: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  /** Number of open connections. */
  get size(): number {
    return this.open.size;
  }

  /** Iterates the open connections. */
  [Symbol.iterator](): IterableIterator<MemberConnection> {
    return this.open.values();
  }

  /** A connection opened. */
  add(connection: MemberConnection): void {
    this.open.add(connection);
    this.seen(connection.session.memberId);
  }

  /** A connection closed. */
  remove(connection: MemberConnection): void {
    if (this.open.delete(connection)) this.seen(connection.session.memberId);
  }

  /**
   * Devices connected now, per member id: distinct `device` ids among the member's open connections; a
   * connection without one (a stock client) counts as a device of its own.
   */
  devices(): Map<string, number> {
    const byMember = new Map<string, Set<unknown>>();
    for (const connection of this.open) {
      const { memberId, device } = connection.session;
      let devices = byMember.get(memberId);
      if (devices === undefined) byMember.set(memberId, (devices = new Set()));
      devices.add(device ?? connection);
    }
    return new Map([...byMember].map(([id, devices]) => [id, devices.size]));
  }

  /**
   * Applies the members table to open connections (it may be changed by another process, e.g. the
   * `revoke`/`role` commands): revoked → closed for good (4403); role changed → closed with 4501, which
   * y-websocket retries at once. Then writes the last-seen times whose interval has passed.
   */
  async check(): Promise<void> {
    const ids = [...new Set([...this.open].map((connection) => connection.session.memberId))];
    let current: Map<string, Member | null>;
    try {
      current = new Map(await Promise.all(ids.map(async (id) => [id, await this.members.get(id)] as const)));
    } catch (error) {
      // The store is unreachable (a cluster's PostgreSQL restarting): keep everyone, check again next time.
      console.warn(`[members] membership check skipped: ${(error as Error).message}`);
      return;
    }
    for (const connection of this.open) {
      const { memberId, role } = connection.session;
      if (!current.has(memberId)) continue; // connected while the members were being read
      const member = current.get(memberId) ?? null;
      if (member === null || member.revokedAt !== null) connection.close(CLOSE_REVOKED, 'revoked');
      else if (member.role !== role) connection.close(CLOSE_ROLE_CHANGED, 'role-changed');
    }
    const now = this.nowSeconds();
    for (const id of this.pending) {
      if (now - (this.written.get(id) ?? 0) >= LAST_SEEN_INTERVAL_SECONDS) this.write(id, now);
    }
  }

  /** Writes every pending last-seen time now; the server is stopping, so nothing is written after this. */
  async flush(): Promise<void> {
    this.flushed = true;
    const now = this.nowSeconds();
    for (const id of this.pending) this.write(id, now);
    await Promise.all([...this.writing]);
  }

  private seen(memberId: string): void {
    if (this.flushed) return;
    const now = this.nowSeconds();
    const last = this.written.get(memberId);
    if (last === undefined || now - last >= LAST_SEEN_INTERVAL_SECONDS) this.write(memberId, now);
    else this.pending.add(memberId);
  }

  private write(memberId: string, now: number): void {
    this.pending.delete(memberId);
    this.written.set(memberId, now);
    const writing = this.members.markSeen(memberId, now).catch((error: unknown) => {
      // A busy or full disk must not close anyone's connection over a "last seen" time: report it and go on.
      console.error(`[members] could not record when ${memberId} was last seen`, error);
    });
    this.writing.add(writing);
    void writing.finally(() => this.writing.delete(writing));
  }
}
