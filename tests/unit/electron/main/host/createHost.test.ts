// "Host on this computer" with the real sync server in this process, real sockets and temp data folders:
// the host's own app and a teammate join with minted tokens and co-edit; stopping frees the port and keeps
// everything; a busy port is a plain message; the LAN addresses come from the interface table; where
// node:sqlite cannot load, the host stores in plain files and says so.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { createHost, type Host, type HostDeps } from '../../../../../electron/main/host/createHost';
import type { InterfaceTable } from '../../../../../electron/main/host/lanAddresses';
import { startSyncServer } from '../../../../../server/http/startSyncServer';
import { openServerStores } from '../../../../../server/storage/openServerStores';
import { JOURNAL_FILE, journalPair, readJournal } from '../../../../../server/storage/UpdateJournal';
import { openClient, readStoredDoc, waitUntil, type Client } from '../../../server/helpers/clients';

const LAN: InterfaceTable = {
  lo: [
    {
      address: '127.0.0.1',
      netmask: '255.0.0.0',
      family: 'IPv4',
      mac: '00:00:00:00:00:00',
      internal: true,
      cidr: null,
    },
  ],
  eth0: [
    {
      address: '192.168.1.20',
      netmask: '255.255.255.0',
      family: 'IPv4',
      mac: 'aa:bb:cc:dd:ee:ff',
      internal: false,
      cidr: null,
    },
    {
      address: 'fe80::1',
      netmask: 'ffff:ffff:ffff:ffff::',
      family: 'IPv6',
      mac: 'aa:bb:cc:dd:ee:ff',
      internal: false,
      cidr: null,
      scopeid: 2,
    },
  ],
};

const cleanup: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function newHost(overrides: Partial<HostDeps> = {}): { host: Host; dataDir: string } {
  const dataDir = mkdtempSync(join(tmpdir(), 'duet-host-'));
  const host = createHost({
    startSyncServer,
    openStores: openServerStores,
    dataDir,
    listInterfaces: () => LAN,
    ...overrides,
  });
  cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
  cleanup.push(() => host.stop());
  return { host, dataDir };
}

function track(client: Client): Client {
  cleanup.push(() => client.destroy());
  return client;
}

function occupy(port = 0): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

const release = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

async function freePort(): Promise<number> {
  const server = await occupy();
  const address = server.address();
  await release(server);
  return typeof address === 'object' && address !== null ? address.port : 0;
}

