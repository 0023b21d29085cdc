/**
 * Counters and gauges of one server, rendered in the Prometheus text format for `/metrics`.
 */

/** Live figures of the server, read by `/metrics` and by tests. */
export class Metrics {
  connections = 0;
  loadedDocs = 0;
  updatesStored = 0;
  updatesRelayed = 0;
  compactions = 0;
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
    metric('duet_rejected_messages_total', 'counter', 'Client messages refused, by reason.', [
      ...labelled(this.rejectedMessages),
    ]);
    metric('duet_refused_upgrades_total', 'counter', 'WebSocket upgrades refused, by reason.', [
      ...labelled(this.refusedUpgrades),
    ]);
    return lines.join('\n') + '\n';
  }
}
