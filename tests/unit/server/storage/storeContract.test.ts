// One contract, three stores: the embedded SQLite store, the plain-file fallback and a cluster's PostgreSQL
// (a real server, started for this file). Documents (sequence numbers, group commit, compaction),
// members and CRM connections (with the revision check that keeps a CRM runner from overwriting a
// `crm connect` it has not seen, and the cluster's single-runner lock) behave the same whichever the
// server runs on.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { START_CURSOR } from '../../../../server/crm/CrmConnector';
import { WAITING_STATUS, type CrmConnection } from '../../../../server/crm/store/CrmStore';
import { openFileStores } from '../../../../server/storage/openFileStores';
import { openSqliteStores } from '../../../../server/storage/openSqliteStores';
import { openPostgresStores } from '../../../../server/storage/postgres/openPostgresStores';
import type { ServerStores } from '../../../../server/storage/ServerStores';
import { clusterServicesMissing, startPostgres, type Postgres } from '../helpers/clusterServices';
import { typedUpdates } from '../helpers/typedUpdates';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

let postgres: Postgres | null = null;
let databases = 0;
beforeAll(async () => {
  if (clusterServicesMissing === null) postgres = await startPostgres();
}, 60_000);
afterAll(async () => {
  await postgres?.dispose();
});

/** How to get a fresh place for stores, and open (or reopen) the stores there. */
interface Kind {
  name: 'sqlite' | 'files' | 'postgres';
  /** How the suite names it. */
  label: string;
  fresh(): Promise<string>;
  open(place: string, options?: { fsync?: boolean }): Promise<ServerStores>;
}

const tempDir = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'duet-store-'));
  dirs.push(dir);
  return dir;
};

const KINDS: Kind[] = [
  { name: 'sqlite', label: 'SQLite', fresh: tempDir, open: async (dir, options) => openSqliteStores(dir, options) },
  {
    // As the sync server opens it: appends go through the journal (UpdateJournal.ts).
    name: 'sqlite',
    label: 'SQLite as served (journal)',
    fresh: tempDir,
    open: async (dir, options) => openSqliteStores(dir, { ...options, serving: true }),
  },
  { name: 'files', label: 'file', fresh: tempDir, open: async (dir, options) => openFileStores(dir, options) },
  {
    name: 'postgres',
    label: 'PostgreSQL',
    fresh: () => (postgres as Postgres).createDatabase(`contract${++databases}`),
    open: (databaseUrl) => openPostgresStores({ databaseUrl }),
  },
];

/** A few real Yjs updates of one document, in order. */
const updates = (count: number, text = 'x') => typedUpdates(count, () => text);

function textOf(stored: { update: Uint8Array }[]): string {
  const doc = new Y.Doc();
  for (const row of stored) Y.applyUpdate(doc, row.update);
  return doc.getText('root').toString();
}

const bytes = (stored: { update: Uint8Array }[]) => stored.map((row) => Buffer.from(row.update));

