// Dead peers (a laptop's lid closed) are found by pings, and the pings are spread out: a server with 1,000
// clients used to write 1,000 pings in one task every 30 s, and every update relayed meanwhile waited.
// A real server with real sockets: a client that stops answering is hung up on, the others stay; and, with
// the timers faked, every connection is pinged once a period, a slice at a time.
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadSecret } from '../../../server/auth/loadSecret';
import { signToken } from '../../../server/auth/tokens';
import { Heartbeat, type HeartbeatOptions } from '../../../server/http/Heartbeat';
import { startSyncServer } from '../../../server/http/startSyncServer';
import { openServerStores } from '../../../server/storage/openServerStores';
import { waitUntil } from './helpers/clients';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const undo of cleanup.splice(0).reverse()) await undo();
});

/** A socket as the heartbeat sees it, recording its pings and whether it was hung up on. */
class FakeSocket extends EventEmitter {
  pings = 0;
  terminated = false;
  answers = true;
  ping(): void {
    this.pings++;
    if (this.answers) queueMicrotask(() => this.emit('pong'));
  }
  terminate(): void {
    this.terminated = true;
    this.emit('close');
  }
}

/**
 * With the timers faked, a heartbeat made with `options` and 1,000 fake sockets, then `ticks` steps of
 * `stepMs`: how many pings each step wrote, and the sockets. The heartbeat is stopped afterwards.
 */
function pingsPerTick(options: Partial<HeartbeatOptions> | undefined, ticks: number, stepMs: number) {
  vi.useFakeTimers();
  const heartbeat = new Heartbeat(options);
  const sockets = Array.from({ length: 1_000 }, () => new FakeSocket());
  for (const socket of sockets) heartbeat.add(socket);
  const pings = () => sockets.reduce((n, s) => n + s.pings, 0);
  const perTick: number[] = [];
  for (let tick = 0; tick < ticks; tick++) {
    const before = pings();
    vi.advanceTimersByTime(stepMs);
    perTick.push(pings() - before);
  }
  heartbeat.stop();
  return { perTick, sockets };
}

describe('the heartbeat', () => {
  it('hangs up on a client that stopped answering pings and keeps the ones that answer', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'duet-heartbeat-'));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const stores = await openServerStores(dataDir, {});
    const server = await startSyncServer({
      dataDir,
      host: '127.0.0.1',
      port: 0,
      stores,
      // Long enough that a busy test machine still reads every pong before the next ping of the same socket.
      heartbeat: { periodMs: 1_500, slices: 3 },
    });
    cleanup.push(() => server.close());
    const sam = await stores.members.add('acme', 'Sam', 'sales', 1);
    const token = signToken(loadSecret(dataDir), { v: 1, ws: 'acme', mid: sam.id, role: 'sales', iat: 1 });
    const open = (autoPong: boolean) =>
      new Promise<{ ws: WebSocket; pings: number; closed: boolean }>((resolve, reject) => {
        const ws = new WebSocket(`${server.url}/acme/playbook/p1?token=${token}&duet=1`, { autoPong });
        const client = { ws, pings: 0, closed: false };
        cleanup.push(() => ws.terminate());
        ws.on('ping', () => client.pings++);
        ws.on('close', () => (client.closed = true));
        ws.once('open', () => resolve(client));
        ws.once('error', reject);
      });
    const answering = await Promise.all(Array.from({ length: 6 }, () => open(true)));
    const silent = await open(false);

    await waitUntil(
      () => silent.closed,
      8_000,
      () => `the silent client is still connected (${silent.pings} pings)`,
    );
    expect(silent.pings).toBeGreaterThanOrEqual(1);
    // Everyone else has been pinged, has answered, and is still here one more period on.
    await waitUntil(
      () => answering.every((c) => c.pings >= 2),
      8_000,
      () => 'not every client was pinged twice',
    );
    expect(answering.filter((c) => c.closed)).toEqual([]);
  });

  it('pings each connection once a period, one slice at a time', () => {
    const { perTick, sockets } = pingsPerTick({ periodMs: 30_000, slices: 30 }, 30, 1_000);
    // 1,000 over 30 slices: 33 or 34 a second, never all at once.
    expect(Math.max(...perTick)).toBeLessThanOrEqual(34);
    expect(Math.min(...perTick)).toBeGreaterThanOrEqual(33);
    expect(sockets.every((s) => s.pings === 1)).toBe(true);
  });

  it('by default pings three or four of 1,000 connections every 100 ms, each once in 30 s', () => {
    const { perTick, sockets } = pingsPerTick(undefined, 300, 100);
    expect(Math.max(...perTick)).toBeLessThanOrEqual(4);
    expect(Math.min(...perTick)).toBeGreaterThanOrEqual(3);
    expect(sockets.every((s) => s.pings === 1)).toBe(true);
  });

  it('keeps no timer while nobody is connected, nor after it is stopped', () => {
    vi.useFakeTimers();
    const heartbeat = new Heartbeat();
    expect(vi.getTimerCount()).toBe(0);
    const [first, second] = [new FakeSocket(), new FakeSocket()];
    heartbeat.add(first);
    heartbeat.add(second);
    expect(vi.getTimerCount()).toBe(1);
    first.emit('close');
    expect(vi.getTimerCount()).toBe(1);
    second.emit('close');
    expect(vi.getTimerCount()).toBe(0);
    // Pinging resumes with the next connection, which is pinged within a period.
    const third = new FakeSocket();
    heartbeat.add(third);
    vi.advanceTimersByTime(30_000);
    expect(third.pings).toBe(1);
    heartbeat.stop();
    expect(vi.getTimerCount()).toBe(0);
    heartbeat.add(new FakeSocket());
    expect(vi.getTimerCount()).toBe(0);
  });

  it('hangs up within two periods on a connection that went silent, and forgets a closed one', async () => {
    vi.useFakeTimers();
    const heartbeat = new Heartbeat({ periodMs: 3_000, slices: 3 });
    const [live, silent, gone] = [new FakeSocket(), new FakeSocket(), new FakeSocket()];
    for (const socket of [live, silent, gone]) heartbeat.add(socket);
    silent.answers = false;
    gone.emit('close');
    await vi.advanceTimersByTimeAsync(6_000);
    heartbeat.stop();
    expect(silent.terminated).toBe(true);
    expect(live.terminated).toBe(false);
    expect(live.pings).toBe(2);
    expect(gone.pings).toBe(0);
  });
});
