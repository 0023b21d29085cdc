/**
 * Members in a plain file, for runtimes without `node:sqlite`: `{dataDir}/members.jsonl`, one JSON event per
 * line (`add`, `revoke`, `role`, `seen`), appended and flushed. Like the SQLite table it may be written by another process
 * (the `invite`/`revoke` commands) while a server reads it: every read first takes in the lines appended
 * since the last one, so an invite works without a restart and a revocation reaches open connections.
 */
import { closeSync, existsSync, fstatSync, fsyncSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { newId } from '@shared/domain/ids';
import { ROLES, type Role } from '@shared/domain/settings';
import { writeFully } from '../storage/writeFully';
import type { Member, Members } from './Members';

/** The file name inside the data directory. */
export const MEMBERS_FILE = 'members.jsonl';

const eventSchema = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('add'),
    id: z.string().min(1),
    workspace: z.string().min(1),
    name: z.string(),
    role: z.enum(ROLES),
    createdAt: z.number().int(),
    email: z.string().optional(),
  }),
  z.object({ op: z.literal('revoke'), id: z.string().min(1), at: z.number().int() }),
  z.object({ op: z.literal('role'), id: z.string().min(1), role: z.enum(ROLES), at: z.number().int() }),
  z.object({ op: z.literal('seen'), id: z.string().min(1), at: z.number().int() }),
]);
type MemberEvent = z.infer<typeof eventSchema>;

/** `Members` over an append-only JSON-lines file. */
export class FileMemberStore implements Members {
  private readonly path: string;
  private readonly members = new Map<string, Member>();
  /** Bytes of the file already applied (always just after a newline). */
  private consumed = 0;

  constructor(dataDir: string) {
    this.path = join(dataDir, MEMBERS_FILE);
    if (!existsSync(this.path)) closeSync(openSync(this.path, 'a', 0o600));
    this.refresh();
  }

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
    this.write({ op: 'add', id: member.id, workspace, name, role, createdAt: nowSeconds, ...(email ? { email } : {}) });
    return member;
  }

  async get(id: string): Promise<Member | null> {
    this.refresh();
    const member = this.members.get(id);
    return member ? { ...member } : null;
  }

  async revoke(id: string, nowSeconds: number): Promise<boolean> {
    const member = await this.get(id);
    if (member === null || member.revokedAt !== null) return false;
    this.write({ op: 'revoke', id, at: nowSeconds });
    return true;
  }

  async setRole(id: string, role: Role): Promise<boolean> {
    const member = await this.get(id);
    if (member === null || member.revokedAt !== null) return false;
    if (member.role !== role) this.write({ op: 'role', id, role, at: Math.floor(Date.now() / 1000) });
    return true;
  }

  async markSeen(id: string, nowSeconds: number): Promise<void> {
    if ((await this.get(id)) !== null) this.write({ op: 'seen', id, at: nowSeconds });
  }

  async list(workspace?: string): Promise<Member[]> {
    this.refresh();
    return [...this.members.values()]
      .filter((m) => workspace === undefined || m.workspace === workspace)
      .sort((a, b) => a.workspace.localeCompare(b.workspace) || a.createdAt - b.createdAt || a.id.localeCompare(b.id))
      .map((m) => ({ ...m }));
  }

  /** Appends one event as a single write (O_APPEND: lines of two processes never interleave) and flushes it. */
  private write(event: MemberEvent): void {
    const fd = openSync(this.path, 'a', 0o600);
    try {
      const size = fstatSync(fd).size;
      let line = JSON.stringify(event) + '\n';
      // A crash mid-write can leave a line without its newline; start on a fresh line so ours stays readable.
      if (size > 0 && this.lastByte(size) !== 0x0a) line = '\n' + line;
      const bytes = Buffer.from(line, 'utf8');
      writeFully(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.refresh();
  }

  private lastByte(size: number): number {
    const fd = openSync(this.path, 'r');
    try {
      const byte = Buffer.alloc(1);
      readSync(fd, byte, 0, 1, size - 1);
      return byte[0] ?? 0;
    } finally {
      closeSync(fd);
    }
  }

  /** Applies the complete lines appended since the last read. */
  private refresh(): void {
    const size = statSync(this.path).size;
    if (size < this.consumed) {
      // Replaced by a shorter file (restored from a backup): read it from the start.
      this.members.clear();
      this.consumed = 0;
    }
    if (size === this.consumed) return;
    const fd = openSync(this.path, 'r');
    let chunk: Buffer;
    try {
      chunk = Buffer.alloc(size - this.consumed);
      readSync(fd, chunk, 0, chunk.length, this.consumed);
    } finally {
      closeSync(fd);
    }
    // A line still being written (or torn by a crash) has no newline yet: leave it for the next read.
    const end = chunk.lastIndexOf(0x0a) + 1;
    for (const line of chunk.subarray(0, end).toString('utf8').split('\n')) {
      if (line.trim() !== '') this.apply(line);
    }
    this.consumed += end;
  }

  private apply(line: string): void {
    let event: MemberEvent;
    try {
      event = eventSchema.parse(JSON.parse(line));
    } catch {
      // A line torn by a crash, followed by later events: skip it rather than lose every member after it.
      console.warn(`[members] skipped an unreadable line in ${this.path}`);
      return;
    }
    if (event.op === 'add') {
      const { id, workspace, name, role, createdAt, email } = event;
      if (!this.members.has(id))
        this.members.set(id, {
          id,
          workspace,
          name,
          role,
          createdAt,
          revokedAt: null,
          lastSeenAt: null,
          ...(email ? { email } : {}),
        });
      return;
    }
    const member = this.members.get(event.id);
    if (member === undefined) return;
    if (event.op === 'seen') member.lastSeenAt = Math.max(event.at, member.lastSeenAt ?? 0);
    // A revoked member stays revoked, with the role it had then.
    else if (member.revokedAt !== null) return;
    else if (event.op === 'role') member.role = event.role;
    else member.revokedAt = event.at;
  }
}
