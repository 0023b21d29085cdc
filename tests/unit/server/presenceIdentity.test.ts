// Presence is who you are: whatever name a client claims in its awareness state, the others see the member
// of its token — name, role and member id as the members table says — and nobody can drive another
// connection's presence.
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRaw, openClient, waitForFrame, waitUntil, type Client } from './helpers/clients';
import { buildServerOnce, invite, startServer, tempDataDir, type ServerProcess } from './helpers/serverProcess';

const DOC = 'acme/playbook/presence';
let server: ServerProcess;
let priyaToken: string;
let repToken: string;
const clients: Client[] = [];

beforeAll(async () => {
  buildServerOnce();
  const data = tempDataDir();
  priyaToken = invite(data, 'acme', 'Priya Shah', 'storyteller');
  repToken = invite(data, 'acme', 'Rep One', 'sales');
  server = await startServer(data);
}, 60_000);

afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.stop();
});

function connect(token: string): Client {
  const client = openClient(server.url, DOC, token);
  clients.push(client);
  return client;
}

/** An awareness frame (message type 1) with one state for `clientId`. */
function awarenessFrame(clientId: number, clock: number, state: unknown): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, 1);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}

describe('presence identity', () => {
  it("shows a member who claims another's name under their own", async () => {
    const priya = connect(priyaToken);
    const rep = connect(repToken);
    await waitUntil(
      () => priya.provider.synced && rep.provider.synced,
      10_000,
      () => 'clients synced',
    );
    rep.provider.awareness.setLocalState({ name: 'Priya Shah (storyteller)', color: '#d33', role: 'storyteller' });
    const repId = rep.doc.clientID;
    await waitUntil(
      () => priya.provider.awareness.getStates().has(repId),
      5_000,
      () => 'rep presence relayed',
    );
    expect(priya.provider.awareness.getStates().get(repId)).toMatchObject({
      name: 'Rep One',
      role: 'sales',
      color: '#d33', // the colour stays the client's choice
    });
    // A later change of the claimed name is rewritten too.
    const clockBefore = priya.provider.awareness.meta.get(repId)?.clock ?? 0;
    rep.provider.awareness.setLocalStateField('name', 'Someone Else');
    await waitUntil(
      () => (priya.provider.awareness.meta.get(repId)?.clock ?? 0) > clockBefore,
      5_000,
      () => 'renamed presence relayed',
    );
    expect(priya.provider.awareness.getStates().get(repId)?.name).toBe('Rep One');
    expect(typeof priya.provider.awareness.getStates().get(repId)?.memberId).toBe('string');
  });

  it("refuses presence for a client id another connection drives, and states that aren't objects", async () => {
    const priya = connect(priyaToken);
    await waitUntil(
      () => priya.provider.synced,
      10_000,
      () => 'priya synced',
    );
    priya.provider.awareness.setLocalState({ name: 'Priya Shah', color: '#0a0' });
    const listener = connect(priyaToken);
    await waitUntil(
      () => listener.provider.awareness.getStates().has(priya.doc.clientID),
      5_000,
      () => 'priya presence seen',
    );
    const attacker = await connectRaw(server.url, DOC, repToken);
    if ('status' in attacker) throw new Error(`refused with ${attacker.status}`);
    await waitForFrame(attacker, (b) => b[0] === 101);
    attacker.send(awarenessFrame(priya.doc.clientID, 1_000, { name: 'Priya Shah', cursor: 'hijacked' }));
    attacker.send(awarenessFrame(424242, 1, 'just a string'));
    attacker.send(new Uint8Array([3])); // query-awareness: answered after both were handled
    await waitForFrame(attacker, (b) => b[0] === 1);
    const metrics = await (await fetch(`${server.httpUrl}/metrics`)).text();
    expect(metrics).toMatch(/duet_rejected_messages_total\{reason="awareness-spoof"\} [1-9]/);
    expect(metrics).toMatch(/duet_rejected_messages_total\{reason="awareness-not-object"\} [1-9]/);
    expect(listener.provider.awareness.getStates().get(priya.doc.clientID)).toMatchObject({ name: 'Priya Shah' });
    expect(listener.provider.awareness.getStates().get(priya.doc.clientID)?.cursor).toBeUndefined();
    expect(listener.provider.awareness.getStates().has(424242)).toBe(false);
    attacker.ws.close();
  });
});