describe.each(KINDS)('the $label store', (kind) => {
  const it_ = kind.name === 'postgres' && clusterServicesMissing !== null ? it.skip : it;

  it_('says which kind it is, and loads nothing for a document never written', async () => {
    const stores = await kind.open(await kind.fresh());
    expect(stores.kind).toBe(kind.name);
    expect(await stores.storage.load('acme/playbook/none')).toEqual([]);
    expect(await stores.reachable()).toBe(true);
    await stores.close();
  });

  it_('numbers appends 1, 2, 3… per document and returns them byte for byte after reopening', async () => {
    const place = await kind.fresh();
    const written = updates(20);
    const stores = await kind.open(place);
    expect(await stores.storage.append('acme/playbook/p1', [written[0]!])).toBe(1);
    // A batch is one transaction; its updates are numbered consecutively and the last number comes back.
    expect(await stores.storage.append('acme/playbook/p1', written.slice(1, 5))).toBe(5);
    for (const update of written.slice(5)) await stores.storage.append('acme/playbook/p1', [update]);
    expect(await stores.storage.append('acme/playbook/p2', [written[0]!])).toBe(1);
    await stores.close();
    const reopened = await kind.open(place);
    const stored = await reopened.storage.load('acme/playbook/p1');
    expect(stored.map((row) => row.seq)).toEqual(written.map((_, i) => i + 1));
    expect(bytes(stored)).toEqual(written.map((update) => Buffer.from(update)));
    expect((await reopened.storage.load('acme/playbook/p1', 17)).map((row) => row.seq)).toEqual([18, 19, 20]);
    expect(await reopened.storage.append('acme/playbook/p1', [updates(21)[20]!])).toBe(21);
    await reopened.close();
  });

  it_('gives concurrent appends distinct, gapless numbers', async () => {
    const stores = await kind.open(await kind.fresh());
    const written = updates(40);
    const lasts = await Promise.all(
      Array.from({ length: 10 }, (_, i) => stores.storage.append('acme/directory', written.slice(i * 4, i * 4 + 4))),
    );
    expect([...lasts].sort((a, b) => a - b)).toEqual([4, 8, 12, 16, 20, 24, 28, 32, 36, 40]);
    const stored = await stores.storage.load('acme/directory');
    expect(stored.map((row) => row.seq)).toEqual(written.map((_, i) => i + 1));
    expect(textOf(stored)).toBe(textOf(written.map((update) => ({ update }))));
    await stores.close();
  });

  it_('gives concurrent single-update appends distinct, gapless numbers, from the first on', async () => {
    // One update per append is the relay path's common case (PostgreSQL stores it with its own statement).
    const stores = await kind.open(await kind.fresh());
    const written = updates(12);
    const lasts = await Promise.all(written.map((update) => stores.storage.append('acme/playbook/solo', [update])));
    expect([...lasts].sort((a, b) => a - b)).toEqual(written.map((_, i) => i + 1));
    const stored = await stores.storage.load('acme/playbook/solo');
    expect(stored.map((row) => row.seq)).toEqual(written.map((_, i) => i + 1));
    expect(new Set(stored.map((row) => Buffer.from(row.update).toString('hex')))).toEqual(
      new Set(written.map((update) => Buffer.from(update).toString('hex'))),
    );
    await stores.close();
  });

  it_('stores several documents in one append, each numbered after its own last update', async () => {
    const stores = await kind.open(await kind.fresh());
    const [a, b, c] = [updates(3, 'a'), updates(2, 'b'), updates(4, 'c')];
    await stores.storage.append('acme/playbook/b', b.slice(0, 1));
    // Out of name order on purpose: the numbers come back in the order the batches were given.
    expect(
      await stores.storage.appendMany([
        { docName: 'acme/playbook/c', updates: c },
        { docName: 'acme/playbook/a', updates: a },
        { docName: 'acme/playbook/b', updates: b.slice(1) },
      ]),
    ).toEqual([4, 3, 2]);
    for (const [name, written] of [
      ['acme/playbook/a', a],
      ['acme/playbook/b', b],
      ['acme/playbook/c', c],
    ] as const) {
      const stored = await stores.storage.load(name);
      expect(stored.map((row) => row.seq)).toEqual(written.map((_, i) => i + 1));
      expect(bytes(stored)).toEqual(written.map((update) => Buffer.from(update)));
    }
    // Two batches of one document, or an empty one, are refused before anything is stored.
    await expect(
      stores.storage.appendMany([
        { docName: 'acme/playbook/a', updates: a.slice(0, 1) },
        { docName: 'acme/playbook/a', updates: a.slice(1, 2) },
      ]),
    ).rejects.toThrow(/two batches/);
    await expect(stores.storage.appendMany([{ docName: 'acme/playbook/d', updates: [] }])).rejects.toThrow();
    expect((await stores.storage.load('acme/playbook/a')).length).toBe(3);
    await stores.close();
  });

  it_('gives concurrent multi-document appends distinct, gapless numbers per document', async () => {
    const stores = await kind.open(await kind.fresh());
    const docs = ['acme/playbook/x', 'acme/playbook/y', 'acme/playbook/z'];
    const written = updates(30);
    // Ten appends at once, each touching every document (in varying order), as nodes storing in parallel do.
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        stores.storage.appendMany(
          (i % 2 === 0 ? docs : [...docs].reverse()).map((docName) => ({ docName, updates: [written[i]!] })),
        ),
      ),
    );
    for (const name of docs) {
      expect((await stores.storage.load(name)).map((row) => row.seq)).toEqual(
        Array.from({ length: 10 }, (_, i) => i + 1),
      );
    }
    await stores.close();
  });

  it_('keeps documents apart, including names that differ only in case', async () => {
    const stores = await kind.open(await kind.fresh());
    await stores.storage.append('acme/playbook/Abc', updates(1, 'A'));
    await stores.storage.append('acme/playbook/abc', updates(1, 'a'));
    await stores.storage.append('acme/notes/abc', updates(1, 'n'));
    expect(textOf(await stores.storage.load('acme/playbook/Abc'))).toBe('A');
    expect(textOf(await stores.storage.load('acme/playbook/abc'))).toBe('a');
    expect(textOf(await stores.storage.load('acme/notes/abc'))).toBe('n');
    await stores.close();
  });

  it_('compacts into one update numbered like the last it replaced; numbering goes on after it', async () => {
    const place = await kind.fresh();
    const written = updates(30);
    const stores = await kind.open(place);
    await stores.storage.append('acme/directory', written.slice(0, 25));
    expect(await stores.storage.compact('acme/directory')).toEqual({ rowsBefore: 25, rowsAfter: 1 });
    expect((await stores.storage.load('acme/directory')).map((row) => row.seq)).toEqual([25]);
    // A reader that had only the first ten gets the merged row (it holds what it missed).
    expect(textOf(await stores.storage.load('acme/directory', 10))).toBe(
      textOf(written.slice(0, 25).map((update) => ({ update }))),
    );
    for (const update of written.slice(25)) await stores.storage.append('acme/directory', [update]);
    await stores.close();
    const reopened = await kind.open(place);
    const stored = await reopened.storage.load('acme/directory');
    expect(stored.map((row) => row.seq)).toEqual([25, 26, 27, 28, 29, 30]);
    expect(textOf(stored)).toBe(textOf(written.map((update) => ({ update }))));
    expect(await reopened.storage.compact('acme/directory')).toEqual({ rowsBefore: 6, rowsAfter: 1 });
    expect(await reopened.storage.compact('acme/directory')).toEqual({ rowsBefore: 1, rowsAfter: 1 });
    expect(await reopened.storage.compact('acme/none')).toEqual({ rowsBefore: 0, rowsAfter: 0 });
    expect(await reopened.storage.append('acme/directory', updates(1))).toBe(31);
    await reopened.close();
  });

  it_('leaves a large older row alone while compacting what follows it (the file store merges all)', async () => {
    const stores = await kind.open(await kind.fresh());
    const doc = new Y.Doc();
    const written: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => written.push(update));
    doc.getText('root').insert(0, 'x'.repeat(200_000)); // a large document: one 200 kB row
    for (let i = 0; i < 20; i++) doc.getText('root').insert(0, 'y');
    for (const update of written) await stores.storage.append('acme/notes/big', [update]);
    const tiered = kind.name !== 'files';
    expect(await stores.storage.compact('acme/notes/big')).toEqual({ rowsBefore: 21, rowsAfter: tiered ? 2 : 1 });
    const stored = await stores.storage.load('acme/notes/big');
    expect(stored.map((row) => row.seq)).toEqual(tiered ? [1, 21] : [21]);
    if (tiered) expect(stored[0]!.update).toEqual(written[0]); // never read, never rewritten
    expect(textOf(stored)).toBe(doc.getText('root').toString());
    // A reader that had the large row gets only the merged small ones.
    expect(textOf([...(await stores.storage.load('acme/notes/big', 1)), { update: written[0]! }])).toBe(
      doc.getText('root').toString(),
    );
    // Once what follows outweighs a quarter of it, everything is merged into one row again.
    const more: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => more.push(update));
    doc.getText('root').insert(0, 'z'.repeat(60_000));
    await stores.storage.append('acme/notes/big', more);
    expect(await stores.storage.compact('acme/notes/big')).toEqual({ rowsBefore: tiered ? 3 : 2, rowsAfter: 1 });
    const all = await stores.storage.load('acme/notes/big');
    expect(all.map((row) => row.seq)).toEqual([22]);
    expect(textOf(all)).toBe(doc.getText('root').toString());
    await stores.close();
  });

  it_('signs with one secret that survives a restart', async () => {
    const place = await kind.fresh();
    const stores = await kind.open(place);
    const secret = await stores.loadSecret();
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(await stores.loadSecret()).toEqual(secret);
    await stores.close();
    const reopened = await kind.open(place);
    expect(await reopened.loadSecret()).toEqual(secret);
    await reopened.close();
  });

  it_('adds, finds, lists by workspace, revokes once, changes roles and remembers last seen', async () => {
    const stores = await kind.open(await kind.fresh());
    const { members } = stores;
    const sam = await members.add('acme', 'Sam', 'sales', 100);
    const ada = await members.add('acme', 'Ada', 'storyteller', 101);
    await members.add('other', 'Olu', 'viewer', 102);
    expect(await members.get(sam.id)).toEqual({ ...sam, revokedAt: null, lastSeenAt: null });
    expect(await members.get('m-nobody')).toBeNull();
    expect((await members.list('acme')).map((m) => m.name)).toEqual(['Sam', 'Ada']);
    expect((await members.list()).map((m) => m.workspace)).toEqual(['acme', 'acme', 'other']);
    expect(await members.setRole(sam.id, 'marketing')).toBe(true);
    expect((await members.get(sam.id))?.role).toBe('marketing');
    expect(await members.setRole('m-nobody', 'viewer')).toBe(false);
    expect(await members.revoke(sam.id, 200)).toBe(true);
    expect(await members.revoke(sam.id, 300)).toBe(false);
    expect(await members.setRole(sam.id, 'viewer')).toBe(false);
    expect((await members.get(sam.id))?.revokedAt).toBe(200);
    await members.markSeen(ada.id, 300);
    await members.markSeen(ada.id, 360);
    expect((await members.list('acme')).map((m) => m.lastSeenAt)).toEqual([null, 360]);
    await stores.close();
  });

  it_("keeps a member's e-mail (how a CRM deal's owner is matched) across reopening", async () => {
    const place = await kind.fresh();
    let stores = await kind.open(place);
    const sam = await stores.members.add('acme', 'Sam', 'sales', 100, 'sam@acme.test');
    const ada = await stores.members.add('acme', 'Ada', 'storyteller', 101);
    await stores.close();
    stores = await kind.open(place);
    expect((await stores.members.get(sam.id))?.email).toBe('sam@acme.test');
    expect((await stores.members.list('acme')).map((m) => m.email)).toEqual(['sam@acme.test', undefined]);
    expect((await stores.members.get(ada.id))?.email).toBeUndefined();
    await stores.close();
  });

  it_('sees members added and revoked by another process (or node) without reopening', async () => {
    const place = await kind.fresh();
    const server = await kind.open(place);
    const cli = await kind.open(place);
    const sam = await cli.members.add('acme', 'Sam', 'sales', 100);
    expect((await server.members.get(sam.id))?.name).toBe('Sam');
    await cli.members.setRole(sam.id, 'viewer');
    expect((await server.members.get(sam.id))?.role).toBe('viewer');
    await cli.members.revoke(sam.id, 150);
    expect((await server.members.get(sam.id))?.revokedAt).toBe(150);
    await cli.close();
    await server.close();
  });
});