describe('hosting on this computer', () => {
  it('serves this app and an invited teammate, who co-edit one playbook live', async () => {
    const { host } = newHost();
    const started = await host.start({ port: 0, shareOnNetwork: false });
    if (!started.ok) throw new Error(started.error.message);
    expect(started.value.localUrl).toBe(`ws://127.0.0.1:${started.value.port}`);
    expect(host.status()).toMatchObject({ state: 'running', port: started.value.port });

    const mine = await host.invite({ workspaceId: 'acme', name: 'Stella', role: 'storyteller' });
    const theirs = await host.invite({ workspaceId: 'acme', name: 'Sam', role: 'marketing' });
    if (!mine.ok || !theirs.ok) throw new Error('invite failed');
    expect(mine.value.token).not.toBe(theirs.value.token);

    const doc = 'acme/playbook/launch';
    const me = track(openClient(started.value.localUrl, doc, mine.value.token));
    const teammate = track(openClient(started.value.localUrl, doc, theirs.value.token));
    await waitUntil(
      () => me.provider.synced && teammate.provider.synced,
      5_000,
      () => 'clients did not sync',
    );
    expect(me.session).toMatchObject({ role: 'storyteller', canWrite: true, name: 'Stella' });
    expect(teammate.session).toMatchObject({ role: 'marketing', canWrite: true, name: 'Sam' });

    me.doc.getText('root').insert(0, 'Why now: ');
    teammate.doc.getText('root').insert(0, 'Lead with the customer. ');
    await waitUntil(
      () =>
        me.doc.getText('root').toString() === teammate.doc.getText('root').toString() && me.saved() && teammate.saved(),
      5_000,
      () => `not converged: "${me.doc.getText('root')}" vs "${teammate.doc.getText('root')}"`,
    );
    expect(me.doc.getText('root').toString()).toContain('Why now: ');
    expect(me.doc.getText('root').toString()).toContain('Lead with the customer. ');
  });

  it('stops cleanly: the port is free again and every stored edit is there after a restart', async () => {
    const { host, dataDir } = newHost();
    const port = await freePort();
    const started = await host.start({ port, shareOnNetwork: false });
    if (!started.ok) throw new Error(started.error.message);
    const invite = await host.invite({ workspaceId: 'acme', name: 'Stella', role: 'storyteller' });
    if (!invite.ok) throw new Error(invite.error.message);
    const writer = track(openClient(started.value.localUrl, 'acme/directory', invite.value.token));
    await waitUntil(
      () => writer.provider.synced,
      5_000,
      () => 'not synced',
    );
    writer.doc.getMap('playbooks').set('p1', 'Launch');
    await waitUntil(
      () => writer.saved(),
      5_000,
      () => 'not stored',
    );
    writer.destroy();
    // The host serves its folder as the sync server does: it stores through its journals (only a serving
    // process has them), which its database worker moves into the database within a second.
    const journals = journalPair(join(dataDir, JOURNAL_FILE));
    const journaled = () => journals.flatMap((path) => readJournal(path));
    expect(journals.map((path) => existsSync(path))).toEqual([true, true]);
    await waitUntil(
      () => journaled().length === 0,
      5_000,
      () => 'the journal was never moved into the database',
    );

    expect(await host.stop()).toEqual({ ok: true, value: null });
    expect(journaled()).toEqual([]);
    expect(host.status()).toEqual({ state: 'stopped' });
    await release(await occupy(port)); // throws EADDRINUSE if the host still listened
    expect(await host.stop()).toEqual({ ok: true, value: null }); // stopping twice is harmless

    const again = await host.start({ port, shareOnNetwork: false });
    if (!again.ok) throw new Error(again.error.message);
    const stored = await readStoredDoc(again.value.localUrl, 'acme/directory', invite.value.token);
    expect(stored.getMap('playbooks').get('p1')).toBe('Launch');
  });

  it('says plainly when the port is taken, and starts on another one afterwards', async () => {
    const { host } = newHost();
    const busy = await occupy();
    cleanup.push(() => release(busy));
    const address = busy.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;

    const refused = await host.start({ port, shareOnNetwork: false });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'io', message: `Port ${port} is already in use — choose another.` },
    });
    expect(host.status()).toEqual({ state: 'stopped' });
    expect(await host.invite({ workspaceId: 'acme', name: 'Sam', role: 'sales' })).toMatchObject({
      ok: false,
      error: { code: 'denied' },
    });

    // The failed attempt released its stores: a second start in the same folder works.
    const started = await host.start({ port: 0, shareOnNetwork: false });
    expect(started.ok).toBe(true);
  });

  it('refuses a second start on other settings while running, and repeats the same one', async () => {
    const { host } = newHost();
    const started = await host.start({ port: 0, shareOnNetwork: false });
    if (!started.ok) throw new Error(started.error.message);
    const { port } = started.value;
    expect(await host.start({ port, shareOnNetwork: false })).toEqual(started);
    expect(await host.start({ port: port + 1, shareOnNetwork: false })).toMatchObject({
      ok: false,
      error: { message: `Already hosting on port ${port} — stop it first.` },
    });
  });

  it('binds this computer only unless shared, then lists the LAN addresses', async () => {
    const { host } = newHost();
    const local = await host.start({ port: 0, shareOnNetwork: false });
    if (!local.ok) throw new Error(local.error.message);
    expect(local.value.lanUrls).toEqual([]);
    await host.stop();

    const shared = await host.start({ port: 0, shareOnNetwork: true });
    if (!shared.ok) throw new Error(shared.error.message);
    expect(shared.value.lanUrls).toEqual([`ws://192.168.1.20:${shared.value.port}`]);
    // Bound to every interface: this computer still reaches it on loopback.
    const health = await fetch(`http://127.0.0.1:${shared.value.port}/healthz`);
    expect(health.status).toBe(200);
  });
});

