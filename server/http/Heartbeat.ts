/**
 * Finds dead peers (a laptop's lid closed: no close frame ever comes) by pinging every connection once per
 * `periodMs` and hanging up on one that has not answered the previous ping.
 *
 * The connections are pinged a slice at a time, one slice every 100 ms, not all at once: with 1,000 clients
 * a single timer wrote 1,000 pings in one task every 30 s and read 1,000 pongs right after, and every update
 * that arrived meanwhile waited behind them. One slice a second (33 pings, then 33 pongs) still made a
 * burst every second that updates arriving meanwhile waited behind; three or four pings a tick do not.
 * Each connection still gets a ping every `periodMs` and is hung up on within two periods of going silent.
 */

/** What the heartbeat needs of a connection (ws's WebSocket has it). */
export interface HeartbeatSocket {
  ping(): void;
  terminate(): void;
  on(event: 'pong' | 'close', listener: () => void): unknown;
  off(event: 'pong', listener: () => void): unknown;
}

export interface HeartbeatOptions {
  /** How often each connection is pinged. */
  periodMs: number;
  /** Into how many slices the connections are spread; one slice is pinged every `periodMs / slices`. */
  slices: number;
}

const DEFAULTS: HeartbeatOptions = { periodMs: 30_000, slices: 300 };

/** Pings connections in turn; `add` each accepted socket, `stop` when the server closes. */
export class Heartbeat {
  private readonly slices: Set<HeartbeatSocket>[];
  private readonly answered = new WeakSet<HeartbeatSocket>();
  private readonly timer: ReturnType<typeof setInterval>;
  private next = 0;
  private added = 0;

  constructor(options: Partial<HeartbeatOptions> = {}) {
    const { periodMs, slices } = { ...DEFAULTS, ...options };
    this.slices = Array.from({ length: slices }, () => new Set());
    this.timer = setInterval(() => this.tick(), periodMs / slices);
    // Never what keeps a stopping process alive.
    this.timer.unref();
  }

  /** Watches `socket` until it closes; it counts as having answered until its first ping. */
  add(socket: HeartbeatSocket): void {
    // Round-robin, so the slices stay even however connections come and go.
    const slice = this.slices[this.added++ % this.slices.length]!;
    slice.add(socket);
    this.answered.add(socket);
    const onPong = () => this.answered.add(socket);
    socket.on('pong', onPong);
    socket.on('close', () => {
      slice.delete(socket);
      socket.off('pong', onPong);
    });
  }

  /** Stops pinging. */
  stop(): void {
    clearInterval(this.timer);
  }

  private tick(): void {
    const slice = this.slices[this.next]!;
    this.next = (this.next + 1) % this.slices.length;
    for (const socket of slice) {
      if (!this.answered.has(socket)) {
        slice.delete(socket);
        socket.terminate();
        continue;
      }
      this.answered.delete(socket);
      socket.ping();
    }
  }
}
