// One contract, three stores: CRM connections behave the same in SQLite, the plain files and a cluster's
// PostgreSQL (a real server, started for this file) — including the revision check that keeps a runner
// from overwriting a `crm connect` it has not seen, and the cluster's single-runner lock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { START_CURSOR } from '../../../../server/crm/CrmConnector';
import { WAITING_STATUS, type CrmConnection } from '../../../../server/crm/store/CrmStore';
import { openFileStores } from '../../../../server/storage/openFileStores';
import { openSqliteStores } from '../../../../server/storage/openSqliteStores';
import { openPostgresStores } from '../../../../server/storage/postgres/openPostgresStores';
import type { ServerStores } from '../../../../server/storage/ServerStores';
import { clusterServicesMissing, startPostgres, type Postgres } from '../helpers/clusterServices';

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

const tempDir = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'duet-crm-store-'));
  dirs.push(dir);
  return dir;
};

const KINDS: { name: string; fresh(): Promise<string>; open(place: string): Promise<ServerStores> }[] = [
  { name: 'sqlite', fresh: tempDir, open: async (dir) => openSqliteStores(dir) },
  { name: 'files', fresh: tempDir, open: async (dir) => openFileStores(dir) },
  {
    name: 'postgres',
    fresh: () => (postgres as Postgres).createDatabase(`crm${++databases}`),
    open: (url) => openPostgresStores({ databaseUrl: url, poolSize: 3 }),
  },
];

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

describe.each(KINDS)('CRM connections in the $name store', (kind) => {
  const it_ = kind.name === 'postgres' && clusterServicesMissing !== null ? it.skip : it;

  it_('keeps a connection, its progress and its removal across reopening', async () => {
    const place = await kind.fresh();
    let stores = await kind.open(place);
    expect(await stores.crm.list()).toEqual([]);
    await stores.crm.put(connection('acme'));
    await stores.crm.put(connection('globex'));
    const cursor = { since: '2026-01-02T00:00:00.000Z', afterId: '1005', page: 'ties' };
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
});
