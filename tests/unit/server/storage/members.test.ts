// The same behaviour from both members stores, including the one that matters across processes: the
// `invite`/`revoke` commands write while a running server reads, and the server sees it without a restart.
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
    expect(members.get(sam.id)).toEqual({ ...sam, revokedAt: null });
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

  it('sees members added and revoked by another process without reopening', async () => {
    const dir = tempDir();
    const server = open(dir);
    const cli = open(dir);
    const sam = cli.members.add('acme', 'Sam', 'sales', 100);
    expect(server.members.get(sam.id)?.name).toBe('Sam');
    cli.members.revoke(sam.id, 150);
    expect(server.members.get(sam.id)?.revokedAt).toBe(150);
    await cli.close();
    await server.close();
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
