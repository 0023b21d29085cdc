// Every client of a workspace learns its members from the server: a connection to the workspace's directory
// document receives Duet's `members` message listing the members the server stores (invited name, role),
// revoked ones left out — including people who never connected. Other documents and stock clients get none.
import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_MEMBERS, readMembersBody, type RosterMember } from '@shared/collab/syncProtocol';
import { connectRaw, frameKind, waitForFrame, waitUntil, type RawSocket } from './helpers/clients';
import { decodeClaims } from './helpers/forgeToken';
import { buildServerOnce, invite, runCli, startServer, tempDataDir, type ServerProcess } from './helpers/serverProcess';

let server: ServerProcess;
let maya: string;
let dana: string;
const sockets: RawSocket[] = [];

beforeAll(async () => {
  buildServerOnce();
  const data = tempDataDir();
  maya = invite(data, 'acme', 'Maya Okafor', 'storyteller');
  dana = invite(data, 'acme', 'Dana Reyes', 'sales'); // never connects
  const gone = invite(data, 'acme', 'Former Colleague', 'marketing');
  invite(data, 'globex', 'Someone Else', 'storyteller');
  runCli(['revoke', '--data', data, '--member', decodeClaims(gone).mid as string]);
  server = await startServer(data);
}, 60_000);

afterAll(async () => {
  for (const socket of sockets.splice(0)) socket.ws.close();
  await server?.stop();
});

async function open(doc: string, token: string, query = ''): Promise<RawSocket> {
  const socket = await connectRaw(server.url, `${doc}${query}`, token);
  if ('status' in socket) throw new Error(`refused with ${socket.status}`);
  sockets.push(socket);
  return socket;
}

function roster(bytes: Uint8Array): RosterMember[] | null {
  const decoder = decoding.createDecoder(bytes);
  decoding.readVarUint(decoder);
  return readMembersBody(decoder);
}

describe("the workspace's members, listed by the server", () => {
  it('the directory connection hears every current member, also one who never connected', async () => {
    const socket = await open('acme/directory', maya);
    const message = await waitForFrame(socket, (b) => frameKind(b).type === MESSAGE_MEMBERS);
    expect(roster(message)).toEqual([
      { id: decodeClaims(dana).mid, name: 'Dana Reyes', role: 'sales' },
      { id: decodeClaims(maya).mid, name: 'Maya Okafor', role: 'storyteller' },
    ]);
  });

  it('other documents of the workspace get no member list', async () => {
    const socket = await open('acme/playbook/p1', maya);
    await waitUntil(
      () => socket.frames.length >= 2,
      5_000,
      () => 'no frames',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(socket.frames.map((b) => frameKind(b).type)).not.toContain(MESSAGE_MEMBERS);
  });
});

describe('reading a members message', () => {
  it('keeps well-formed members and skips anything else', () => {
    const body = JSON.stringify([
      { id: 'm1', name: 'Ana', role: 'sales' },
      { id: 'm2', name: 'Bo', role: 'admin' },
      { id: '', name: 'Nobody', role: 'sales' },
      { id: 'm3', name: '  ', role: 'viewer' },
      'm4',
      { id: 'm5', name: 'x'.repeat(500), role: 'viewer' },
    ]);
    const bytes = new TextEncoder().encode(body);
    const frameBytes = new Uint8Array([MESSAGE_MEMBERS, ...varUint(bytes.length), ...bytes]);
    const list = roster(frameBytes)!;
    expect(list.map((m) => m.id)).toEqual(['m1', 'm5']);
    expect(list[1]!.name).toHaveLength(120);
    expect(roster(new Uint8Array([MESSAGE_MEMBERS, 3, ...new TextEncoder().encode('{}x')]))).toBeNull();
  });
});

function varUint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return out;
}
