/**
 * Opt-in write-back: when someone cites narratives on a CRM-synced deal in Duet, the deal's narratives
 * property in the CRM is set to that list (titles). It watches the notes document on the server, so it
 * sees every client's change, from this node or another. The runner's own writes are marked (`pause`), so
 * an import never triggers a write-back; and a deal is written only when its list differs from what the
 * CRM last said — the CRM's echo of a write-back (the deal comes back modified) changes nothing and so
 * writes nothing: no loop.
 *
 * Backfill: narratives cited while write-back was off (or before the connection existed) were never seen
 * changing. When write-back is turned on, the runner re-reads every deal (so `crmNarratives` holds what the
 * CRM says of each) and then `queueDiffering` queues the deals whose Duet list differs — each is written
 * once, paced like every write, and the CRM's echo writes nothing more.
 */
import type * as Y from 'yjs';
import { observeDealChanges, readDeal } from '@shared/collab/notes';
import type { NarrativeRef } from '@shared/collab/playbookNarratives';
import type { CrmConnector, CrmFailure } from './CrmConnector';
import { RequestPacer } from './RequestPacer';

/** Writes per second, whatever the provider allows: a backfill of thousands of deals stays polite. */
const WRITES_PER_SECOND = 2;
/** Writes per flush: a long backfill yields to the next poll every minute or so, and resumes after it. */
const MAX_WRITES_PER_FLUSH = 120;

/** Narrative ids in a stable order, as a key. */
export const narrativesKey = (ids: readonly string[]): string => [...ids].sort().join('\n');

/** Writes back what changed; `flush` is called by the runner between pages and polls. */
export class CrmWriteBack {
  private readonly pending = new Set<string>();
  /** CRM id → the narratives (ids) the CRM holds, as last read or written. */
  readonly crmNarratives = new Map<string, string>();
  private paused = false;
  private readonly dispose: () => void;
  private readonly pacer: RequestPacer;

  constructor(
    private readonly doc: Y.Doc,
    private readonly connector: CrmConnector,
    writesPerSecond = WRITES_PER_SECOND,
  ) {
    this.pacer = new RequestPacer(writesPerSecond);
    this.dispose = observeDealChanges(doc, (touched) => {
      if (this.paused) return;
      for (const id of touched) this.pending.add(id);
    });
  }

  /** Runs `write` (the runner's own change) without queueing what it touches. */
  quietly<T>(write: () => T): T {
    this.paused = true;
    try {
      return write();
    } finally {
      this.paused = false;
    }
  }

  /** Deals waiting to be written. */
  get size(): number {
    return this.pending.size;
  }

  /**
   * The backfill: queues every deal (of `index`, CRM id → deal id) whose cited narratives differ from what
   * the CRM last said. Deals the CRM did not report in this re-read (deleted there, or never there) are left
   * alone. Returns how many were queued.
   */
  queueDiffering(index: ReadonlyMap<string, string>): number {
    let queued = 0;
    for (const [crmId, dealId] of index) {
      const held = this.crmNarratives.get(crmId);
      const deal = held === undefined ? null : readDeal(this.doc, dealId);
      if (deal === null || narrativesKey(deal.narratives.map((u) => u.narrativeId)) === held) continue;
      this.pending.add(dealId);
      queued++;
    }
    return queued;
  }

  /**
   * Writes the pending deals, at most `maxWrites` of them (titles, falling back to the id of a narrative the playbook no longer has).
   * Stops at the first failure and keeps what is left pending; a deal the CRM refuses for good (deleted
   * there) is dropped and reported in `dropped`.
   */
  async flush(
    narratives: readonly NarrativeRef[],
    signal: AbortSignal,
    maxWrites = MAX_WRITES_PER_FLUSH,
  ): Promise<{ ok: true; written: number; dropped: string[] } | CrmFailure> {
    const titles = new Map(narratives.map((n) => [n.id, n.title || n.id]));
    let written = 0;
    const dropped: string[] = [];
    for (const dealId of [...this.pending]) {
      if (signal.aborted || written >= maxWrites) break;
      const deal = readDeal(this.doc, dealId);
      if (deal === null || deal.crmId === '') {
        this.pending.delete(dealId);
        continue;
      }
      const ids = deal.narratives.map((u) => u.narrativeId);
      const key = narrativesKey(ids);
      if (this.crmNarratives.get(deal.crmId) === key) {
        this.pending.delete(dealId);
        continue;
      }
      await this.pacer.next(signal);
      if (signal.aborted) break;
      const result = await this.connector.writeNarratives(
        deal.crmId,
        ids.map((id) => titles.get(id) ?? id),
        signal,
      );
      if (!result.ok && result.code !== 'config') return result;
      this.pending.delete(dealId);
      if (result.ok) {
        this.crmNarratives.set(deal.crmId, key);
        written++;
      } else dropped.push(result.message); // e.g. the deal was deleted in the CRM: nothing to retry
    }
    return { ok: true, written, dropped };
  }

  /** Stops watching. */
  close(): void {
    this.dispose();
  }
}
