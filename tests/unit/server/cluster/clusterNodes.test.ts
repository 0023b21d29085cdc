// Several real server processes sharing a real PostgreSQL and a real Redis: any node serves any document,
// edits and presence cross nodes, roles and revocations hold on every node, and the operator's commands and
// health checks work on the cluster (the forms in docs/DEPLOYING.md).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openClient, readStoredDoc, waitUntil, type Client } from '../helpers/clients';
import {
  describeCluster,
  startPostgres,
  startRedis,
  type Postgres,
  type RedisServer,
} from '../helpers/clusterServices';
import { buildServerOnce, runCli, startClusterNode, type ServerProcess } from '../helpers/serverProcess';

let postgres: Postgres;
let redis: RedisServer;
let databaseUrl: string;
const nodes: ServerProcess[] = [];
const clients: Client[] = [];

function inviteLines(name: string, role: string): string[] {
  return runCli(['invite', '--database-url', databaseUrl, '--workspace', 'acme', '--name', name, '--role', role]);
}

const inviteTo = (name: string, role: string) => inviteLines(name, role).at(-1) as string;

function connect(node: ServerProcess, doc: string, token: string): Client {
  const client = openClient(node.url, doc, token);
  clients.push(client);
  return client;
}

const text = (client: Client) => client.doc.getText('root').toString();

