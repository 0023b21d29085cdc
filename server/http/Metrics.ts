/**
 * Counters and gauges of one server (one node of a cluster), rendered in the Prometheus text format for
 * `/metrics`.
 */

/** Upper bounds (ms) of the storage latency histogram's buckets. */
const LATENCY_BUCKETS_MS = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000] as const;

/** A Prometheus histogram of durations in milliseconds. */
export class LatencyHistogram {
  readonly counts: number[] = LATENCY_BUCKETS_MS.map(() => 0);
  count = 0;
  sumMs = 0;

  /** Records one duration. */
  observe(ms: number): void {
    this.count++;
    this.sumMs += ms;
    for (let i = 0; i < LATENCY_BUCKETS_MS.length; i++) if (ms <= LATENCY_BUCKETS_MS[i]!) this.counts[i]!++;
  }

  /** Sample lines for `name` (cumulative buckets in seconds, as Prometheus expects). */
  samples(): [string, number][] {
    return [
      ...LATENCY_BUCKETS_MS.map((le, i): [string, number] => [`_bucket{le="${le / 1000}"}`, this.counts[i]!]),
      ['_bucket{le="+Inf"}', this.count],
      ['_sum', this.sumMs / 1000],
      ['_count', this.count],
    ];
  }
}

/** Live figures of the server, read by `/metrics` and by tests. */
export class Metrics {
  connections = 0;
  loadedDocs = 0;
  updatesStored = 0;
  updatesRelayed = 0;
  compactions = 0;
  /** Transactions that stored updates (several updates of one turn share one: group commit). */
  storeTransactions = 0;
  /** Cluster messages published to / received from other nodes. */
  fanoutOut = 0;
  fanoutIn = 0;
  /** Publishes that failed (the fan-out was unreachable); catch-ups repair what they would have said. */
  fanoutErrors = 0;
  /** Reads from the store of updates this node had not heard of (a hole, a resubscription, a head). */
  catchUps = 0;
  /** How long storing one batch took, from ready to stored (with the wait for its group, see GroupCommit). */
  readonly storageLatency = new LatencyHistogram();
  readonly rejectedMessages = new Map<string, number>();
  readonly refusedUpgrades = new Map<string, number>();

  /** Counts one message refused for `reason` (e.g. read-only, malformed, rate-limit). */
  reject(reason: string): void {
    this.rejectedMessages.set(reason, (this.rejectedMessages.get(reason) ?? 0) + 1);
  }

  /** Counts one upgrade refused for `reason` (e.g. missing-token, revoked). */
  refuse(reason: string): void {
    this.refusedUpgrades.set(reason, (this.refusedUpgrades.get(reason) ?? 0) + 1);
  }

  /** The Prometheus exposition text. */
  render(): string {
    const lines: string[] = [];
    const metric = (name: string, type: string, help: string, samples: [string, number][]) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
      for (const [labels, value] of samples) lines.push(`${name}${labels} ${value}`);
    };
    const labelled = (map: Map<string, number>): [string, number][] =>
      [...map].map(([reason, count]) => [`{reason="${reason}"}`, count]);
    metric('duet_connections', 'gauge', 'Open WebSocket connections.', [['', this.connections]]);
    metric('duet_loaded_docs', 'gauge', 'Documents held in memory.', [['', this.loadedDocs]]);
    metric('duet_updates_stored_total', 'counter', 'Updates durably stored.', [['', this.updatesStored]]);
    metric('duet_updates_relayed_total', 'counter', 'Update messages sent to other clients.', [
      ['', this.updatesRelayed],
    ]);
    metric('duet_compactions_total', 'counter', 'Update logs merged into one row.', [['', this.compactions]]);
    metric('duet_store_transactions_total', 'counter', 'Transactions that stored updates (group commit).', [
      ['', this.storeTransactions],
    ]);
    metric('duet_storage_latency_seconds', 'histogram', 'Time to store one batch of updates.', [
      ...this.storageLatency.samples(),
    ]);
    metric('duet_fanout_messages_out_total', 'counter', 'Messages published to other nodes.', [['', this.fanoutOut]]);
    metric('duet_fanout_messages_in_total', 'counter', 'Messages received from other nodes.', [['', this.fanoutIn]]);
    metric('duet_fanout_errors_total', 'counter', 'Publishes that failed (fan-out unreachable).', [
      ['', this.fanoutErrors],
    ]);
    metric('duet_catchups_total', 'counter', 'Reads of missed updates from the store.', [['', this.catchUps]]);
    metric('duet_rejected_messages_total', 'counter', 'Client messages refused, by reason.', [
      ...labelled(this.rejectedMessages),
    ]);
    metric('duet_refused_upgrades_total', 'counter', 'WebSocket upgrades refused, by reason.', [
      ...labelled(this.refusedUpgrades),
    ]);
    return lines.join('\n') + '\n';
  }
}
