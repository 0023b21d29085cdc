/**
 * One workspace's CRM sync, run by the CrmRunner inside the serving process. A pass fetches pages from the
 * cursor until the connector says it is caught up; each page is written into the playbook's notes document
 * through the server's document registry (stored, then relayed live to every open client, like any
 * update), and only once it is stored is the cursor saved. A kill at any point therefore replays at most
 * the last page, which changes nothing the second time (deals are keyed by CRM id).
 *
 * Failures are the connector's `CrmFailure` values: `auth` stops until `crm connect` is run again (the
 * runner restarts a connection whose revision changed), `rate-limited`/`quota` wait as told, `provider`
 * backs off (doubling, capped), `config` retries at the next poll. The storyteller sees each in the status.
 *
 * With `backfill` in the cursor (write-back just turned on), the sync first re-reads every deal from the
 * start, then writes back the deals whose narratives differ (CrmWriteBack.queueDiffering), and only then
 * clears the flag — a kill before that re-reads again, and deals already written match and are skipped.
 */
import type * as Y from 'yjs';
import { crmStatusDocName, notesDocName, playbookDocName } from '@shared/collab/docNames';
import { writeCrmStatus, type CrmStatusView } from '@shared/collab/crmStatus';
import { matchNarratives, readPlaybookNarratives } from '@shared/collab/playbookNarratives';
import type { Members } from '../auth/Members';
import type { DocLease, DocRegistry } from '../sync/DocRegistry';
import type { SharedDoc } from '../sync/SharedDoc';
import { START_CURSOR, type CrmConnector, type CrmCursor, type CrmFailure } from './CrmConnector';
import { openCredentials } from './crmSecrets';
import { CrmWriteBack, narrativesKey } from './CrmWriteBack';
import { crmProvider } from './providers';
import type { CrmConnection, CrmStatus, CrmStore } from './store/CrmStore';
import { indexCrmDeals, visibleCrmDeals, writeCrmDeals, type CrmOwner } from './writeCrmDeals';

/** What a sync needs from the server. */
export interface CrmSyncDeps {
  store: CrmStore;
  members: Members;
  secret: Buffer;
  registry: DocRegistry;
  /** First wait after a provider error (doubles up to `maxBackoffMs`). */
  backoffMs: number;
  maxBackoffMs: number;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/** Resolves at the document's next change, or when the sync stops. */
const nextChange = (doc: Y.Doc, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      doc.off('update', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    doc.on('update', done);
    signal.addEventListener('abort', done, { once: true });
  });

/** A running sync of one connection; `stop` ends it. */
export class CrmSync {
  private readonly abort = new AbortController();
  private readonly leases: DocLease[] = [];
  private readonly done: Promise<void>;
  private cursor: CrmCursor;
  private status: CrmStatus;
  private statusDoc: SharedDoc | null = null;
  private label: string;
  /** True once the sync ended, stopped or not (a storage failure ends it; the runner starts it again). */
  finished = false;

  constructor(
    private readonly connection: CrmConnection,
    private readonly deps: CrmSyncDeps,
  ) {
    this.cursor = connection.cursor;
    this.status = connection.status;
    this.label = crmProvider(connection.provider)?.label ?? connection.provider;
    this.done = this.run().catch((error: unknown) => {
      console.error(`[crm] ${connection.workspace}: the sync stopped on an error`, error);
    });
  }

