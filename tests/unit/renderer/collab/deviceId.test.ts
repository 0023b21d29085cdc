// Duet's client names its installation on every sync connection, so the host counts Sam's devices rather
// than his open documents: the real SyncLink against a real in-process server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { DEVICE_MEMORY_KEY, deviceId } from '../../../../renderer/collab/deviceId';
import { SyncLink } from '../../../../renderer/collab/SyncLink';
import { loadSecret } from '../../../../server/auth/loadSecret';
import { signToken } from '../../../../server/auth/tokens';
import { startSyncServer, type SyncServer } from '../../../../server/http/startSyncServer';
import { openServerStores } from '../../../../server/storage/openServerStores';
import { waitUntil } from '../../server/helpers/clients';

function memory() {
  const values = new Map<string, string>();
  return { get: (key: string) => values.get(key) ?? null, set: (key: string, value: string) => values.set(key, value) };
}

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

describe('the device id of an installation', () => {
  it('is created once and remembered; a damaged remembered value is replaced', () => {
    const mine = memory();
    const id = deviceId(mine);
    expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(deviceId(mine)).toBe(id);
    expect(deviceId(memory())).not.toBe(id);
    mine.set(DEVICE_MEMORY_KEY, '<script>');
    expect(deviceId(mine)).not.toBe('<script>');
  });

  it('makes one app with several documents open count as one device', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'duet-device-'));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const stores = await openServerStores(dataDir, {});
    const server: SyncServer = await startSyncServer({ dataDir, host: '127.0.0.1', port: 0, stores });
    cleanup.push(() => server.close());
    const sam = await stores.members.add('acme', 'Sam', 'sales', 1);
    const token = signToken(loadSecret(dataDir), { v: 1, ws: 'acme', mid: sam.id, role: 'sales', iat: 1 });
    const laptop = memory();
    const desktop = memory();
    const links = [
      ['acme/directory', laptop],
      ['acme/notes/p1', laptop],
      ['acme/playbook/p1', laptop],
      ['acme/directory', desktop],
    ].map(([name, mem]) => {
      const link = new SyncLink(new Y.Doc(), name as string, {
        serverUrl: server.url,
        token,
        memory: mem as ReturnType<typeof memory>,
        WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket,
      });
      cleanup.push(() => link.destroy());
      return link;
    });
    await waitUntil(
      () => links.every((link) => link.getState().status === 'live'),
      5_000,
      () => 'links did not go live',
    );
    expect(server.connectedDevices()).toEqual(new Map([[sam.id, 2]]));
  });
});
