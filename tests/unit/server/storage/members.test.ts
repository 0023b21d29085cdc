// What only the embedded members stores must get right: an old SQLite folder migrates, and a torn line of
// the members file is skipped. (What every members store does: storeContract.test.ts.)
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FileMemberStore, MEMBERS_FILE } from '../../../../server/auth/FileMemberStore';
import { openSqliteStores } from '../../../../server/storage/openSqliteStores';

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

describe('a SQLite data folder from before "last seen"', () => {
  it('gains the column on open and keeps its members', async () => {
    const dir = tempDir();
    const old = new DatabaseSync(join(dir, 'duet.sqlite'));
    old.exec(`CREATE TABLE members (id TEXT PRIMARY KEY, workspace TEXT NOT NULL, name TEXT NOT NULL,
      role TEXT NOT NULL, created_at INTEGER NOT NULL, revoked_at INTEGER)`);
    old.prepare('INSERT INTO members VALUES (?, ?, ?, ?, ?, NULL)').run('m-old', 'acme', 'Ola', 'sales', 5);
    old.close();
    const stores = openSqliteStores(dir);
    expect(await stores.members.get('m-old')).toMatchObject({ name: 'Ola', role: 'sales', lastSeenAt: null });
    await stores.members.markSeen('m-old', 77);
    expect((await stores.members.get('m-old'))?.lastSeenAt).toBe(77);
    await stores.close();
  });
});

describe('the members file survives a crash mid-write', () => {
  it('skips a torn line and keeps every member before and after it', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const dir = tempDir();
    const before = await new FileMemberStore(dir).add('acme', 'Ada', 'storyteller', 1);
    appendFileSync(join(dir, MEMBERS_FILE), '{"op":"add","id":"m-torn","workspa'); // the crash
    const reader = new FileMemberStore(dir);
    expect((await reader.list()).map((m) => m.name)).toEqual(['Ada']);
    const after = await new FileMemberStore(dir).add('acme', 'Sam', 'sales', 2);
    expect(readFileSync(join(dir, MEMBERS_FILE), 'utf8')).toContain('workspa\n{"op":"add"');
    for (const store of [reader, new FileMemberStore(dir)]) {
      expect((await store.get(before.id))?.name).toBe('Ada');
      expect((await store.get(after.id))?.name).toBe('Sam');
      expect(await store.get('m-torn')).toBeNull();
    }
  });
});