  /** Stops the sync after the request under way and releases its documents. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.done;
  }

  private async run(): Promise<void> {
    const { workspace, settings } = this.connection;
    const signal = this.abort.signal;
    let writeBack: CrmWriteBack | null = null;
    try {
      this.statusDoc = await this.open(crmStatusDocName(workspace));
      await this.report({}); // at once: after `crm connect` the app shows "connected" instead of an old error
      const spec = crmProvider(this.connection.provider);
      const credentials = openCredentials(this.deps.secret, workspace, this.connection.sealedCredentials);
      if (spec === null) return await this.park('config', `This server cannot sync ${this.label}; update Duet.`);
      if (credentials === null)
        return await this.park(
          'auth',
          "The stored CRM credentials do not open with this server's secret — run `crm connect` again.",
        );
      const connector = spec.create(credentials, settings);
      const notes = await this.open(notesDocName(workspace, settings.playbookId));
      const playbook = await this.open(playbookDocName(workspace, settings.playbookId));
      const index = indexCrmDeals(notes.doc);
      writeBack = settings.writeBack ? new CrmWriteBack(notes.doc, connector) : null;
      if (this.cursor.backfill === true)
        this.cursor = writeBack
          ? fromStart(this.cursor, { backfill: true }) // re-read all: see above
          : { ...this.cursor, backfill: false };
      let backfillQueued = false;
      let backoff = this.deps.backoffMs;
      let optionsKey = '';
      // A playbook created on a device reaches the server only when that device connects. Matching CRM
      // narratives against an empty document would write every deal without its narratives, so wait for it.
      while (!signal.aborted && playbook.doc.store.clients.size === 0) {
        await this.report({
          state: 'error',
          lastError: {
            code: 'config',
            message: 'Waiting for the playbook to reach this server: open it once in Duet while connected.',
            at: Date.now(),
          },
        });
        await nextChange(playbook.doc, signal);
      }
      while (!signal.aborted) {
        const narratives = readPlaybookNarratives(playbook.doc);
        let failure: CrmFailure | null = null;
        if (writeBack) {
          const key = narratives.map((n) => n.title).join('\n');
          if (key !== optionsKey) {
            const ensured = await connector.ensureNarrativeProperty(
              narratives.map((n) => n.title),
              signal,
            );
            if (ensured.ok) optionsKey = key;
            else failure = ensured;
          }
        }
        if (failure === null) await this.rereadForNewOwners(workspace);
        if (failure === null) failure = await this.pass(connector, notes, index, narratives, writeBack, signal);
        if (failure === null && writeBack !== null) {
          if (this.cursor.backfill === true && !backfillQueued) {
            const queued = writeBack.queueDiffering(index);
            backfillQueued = true;
            console.log(`[crm] ${workspace}: writing back the narratives of ${queued} deals cited before write-back`);
          }
          const flushed = await writeBack.flush(narratives, signal);
          if (!flushed.ok) failure = flushed;
          else {
            if (flushed.dropped.length > 0) console.warn(`[crm] ${workspace}: ${flushed.dropped.join('; ')}`);
            if (backfillQueued && writeBack.size === 0) this.cursor = { ...this.cursor, backfill: false };
          }
        }
        if (signal.aborted) break;
        if (failure === null) {
          backoff = this.deps.backoffMs;
          const dealsSynced = visibleCrmDeals(notes.doc, index);
          await this.report({ state: 'ok', lastSyncAt: Date.now(), dealsSynced, lastError: null });
          await sleep(settings.pollSeconds * 1000, signal);
          continue;
        }
        await this.report({
          state: 'error',
          lastError: { code: failure.code, message: failure.message, at: Date.now() },
        });
        if (failure.code === 'auth') return await this.park(failure.code, failure.message);
        const wait = failure.code === 'provider' ? backoff : (failure.retryAfterMs ?? settings.pollSeconds * 1000);
        if (failure.code === 'provider') backoff = Math.min(backoff * 2, this.deps.maxBackoffMs);
        await sleep(wait, signal);
      }
    } finally {
      writeBack?.close();
      this.finished = true;
      for (const lease of this.leases.splice(0).reverse()) lease.release();
    }
  }

  /** One pass: pages until caught up. Returns the failure that ended it early, or null. */
  private async pass(
    connector: CrmConnector,
    notes: SharedDoc,
    index: Map<string, string>,
    narratives: ReturnType<typeof readPlaybookNarratives>,
    writeBack: CrmWriteBack | null,
    signal: AbortSignal,
  ): Promise<CrmFailure | null> {
    for (;;) {
      const page = await connector.fetchPage(this.cursor, signal);
      if (signal.aborted) return null;
      if (!page.ok) return page;
      // The members are read after the page, never before: a person invited before the CRM named them a
      // deal's owner must be known when that deal is written, or it goes unowned until the CRM changes it again.
      const owners = await this.owners();
      const context = { label: this.label, narratives, owners, now: Date.now() };
      const write = () => writeCrmDeals(notes.doc, page.deals, index, context, page.deleted);
      const summary = writeBack ? writeBack.quietly(write) : write();
      if (writeBack) {
        for (const deal of page.deals)
          writeBack.crmNarratives.set(deal.crmId, narrativesKey(matchNarratives(narratives, deal.narratives).ids));
        for (const crmId of page.deleted) writeBack.crmNarratives.delete(crmId);
      }
      for (const { crmId, reason } of summary.rejected)
        console.warn(`[crm] ${this.connection.workspace}: deal ${crmId} skipped: ${reason}`);
      await notes.drain();
      if (notes.isFailed) throw new Error(`[crm] ${notes.name}: storing the page failed`);
      this.cursor = page.cursor;
      // "Syncing" only while pages remain: a poll that finds nothing new does not flicker the status line.
      const dealsSynced = visibleCrmDeals(notes.doc, index);
      await this.report(page.done ? { dealsSynced } : { dealsSynced, state: 'syncing' });
      if (page.done) return null;
    }
  }

