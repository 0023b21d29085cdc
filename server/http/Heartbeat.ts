/**
 * Finds dead peers (a laptop's lid closed: no close frame ever comes) by pinging every connection once per
 * `periodMs` and hanging up on one that has not answered the previous ping.
 *
 * The connections are pinged a slice at a time, one slice every 100 ms, not all at once: with 1,000 clients
 * a single timer wrote 1,000 pings in one task every 30 s and read 1,000 pongs right after, and every update
 * that arrived meanwhile waited behind them. One slice a second still wrote 33 pings in one task (and read 33
 * pongs); a slice every 100 ms writes three or four. (The relay benchmark's p99 without any heartbeat was
 * 11–13% lower in two runs, within its spread between rounds: docs/DEPLOYING.md.) Each connection still gets
 * a ping every `periodMs` and is hung up on within two periods of going silent. The timer runs only while
 * there are connections, so a server nobody is connected to (the desktop app hosting) is not woken ten
 * times a second for nothing.
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

/** How often the default heartbeat pings its next slice. */
const TICK_MS = 100;
const DEFAULTS: HeartbeatOptions = { periodMs: 30_000, slices: 30_000 / TICK_MS };

/** Pings connections in turn; `add` each accepted socket, `stop` when the server closes. */
export class Heartbeat {
  private readonly slices: Set<HeartbeatSocket>[];
  private readonly answered = new WeakSet<HeartbeatSocket>();
  private readonly tickMs: number;
  /** Pings the next slice; null while nobody is connected, and for good once stopped. */
  private timer: ReturnType<typeof setInterval> | null = null;
  private stopped = false;
  private open = 0;
  private next = 0;
  private added = 0;

  constructor(options: Partial<HeartbeatOptions> = {}) {
    const { periodMs, slices } = { ...DEFAULTS, ...options };
    this.slices = Array.from({ length: slices }, () => new Set());
    this.tickMs = periodMs / slices;
  }

  /** Watches `socket` until it closes; it counts as having answered until its first ping. */
  add(socket: HeartbeatSocket): void {
    // Round-robin, so the slices stay even however connections come and go.
    const slice = this.slices[this.added++ % this.slices.length]!;
    slice.add(socket);
    this.answered.add(socket);
    const onPong = () => this.answered.add(socket);
    socket.on('pong', onPong);
    let closed = false;
    socket.on('close', () => {
      if (closed) return; // counted once, whatever the socket emits
      closed = true;
      slice.delete(socket);
      socket.off('pong', onPong);
      if (--this.open === 0) this.pause();
    });
    if (this.open++ === 0 && !this.stopped) {
      this.timer = setInterval(() => this.tick(), this.tickMs);
      // Never what keeps a stopping process alive.
      this.timer.unref();
    }
  }

  /** Stops pinging, for good. */
  stop(): void {
    this.stopped = true;
    this.pause();
  }

  private pause(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
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
