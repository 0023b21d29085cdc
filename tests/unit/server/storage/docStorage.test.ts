// The same behaviour from both document stores: SQLite (node:sqlite) and the plain-file fallback.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { openFileStores } from '../../../../server/storage/openFileStores';
import { openSqliteStores } from '../../../../server/storage/openSqliteStores';
import type { ServerStores } from '../../../../server/storage/ServerStores';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'duet-store-'));
  dirs.push(dir);
  return dir;
}

/** A few real Yjs updates of one document, in order. */
function updates(count: number, text = 'x'): Uint8Array[] {
  const doc = new Y.Doc();
  const out: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => out.push(update));
  for (let i = 0; i < count; i++) doc.getText('root').insert(i, text);
  return out;
}

function textOf(stored: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const update of stored) Y.applyUpdate(doc, update);
  return doc.getText('root').toString();
}

describe.each([
  ['sqlite', openSqliteStores],
  ['files', openFileStores],
] as const)('the %s document store', (kind, open: (dir: string, options?: { fsync?: boolean }) => ServerStores) => {
  it('says which kind it is', async () => {
    const stores = open(tempDir());
    expect(stores.kind).toBe(kind);
    await stores.close();
  });

  it('loads nothing for a document never written', async () => {
    const stores = open(tempDir());
    expect(await stores.storage.load('acme/playbook/none')).toEqual([]);
    await stores.close();
  });

  it('returns every append, byte for byte and in order, after closing and reopening', async () => {
    const dir = tempDir();
    const written = updates(20);
    const stores = open(dir);
    for (const update of written) await stores.storage.append('acme/playbook/p1', update);
    expect(await stores.storage.load('acme/playbook/p1')).toEqual(written);
    await stores.close();
    const reopened = open(dir);
    expect(await reopened.storage.load('acme/playbook/p1')).toEqual(written);
    await reopened.close();
  });

  it('keeps documents apart, including names that differ only in case', async () => {
    const stores = open(tempDir());
    await stores.storage.append('acme/playbook/Abc', updates(1, 'A')[0]!);
    await stores.storage.append('acme/playbook/abc', updates(1, 'a')[0]!);
    await stores.storage.append('acme/notes/abc', updates(1, 'n')[0]!);
    expect(textOf(await stores.storage.load('acme/playbook/Abc'))).toBe('A');
    expect(textOf(await stores.storage.load('acme/playbook/abc'))).toBe('a');
    expect(textOf(await stores.storage.load('acme/notes/abc'))).toBe('n');
    await stores.close();
  });

  it('compacts a log into one merged update with the same content, and appends after it are kept', async () => {
    const dir = tempDir();
    const written = updates(30);
    const stores = open(dir);
    for (const update of written.slice(0, 25)) await stores.storage.append('acme/directory', update);
    expect(await stores.storage.compact('acme/directory')).toEqual({ rowsBefore: 25, rowsAfter: 1 });
    expect(await stores.storage.load('acme/directory')).toHaveLength(1);
    for (const update of written.slice(25)) await stores.storage.append('acme/directory', update);
    await stores.close();
    const reopened = open(dir);
    const stored = await reopened.storage.load('acme/directory');
    expect(stored).toHaveLength(6);
    expect(textOf(stored)).toBe(textOf(written));
    expect(await reopened.storage.compact('acme/directory')).toEqual({ rowsBefore: 6, rowsAfter: 1 });
    expect(await reopened.storage.compact('acme/directory')).toEqual({ rowsBefore: 1, rowsAfter: 1 });
    expect(await reopened.storage.compact('acme/none')).toEqual({ rowsBefore: 0, rowsAfter: 0 });
    await reopened.close();
  });

  it('flushes every append when asked to (fsync)', async () => {
    const dir = tempDir();
    const stores = open(dir, { fsync: true });
    const written = updates(5);
    for (const update of written) await stores.storage.append('acme/playbook/p1', update);
    expect(await stores.storage.load('acme/playbook/p1')).toEqual(written);
    await stores.close();
  });
});