  /**
   * A member invited (or given an e-mail) after the CRM named them a deal's owner gets that deal: the pass
   * that wrote it left it unowned, and the CRM reports a deal again only when it changes. So when the
   * members' e-mails gain one since the last pass, every deal is read again from the start (as after
   * `crm connect`; pages already written only move owners, their other fields being equal). The new list is
   * saved with the cursor, so a restart in the middle goes on reading, and only one re-read is made.
   */
  private async rereadForNewOwners(workspace: string): Promise<void> {
    const emails = [...(await this.owners()).keys()].sort();
    const known = new Set(this.cursor.owners ?? emails); // none recorded yet: recorded now, no re-read
    const arrived = emails.filter((email) => !known.has(email)).length;
    if (arrived > 0) {
      console.log(`[crm] ${workspace}: ${arrived} member(s) with a new e-mail; reading every deal again`);
      this.cursor = fromStart(this.cursor, { owners: emails });
    } else if (known.size !== emails.length || this.cursor.owners === undefined) {
      this.cursor = { ...this.cursor, owners: emails }; // someone left, or the first pass that records them
    }
  }

  /** Active members with an e-mail, by lower-case e-mail. */
  private async owners(): Promise<Map<string, CrmOwner>> {
    const owners = new Map<string, CrmOwner>();
    for (const member of await this.deps.members.list(this.connection.workspace))
      if (member.revokedAt === null && member.email)
        owners.set(member.email.toLowerCase(), { id: member.id, name: member.name });
    return owners;
  }

  /** Shows a failure that only `crm connect` can mend, and waits until the sync is stopped. */
  private async park(code: string, message: string): Promise<void> {
    await this.report({ state: 'error', lastError: { code, message, at: Date.now() } });
    while (!this.abort.signal.aborted) await sleep(2 ** 31 - 1, this.abort.signal);
  }

  /** Saves cursor and status (unless the connection was changed meanwhile) and shows the status in the app. */
  private async report(change: Partial<CrmStatus>): Promise<void> {
    this.status = { ...this.status, ...change };
    const { workspace, revision, provider, settings } = this.connection;
    if (!(await this.deps.store.saveProgress(workspace, revision, this.cursor, this.status))) {
      // `crm connect` or `crm disconnect` changed the connection: this sync is stale, the runner replaces it.
      this.abort.abort();
      return;
    }
    if (this.statusDoc === null) return;
    const view: CrmStatusView = {
      provider,
      label: this.label,
      playbookId: settings.playbookId,
      writeBack: settings.writeBack,
      ...this.status,
    };
    writeCrmStatus(this.statusDoc.doc, view);
  }

  private async open(name: string): Promise<SharedDoc> {
    const lease = this.deps.registry.acquire(name);
    this.leases.push(lease);
    return lease.ready;
  }
}

/**
 * `cursor` moved back to the first deal, to read every deal again: the deletion sweep keeps its place (it runs
 * on its own schedule), a write-back backfill under way stays under way, and `changes` are applied.
 */
function fromStart(cursor: CrmCursor, changes: Partial<CrmCursor>): CrmCursor {
  return {
    ...START_CURSOR,
    sweep: cursor.sweep ?? null,
    ...(cursor.backfill === true ? { backfill: true } : {}),
    ...(cursor.owners ? { owners: cursor.owners } : {}),
    ...changes,
  };
}