describeCluster('a cluster of nodes on PostgreSQL and Redis', () => {
  beforeAll(async () => {
    buildServerOnce();
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    databaseUrl = postgres.url();
    // Three nodes starting at the same moment: one creates the tables and the secret, all share them.
    nodes.push(...(await Promise.all([1, 2, 3].map(() => startClusterNode(databaseUrl, redis.url)))));
  }, 90_000);

  afterAll(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await Promise.all(nodes.map((node) => node.stop()));
    await Promise.all([postgres?.dispose(), redis?.dispose()]);
  });

  it('lets three people on three nodes co-edit one playbook; a newcomer on any node sees all of it', async () => {
    const token = inviteTo('Stella', 'storyteller');
    const doc = 'acme/playbook/three-nodes';
    const [a, b, c] = nodes.map((node) => connect(node, doc, token)) as [Client, Client, Client];
    await waitUntil(
      () => [a, b, c].every((x) => x.provider.synced),
      10_000,
      () => 'not synced',
    );
    a.doc.getText('root').insert(0, 'Alpha. ');
    b.doc.getText('root').insert(0, 'Bravo. ');
    c.doc.getText('root').insert(0, 'Charlie. ');
    for (let i = 0; i < 30; i++) [a, b, c][i % 3]!.doc.getText('root').insert(0, `${i} `);
    await waitUntil(
      () => text(a) === text(b) && text(b) === text(c) && [a, b, c].every((x) => x.saved()),
      10_000,
      () => `diverged: ${text(a)} | ${text(b)} | ${text(c)}`,
    );
    for (const word of ['Alpha.', 'Bravo.', 'Charlie.', '29 ']) expect(text(a)).toContain(word);
    for (const node of nodes) {
      expect((await readStoredDoc(node.url, doc, token)).getText('root').toString()).toBe(text(a));
    }
  });

  it('shows presence across nodes under the member the server knows, and removes it when they leave', async () => {
    const doc = 'acme/playbook/presence';
    const writer = connect(nodes[0]!, doc, inviteTo('Priya Shah', 'storyteller'));
    const watcher = connect(nodes[1]!, doc, inviteTo('Rep One', 'sales'));
    await waitUntil(
      () => writer.provider.synced && watcher.provider.synced,
      10_000,
      () => 'not synced',
    );
    writer.provider.awareness.setLocalState({ name: 'Somebody Else', color: '#123456' });
    const id = writer.doc.clientID;
    await waitUntil(
      () => watcher.provider.awareness.getStates().has(id),
      5_000,
      () => 'presence not relayed',
    );
    expect(watcher.provider.awareness.getStates().get(id)).toMatchObject({ name: 'Priya Shah', color: '#123456' });
    writer.provider.disconnect();
    await waitUntil(
      () => !watcher.provider.awareness.getStates().has(id),
      5_000,
      () => 'presence not removed',
    );
  });

  it('keeps a viewer read-only on another node while it follows the edits live', async () => {
    const doc = 'acme/playbook/roles';
    const editor = connect(nodes[2]!, doc, inviteTo('Ed', 'storyteller'));
    const viewer = connect(nodes[0]!, doc, inviteTo('Vi', 'viewer'));
    await waitUntil(
      () => editor.provider.synced && viewer.provider.synced,
      10_000,
      () => 'not synced',
    );
    expect(viewer.session?.canWrite).toBe(false);
    viewer.doc.getText('root').insert(0, 'VIEWER WAS HERE ');
    editor.doc.getText('root').insert(0, 'Approved wording.');
    await waitUntil(
      () => text(viewer).includes('Approved wording.') && editor.saved(),
      5_000,
      () => 'edit not relayed or not saved',
    );
    const reader = inviteTo('Reader', 'viewer');
    for (const node of nodes) {
      expect((await readStoredDoc(node.url, doc, reader)).getText('root').toString()).toBe('Approved wording.');
    }
  });

  it('stops a node hearing a document nobody there holds, and hands a newcomer there all that was stored meanwhile', async () => {
    const doc = 'acme/playbook/kept';
    const token = inviteTo('Kai', 'storyteller');
    const writer = connect(nodes[0]!, doc, token);
    const visitor = connect(nodes[1]!, doc, token);
    await waitUntil(
      () => writer.provider.synced && visitor.provider.synced,
      10_000,
      () => 'not synced',
    );
    const root = writer.doc.getText('root');
    root.insert(0, 'Before. ');
    await waitUntil(
      () => text(visitor) === 'Before. ' && writer.saved(),
      5_000,
      () => 'first edit not relayed',
    );
    visitor.destroy();
    await new Promise((done) => setTimeout(done, 500)); // the node sees the socket close and keeps the copy
    const heard = async () => {
      const metrics = await (await fetch(`${nodes[1]!.httpUrl}/metrics`)).text();
      return Number(/^duet_fanout_messages_in_total (\d+)/m.exec(metrics)?.[1]);
    };
    const before = await heard();
    for (let i = 0; i < 40; i++) {
      root.insert(root.length, `${i} `);
      await new Promise((done) => setTimeout(done, 5));
    }
    await waitUntil(
      () => writer.saved(),
      5_000,
      () => 'not saved',
    );
    // Forty updates stored on node 0; node 1 keeps the copy but hears none of them (a few presence renewals
    // of the other tests' clients may cross meanwhile).
    expect((await heard()) - before).toBeLessThan(10);
    // A newcomer on node 1 is answered only once the kept copy has read what was stored meanwhile.
    const newcomer = connect(nodes[1]!, doc, token);
    const atSync = await new Promise<string>((done) => newcomer.provider.once('sync', () => done(text(newcomer))));
    expect(atSync).toBe(text(writer));
    expect(atSync).toContain('39 ');
    // And it hears the other node again.
    root.insert(0, 'After. ');
    await waitUntil(
      () => text(newcomer) === text(writer),
      5_000,
      () => `not relayed after the return: ${text(newcomer)}`,
    );
  });

  it('closes a revoked member on every node within 5 s, revoked with the command on the cluster', async () => {
    const lines = inviteLines('Gone', 'sales');
    const token = lines.at(-1) as string;
    const memberId = /member (m[-\w]+)/.exec(lines[0] as string)?.[1] as string;
    const open = nodes.map((node) => connect(node, 'acme/notes/revoke', token));
    await waitUntil(
      () => open.every((x) => x.provider.synced),
      10_000,
      () => 'not connected',
    );
    const closed = open.map(
      (x) => new Promise<number>((done) => x.provider.ws?.addEventListener('close', (event) => done(event.code))),
    );
    const started = Date.now();
    expect(runCli(['revoke', '--database-url', databaseUrl, '--member', memberId])[0]).toContain('revoked');
    expect(await Promise.all(closed)).toEqual([4403, 4403, 4403]);
    expect(Date.now() - started).toBeLessThan(5_000);
    const listed = runCli(['members', '--database-url', databaseUrl, '--workspace', 'acme']);
    expect(listed.find((line) => line.startsWith(memberId))).toContain('revoked');
  });

  it('reports PostgreSQL and Redis reachable and counts fan-out, catch-ups and storage latency', async () => {
    for (const node of nodes) {
      const health = await fetch(`${node.httpUrl}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ ok: true, store: 'reachable', fanout: 'reachable' });
    }
    const metrics = await (await fetch(`${nodes[0]!.httpUrl}/metrics`)).text();
    expect(metrics).toMatch(/^duet_fanout_messages_out_total [1-9]/m);
    expect(metrics).toMatch(/^duet_fanout_messages_in_total [1-9]/m);
    expect(metrics).toMatch(/^duet_catchups_total \d+/m);
    expect(metrics).toMatch(/^duet_storage_latency_seconds_bucket\{le="\+Inf"\} [1-9]/m);
  });
});