describe('members the host manages', () => {
  const missingSqlite = async () => {
    throw new Error('No such built-in module: node:sqlite');
  };
  it.each([
    ['SQLite', openServerStores],
    [
      'plain files',
      (dir: string, options: object) => openServerStores(dir, { ...options, importSqlite: missingSqlite }),
    ],
  ] as const)(
    'lists members with their devices, and a role change or revocation reaches open connections within 5 s (%s)',
    async (_kind, openStores) => {
      const { host } = newHost({ openStores });
      const started = await host.start({ port: 0, shareOnNetwork: false });
      if (!started.ok) throw new Error(started.error.message);
      const url = started.value.localUrl;
      const invited = [];
      // Members invited within one second are listed by id: the expectations below sort by name.
      for (const [name, role] of [
        ['Stella', 'storyteller'],
        ['Sam', 'sales'],
        ['Rita', 'marketing'],
        ['Olu', 'viewer'],
      ] as const)
        invited.push(await host.invite({ workspaceId: 'acme', name, role }));
      await host.invite({ workspaceId: 'globex', name: 'Gus', role: 'sales' });
      const [, sam, rita] = invited.map((r) => (r.ok ? r.value : expect.fail('invite failed')));
      // Sam's app on two computers, two documents each; Rita from one computer; Stella and Olu stay away.
      const samLaptop = ['acme/directory', 'acme/notes/p1'].map((doc) =>
        track(openClient(url, doc, sam!.token, undefined, { device: 'laptop-sam-0001' })),
      );
      const samDesktop = ['acme/directory', 'acme/playbook/p1'].map((doc) =>
        track(openClient(url, doc, sam!.token, undefined, { device: 'desktop-sam-001' })),
      );
      const ritaApp = track(openClient(url, 'acme/playbook/p1', rita!.token, undefined, { device: 'laptop-rita-01' }));
      const all = [...samLaptop, ...samDesktop, ritaApp];
      await waitUntil(
        () => all.every((c) => c.provider.synced),
        5_000,
        () => 'clients did not sync',
      );

      const listed = await host.members('acme');
      if (!listed.ok) throw new Error(listed.error.message);
      expect(listed.value.map((m) => [m.name, m.role, m.devices]).sort()).toEqual([
        ['Olu', 'viewer', 0],
        ['Rita', 'marketing', 1],
        ['Sam', 'sales', 2],
        ['Stella', 'storyteller', 0],
      ]);
      const byName = new Map(listed.value.map((m) => [m.name, m]));
      expect(byName.get('Sam')?.lastSeenAt).toBeGreaterThan(0);
      expect(byName.get('Stella')?.lastSeenAt).toBeNull();

      // Promote Sam: his playbook connection becomes writable without anyone reconnecting by hand.
      const desktopPlaybook = samDesktop[1]!;
      expect(desktopPlaybook.session).toMatchObject({ role: 'sales', canWrite: false });
      const promotedAt = Date.now();
      expect(await host.setRole({ memberId: sam!.memberId, role: 'marketing' })).toMatchObject({
        ok: true,
        value: { role: 'marketing', devices: 2 },
      });
      await waitUntil(
        () => desktopPlaybook.session?.canWrite === true && desktopPlaybook.provider.synced,
        5_000,
        () => `still ${JSON.stringify(desktopPlaybook.session)}`,
      );
      console.log(`[host] ${_kind}: the promotion reached the open connection in ${Date.now() - promotedAt} ms`);
      desktopPlaybook.doc.getText('root').insert(0, 'Promoted edit');
      await waitUntil(
        () => desktopPlaybook.saved() && ritaApp.doc.getText('root').toString() === 'Promoted edit',
        5_000,
        () => 'the promoted edit did not reach Rita',
      );

      // Revoke Rita: her connection closes for good and her invite stops working.
      expect(await host.revoke(rita!.memberId)).toMatchObject({ ok: true, value: { name: 'Rita' } });
      await waitUntil(
        () => ritaApp.provider.ws === null && !ritaApp.provider.shouldConnect,
        5_000,
        () => 'Rita is still connected',
      );
      expect(await host.revoke(rita!.memberId)).toEqual({
        ok: false,
        error: { code: 'denied', message: 'Rita was already revoked.' },
      });
      expect(await host.setRole({ memberId: rita!.memberId, role: 'viewer' })).toMatchObject({
        ok: false,
        error: { code: 'denied', message: /Rita was revoked/ },
      });
      expect(await host.setRole({ memberId: 'm-nobody', role: 'viewer' })).toMatchObject({
        ok: false,
        error: { code: 'not-found' },
      });
      const after = await host.members('acme');
      if (!after.ok) throw new Error(after.error.message);
      // Revoked members are listed last.
      expect(after.value.at(-1)).toMatchObject({ name: 'Rita', role: 'marketing', devices: 0 });
      expect(after.value.at(-1)?.revokedAt).not.toBeNull();
      expect(
        after.value
          .slice(0, 3)
          .map((m) => [m.name, m.role, m.devices, m.revokedAt])
          .sort(),
      ).toEqual([
        ['Olu', 'viewer', 0, null],
        ['Sam', 'marketing', 2, null],
        ['Stella', 'storyteller', 0, null],
      ]);
    },
  );

  it('manages members only while hosting', async () => {
    const { host } = newHost();
    const stopped = { ok: false, error: { code: 'denied', message: 'Start hosting first.' } };
    expect(await host.members('acme')).toEqual(stopped);
    expect(await host.setRole({ memberId: 'm1', role: 'viewer' })).toEqual(stopped);
    expect(await host.revoke('m1')).toEqual(stopped);
  });
});