describe('embedded stores flush every write when asked to (fsync)', () => {
  it.each(KINDS.slice(0, 3))('$label', async (kind) => {
    const stores = await kind.open(await kind.fresh(), { fsync: true });
    const written = updates(5);
    await stores.storage.append('acme/playbook/p1', written);
    expect(bytes(await stores.storage.load('acme/playbook/p1'))).toEqual(written.map((u) => Buffer.from(u)));
    await stores.close();
  });
});

const connection = (workspace: string, revision = 1): CrmConnection => ({
  workspace,
  provider: 'hubspot',
  settings: {
    playbookId: 'p1',
    narrativesProperty: 'duet_narratives',
    competitorField: '',
    lossReasonField: '',
    writeBack: true,
    apiBase: null,
    pollSeconds: 300,
    extra: { currency: 'EUR' },
  },
  sealedCredentials: 'v1.a.b.c',
  cursor: START_CURSOR,
  status: WAITING_STATUS,
  revision,
});

describe.each(KINDS)('CRM connections in the $label store', (kind) => {
  const it_ = kind.name === 'postgres' && clusterServicesMissing !== null ? it.skip : it;

  it_('keeps a connection, its progress and its removal across reopening', async () => {
    const place = await kind.fresh();
    let stores = await kind.open(place);
    expect(await stores.crm.list()).toEqual([]);
    await stores.crm.put(connection('acme'));
    await stores.crm.put(connection('globex'));
    const cursor = {
      since: '2026-01-02T00:00:00.000Z',
      afterId: '1005',
      page: 'ties',
      sweep: 'after:1200',
      backfill: true,
    };
    const status = { state: 'ok' as const, lastSyncAt: 1_700_000_000_000, dealsSynced: 12, lastError: null };
    expect(await stores.crm.saveProgress('acme', 1, cursor, status)).toBe(true);
    await stores.close();
    stores = await kind.open(place);
    expect((await stores.crm.list()).map((c) => c.workspace)).toEqual(['acme', 'globex']);
    expect(await stores.crm.get('acme')).toEqual({ ...connection('acme'), cursor, status });
    expect(await stores.crm.remove('globex')).toBe(true);
    expect(await stores.crm.remove('globex')).toBe(false);
    expect(await stores.crm.get('globex')).toBeNull();
    await stores.close();
  });

  it_('refuses progress from a runner that has not seen the newest `crm connect`', async () => {
    const stores = await kind.open(await kind.fresh());
    await stores.crm.put(connection('acme', 1));
    await stores.crm.put(connection('acme', 2));
    expect(await stores.crm.saveProgress('acme', 1, START_CURSOR, { ...WAITING_STATUS, dealsSynced: 5 })).toBe(false);
    expect((await stores.crm.get('acme'))!.status.dealsSynced).toBe(0);
    await stores.close();
  });

  it_('lets one process run the syncs (in a cluster, one node at a time)', async () => {
    const place = await kind.fresh();
    const a = await kind.open(place);
    expect(await a.crm.claimRunner()).toBe(true);
    if (kind.name === 'postgres') {
      const b = await kind.open(place);
      expect(await b.crm.claimRunner()).toBe(false);
      a.crm.releaseRunner();
      await new Promise((r) => setTimeout(r, 200));
      expect(await b.crm.claimRunner()).toBe(true);
      await b.close();
    }
    await a.close();
  });

  // Only a database has a connection to lose under the lock.
  const onDatabase = kind.name === 'postgres' ? it_ : it.skip;
  onDatabase('gives the runner lock up when the database drops its connection, and still closes', async () => {
    const place = await kind.fresh();
    const a = await kind.open(place);
    expect(await a.crm.claimRunner()).toBe(true);
    // The database restarts under the lock's connection (as `pg_ctl restart` would end it).
    const admin = new pg.Client({ connectionString: place });
    await admin.connect();
    await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND pid <> pg_backend_pid()",
    );
    await admin.end();
    await new Promise((r) => setTimeout(r, 200));
    // Another node takes the runner over; this one's stop is not held by the dead connection.
    const b = await kind.open(place);
    expect(await b.crm.claimRunner()).toBe(true);
    await b.close();
    const closed = await Promise.race([
      a.close().then(() => 'closed'),
      new Promise((r) => setTimeout(() => r('still closing after 5 s'), 5_000)),
    ]);
    expect(closed).toBe('closed');
  });
});
