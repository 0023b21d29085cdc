/**
 * The PostgreSQL connection that group commits go through: one connection kept for appends alone, outside
 * the pool. Profiled (bench/server-relay-cost.mjs with DUET_BENCH_CPU_PROF), a pooled append paid, on top of
 * its statement, a checkout and a release (queued callbacks, promises, the pool's idle timer) and a
 * query-timeout timer set and cleared — per update when updates come one at a time, the relay path.
 *
 * One statement at a time: while it is busy `run` answers null and the caller takes a pooled connection
 * (`GroupCommit` may have two groups in flight), so two transactions never share it. A connection that
 * failed or ended (PostgreSQL restarted) is dropped and the next append opens a new one, which parses its
 * named statements again. A statement that hangs is cut by one watchdog rather than a timer per statement:
 * ending the connection fails the statement, so a hung database never holds an acknowledgement forever.
 */
import type pg from 'pg';

/** How often the watchdog looks for a hung statement. */
const WATCHDOG_MS = 1_000;

/** One dedicated connection, opened on first use and re-opened after a failure. */
export class PgAppendConnection {
  private client: pg.Client | null = null;
  /** When the statement under way started (performance.now()); null while free. */
  private busySince: number | null = null;
  private closed = false;
  private readonly watchdog: NodeJS.Timeout;

  /**
   * @param open makes an unconnected client (the pool's database, its own settings, its connect timeout)
   * @param timeoutMs how long a statement may run before its connection is cut
   */
  constructor(
    private readonly open: () => pg.Client,
    private readonly timeoutMs: number,
  ) {
    this.watchdog = setInterval(() => this.cutHung(), Math.min(WATCHDOG_MS, timeoutMs));
    this.watchdog.unref();
  }

  /** Runs `query` on the connection; null when it is busy (or closed) and the caller must use the pool. */
  run<R extends pg.QueryResultRow>(query: pg.QueryConfig): Promise<pg.QueryResult<R>> | null {
    if (this.busySince !== null || this.closed) return null;
    this.busySince = performance.now();
    return this.runAlone<R>(query).finally(() => (this.busySince = null));
  }

  /** Ends the connection; `run` answers null from now on. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.watchdog);
    const client = this.client;
    this.client = null;
    await client?.end();
  }

  private async runAlone<R extends pg.QueryResultRow>(query: pg.QueryConfig): Promise<pg.QueryResult<R>> {
    const client = this.client ?? (await this.connect());
    try {
      return await client.query<R>(query);
    } catch (error) {
      // Whatever failed (the connection, or the statement), a fresh connection is the safe next state.
      this.drop(client);
      throw error;
    }
  }

  private async connect(): Promise<pg.Client> {
    const client = this.open();
    // Heard while idle (PostgreSQL stopped or restarted); unheard, the error would end the process.
    client.on('error', (error) => {
      console.warn(`[storage] PostgreSQL append connection lost: ${error.message}`);
      this.drop(client);
    });
    client.on('end', () => this.drop(client));
    try {
      await client.connect();
    } catch (error) {
      this.drop(client);
      throw error;
    }
    if (this.closed) {
      await client.end();
      throw new Error('[storage] the PostgreSQL store was closed');
    }
    this.client = client;
    return client;
  }

  /** Forgets `client` and ends it (with a statement under way, `end` destroys the socket: it fails). */
  private drop(client: pg.Client): void {
    if (this.client === client) this.client = null;
    client.end().catch((error: unknown) => console.warn('[storage] ending a PostgreSQL append connection', error));
  }

  private cutHung(): void {
    if (this.busySince === null || this.client === null) return;
    if (performance.now() - this.busySince < this.timeoutMs) return;
    console.warn(`[storage] a PostgreSQL append took over ${this.timeoutMs} ms; cutting its connection`);
    this.drop(this.client);
  }
}