describe('storage the host can always open', () => {
  it('uses SQLite where node:sqlite loads, and says so', async () => {
    const { host } = newHost();
    const started = await host.start({ port: 0, shareOnNetwork: false });
    expect(started).toMatchObject({ ok: true, value: { storage: 'sqlite' } });
    expect(host.status()).toMatchObject({ storage: 'sqlite' });
  });

  it('stores in plain files when node:sqlite cannot be loaded, and still syncs and keeps edits', async () => {
    const missing = async () => {
      throw new Error('No such built-in module: node:sqlite');
    };
    const { host } = newHost({
      openStores: (dataDir, options) => openServerStores(dataDir, { ...options, importSqlite: missing }),
    });
    const started = await host.start({ port: 0, shareOnNetwork: false });
    if (!started.ok) throw new Error(started.error.message);
    expect(started.value.storage).toBe('files');

    const invite = await host.invite({ workspaceId: 'acme', name: 'Stella', role: 'storyteller' });
    if (!invite.ok) throw new Error(invite.error.message);
    const writer = track(openClient(started.value.localUrl, 'acme/playbook/p1', invite.value.token));
    await waitUntil(
      () => writer.provider.synced,
      5_000,
      () => 'not synced',
    );
    writer.doc.getText('root').insert(0, 'Stored in files');
    await waitUntil(
      () => writer.saved(),
      5_000,
      () => 'not stored',
    );
    writer.destroy();
    await host.stop();

    const again = await host.start({ port: 0, shareOnNetwork: false });
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value.storage).toBe('files');
    const stored = await readStoredDoc(again.value.localUrl, 'acme/playbook/p1', invite.value.token);
    expect(stored.getText('root').toString()).toBe('Stored in files');
    expect(stored.getText('root').toString()).toBe(writer.doc.getText('root').toString());
    expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(writer.doc));
  });

  it('keeps a SQLite data folder on SQLite: without node:sqlite it refuses rather than start empty', async () => {
    const { host, dataDir } = newHost();
    expect((await host.start({ port: 0, shareOnNetwork: false })).ok).toBe(true);
    await host.stop();
    const withoutSqlite = createHost({
      startSyncServer,
      openStores: (dir, options) =>
        openServerStores(dir, {
          ...options,
          importSqlite: async () => {
            throw new Error('No such built-in module: node:sqlite');
          },
        }),
      dataDir,
      listInterfaces: () => LAN,
    });
    const refused = await withoutSqlite.start({ port: 0, shareOnNetwork: false });
    expect(refused).toMatchObject({ ok: false, error: { code: 'io', message: /needs node:sqlite/ } });
    expect(withoutSqlite.status()).toEqual({ state: 'stopped' });
  });
});
