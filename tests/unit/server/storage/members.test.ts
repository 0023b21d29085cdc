// The same behaviour from both members stores, including the one that matters across processes: the
// `invite`/`revoke` commands write while a running server reads, and the server sees it without a restart.
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FileMemberStore, MEMBERS_FILE } from '../../../../server/auth/FileMemberStore';
import { openFileStores } from '../../../../server/storage/openFileStores';
import { openSqliteStores } from '../../../../server/storage/openSqliteStores';
import type { ServerStores } from '../../../../server/storage/ServerStores';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'duet-members-'));
  dirs.push(dir);
  return dir;
}

describe.each([
  ['sqlite', openSqliteStores],
  ['files', openFileStores],
] as const)('the %s members store', (_kind, open: (dir: string) => ServerStores) => {
  it('adds, finds, lists by workspace and revokes once', async () => {
    const stores = open(tempDir());
    const { members } = stores;
    const sam = members.add('acme', 'Sam', 'sales', 100);
    const ada = members.add('acme', 'Ada', 'storyteller', 101);
    members.add('other', 'Olu', 'viewer', 102);
    expect(members.get(sam.id)).toEqual({ ...sam, revokedAt: null, lastSeenAt: null });
    expect(members.get('m-nobody')).toBeNull();
    expect(members.list('acme').map((m) => m.name)).toEqual(['Sam', 'Ada']);
    expect(members.list().map((m) => m.workspace)).toEqual(['acme', 'acme', 'other']);
    expect(members.revoke(sam.id, 200)).toBe(true);
    expect(members.revoke(sam.id, 300)).toBe(false);
    expect(members.revoke('m-nobody', 300)).toBe(false);
    expect(members.get(sam.id)?.revokedAt).toBe(200);
    expect(members.get(ada.id)?.revokedAt).toBeNull();
    await stores.close();
  });

  it('changes the role of an active member only, and remembers when a member was last seen', async () => {
    const stores = open(tempDir());
    const { members } = stores;
    const sam = members.add('acme', 'Sam', 'sales', 100);
    const ada = members.add('acme', 'Ada', 'storyteller', 101);
    expect(members.setRole(sam.id, 'marketing')).toBe(true);
    expect(members.get(sam.id)?.role).toBe('marketing');
    expect(members.setRole('m-nobody', 'viewer')).toBe(false);
    members.revoke(ada.id, 150);
    expect(members.setRole(ada.id, 'viewer')).toBe(false);
    expect(members.get(ada.id)?.role).toBe('storyteller');
    members.markSeen(sam.id, 300);
    members.markSeen(sam.id, 360);
    expect(members.get(sam.id)?.lastSeenAt).toBe(360);
    expect(members.list('acme').map((m) => m.lastSeenAt)).toEqual([360, null]);
    await stores.close();
  });

  it('sees members added and revoked by another process without reopening', async () => {
    const dir = tempDir();
    const server = open(dir);
    const cli = open(dir);
    const sam = cli.members.add('acme', 'Sam', 'sales', 100);
    expect(server.members.get(sam.id)?.name).toBe('Sam');
    cli.members.setRole(sam.id, 'viewer');
    expect(server.members.get(sam.id)?.role).toBe('viewer');
    cli.members.revoke(sam.id, 150);
    expect(server.members.get(sam.id)?.revokedAt).toBe(150);
    await cli.close();
    await server.close();
  });
});

describe('a SQLite data folder from before "last seen"', () => {
  it('gains the column on open and keeps its members', async () => {
    const dir = tempDir();
    const old = new DatabaseSync(join(dir, 'duet.sqlite'));
    old.exec(`CREATE TABLE members (id TEXT PRIMARY KEY, workspace TEXT NOT NULL, name TEXT NOT NULL,
      role TEXT NOT NULL, created_at INTEGER NOT NULL, revoked_at INTEGER)`);
    old.prepare('INSERT INTO members VALUES (?, ?, ?, ?, ?, NULL)').run('m-old', 'acme', 'Ola', 'sales', 5);
    old.close();
    const stores = openSqliteStores(dir);
    expect(stores.members.get('m-old')).toMatchObject({ name: 'Ola', role: 'sales', lastSeenAt: null });
    stores.members.markSeen('m-old', 77);
    expect(stores.members.get('m-old')?.lastSeenAt).toBe(77);
    await stores.close();
  });
});

describe('the members file survives a crash mid-write', () => {
  it('skips a torn line and keeps every member before and after it', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const dir = tempDir();
    const before = new FileMemberStore(dir).add('acme', 'Ada', 'storyteller', 1);
    appendFileSync(join(dir, MEMBERS_FILE), '{"op":"add","id":"m-torn","workspa'); // the crash
    const reader = new FileMemberStore(dir);
    expect(reader.list().map((m) => m.name)).toEqual(['Ada']);
    const after = new FileMemberStore(dir).add('acme', 'Sam', 'sales', 2);
    expect(readFileSync(join(dir, MEMBERS_FILE), 'utf8')).toContain('workspa\n{"op":"add"');
    for (const store of [reader, new FileMemberStore(dir)]) {
      expect(store.get(before.id)?.name).toBe('Ada');
      expect(store.get(after.id)?.name).toBe('Sam');
      expect(store.get('m-torn')).toBeNull();
    }
  });
});
