// Each malformed frame closes only the connection that sent it: the process survives, /healthz stays ok,
// and two healthy clients editing the same document keep syncing throughout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRaw, openClient, waitForFrame, waitUntil, type Client } from './helpers/clients';
import { malformedCorpus } from './helpers/malformedCorpus';
import { buildServerOnce, invite, startServer, tempDataDir, type ServerProcess } from './helpers/serverProcess';

const DOC = 'acme/playbook/p1';
let server: ServerProcess;
let token: string;
let alice: Client;
let bob: Client;

beforeAll(async () => {
  buildServerOnce();
  const data = tempDataDir();
  token = invite(data, 'acme', 'Stella', 'storyteller');
  server = await startServer(data);
  alice = openClient(server.url, DOC, token);
  bob = openClient(server.url, DOC, token);
  await waitUntil(
    () => alice.provider.synced && bob.provider.synced,
    5_000,
    () => 'healthy clients not synced',
  );
}, 60_000);

afterAll(async () => {
  alice?.destroy();
  bob?.destroy();
  await server?.stop();
});

describe('malformed frames close only their own connection', () => {
  for (const [index, entry] of malformedCorpus().entries()) {
    it(`${entry.name}`, async () => {
      const attacker = await connectRaw(server.url, DOC, token);
      if ('status' in attacker) throw new Error(`refused ${attacker.status}`);
      await waitForFrame(attacker, (b) => b[0] === 101);
      const started = Date.now();
      for (const bytes of entry.frames) if (!attacker.isClosed()) attacker.send(bytes);
      const { code } = await attacker.closed;
      expect([1006, 1008, 1009]).toContain(code);
      expect(Date.now() - started).toBeLessThan(3_000); // no hang: refused in time linear in the input

      // The healthy pair still syncs, both ways, without having been disconnected.
      alice.doc.getText('root').insert(0, `a${index} `);
      bob.doc.getMap('meta').set(`b${index}`, index);
      await waitUntil(
        () =>
          bob.doc.getText('root').toString().includes(`a${index} `) &&
          alice.doc.getMap('meta').get(`b${index}`) === index,
        5_000,
        () => `healthy clients stopped syncing after "${entry.name}"`,
      );
      expect(alice.provider.wsconnected && bob.provider.wsconnected).toBe(true);
      const health = await fetch(`${server.httpUrl}/healthz`);
      expect(health.status).toBe(200);
    });
  }

  it('the healthy clients were never disconnected, and the process is alive', async () => {
    expect(alice.provider.wsUnsuccessfulReconnects).toBe(0);
    expect(server.child.exitCode).toBe(null);
    const metrics = await (await fetch(`${server.httpUrl}/metrics`)).text();
    expect(metrics).toMatch(/duet_rejected_messages_total\{reason="invalid-update"\} \d+/);
    expect(metrics).toMatch(/duet_rejected_messages_total\{reason="rate-limit"\} 1/);
    expect(metrics).toMatch(/duet_connections 2/);
  });
});
