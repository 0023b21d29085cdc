/**
 * One CRM provider, as the sync server's CRM runner sees it (docs/CRM.md). A connector only talks HTTP to its
 * provider and translates; the runner owns the cursor, the schedule, writing deals into notes documents and
 * the status the app shows. Expected failures (revoked token, rate limit, provider error) come back as
 * `CrmFailure` values, never as exceptions; a thrown error is a bug.
 */

/** The providers Duet connects to. */
export type CrmProvider = 'hubspot' | 'salesforce';

/** One deal as the CRM has it, already translated to Duet's vocabulary (but not yet validated). */
export interface CrmDeal {
  /** The CRM's own record id (HubSpot deal id, Salesforce Opportunity Id): the key that prevents duplicates. */
  crmId: string;
  account: string;
  dealName: string;
  /** The CRM's stage label, as shown in the CRM. */
  stage: string;
  outcome: 'won' | 'lost-competitor' | 'lost-no-decision' | 'open';
  /** Null when the CRM has no amount. */
  amount: number | null;
  /** ISO 4217 code; the provider's company currency when the record has none. */
  currency: string;
  /** yyyy-mm-dd; for open deals the expected close date (or last modified date when there is none). */
  closeDate: string;
  competitor: string;
  lossReason: string;
  /** The owner's e-mail (matched to a member), '' when unknown. */
  ownerEmail: string;
  /** Narrative titles or ids as read from the configured CRM property ([] when not set). */
  narratives: string[];
  /** When the CRM last modified the record (ISO 8601, UTC): what the cursor advances by. */
  modifiedAt: string;
}

/**
 * Where an incremental sync stands. `since` is the modified-time watermark; `afterId` breaks ties among
 * records that share one timestamp (so many records with one timestamp neither loop nor get skipped);
 * `page` is a provider paging token (HubSpot `after`, Salesforce `nextRecordsUrl`) valid only within one
 * window. The runner stores it as JSON after every page it has applied.
 */
export interface CrmCursor {
  since: string;
  afterId: string;
  page: string | null;
  /**
   * Where a provider's separate sweep for deleted deals stands (HubSpot: the archived list is read on its
   * own schedule); absent for providers that see deletions in the modified-records read itself (Salesforce).
   */
  sweep?: string | null;
  /**
   * True while the sync re-reads every deal to write back what was cited while write-back was off: set by
   * `crm connect --write-back` when write-back was off (or the connection is new), cleared once written.
   */
  backfill?: boolean;
  /**
   * The members' e-mails (lower case, sorted) the deals' owners were last matched against. A member who
   * arrives with an e-mail not in it may own deals the CRM will not report again until they change, so the
   * sync re-reads every deal once (CrmSync.ts). Absent in cursors saved before it existed: recorded, no re-read.
   */
  owners?: string[];
}

/** The cursor of a connection that has never synced. */
export const START_CURSOR: CrmCursor = { since: '1970-01-01T00:00:00.000Z', afterId: '', page: null };

/** Why a call failed, in terms the runner can act on. */
export type CrmFailureCode =
  | 'auth' // token revoked/expired and cannot be refreshed: stop, show the storyteller, wait for `crm connect`
  | 'rate-limited' // wait `retryAfterMs`, then retry the same page
  | 'quota' // daily allowance nearly spent (Salesforce): wait `retryAfterMs` (until the window resets)
  | 'provider' // 5xx or malformed reply: retry with backoff, same cursor
  | 'config'; // e.g. the narratives property is missing; fix the configuration

/** An expected failure; `message` is shown to the storyteller as is (never contains a secret). */
export interface CrmFailure {
  ok: false;
  code: CrmFailureCode;
  message: string;
  retryAfterMs?: number;
}

/** One page of changed deals and the cursor after it. `done` is true when nothing newer remains right now. */
export interface CrmPage {
  ok: true;
  deals: CrmDeal[];
  /** CRM ids of deals deleted in the CRM (HubSpot "archived", Salesforce `IsDeleted`), applied with the page. */
  deleted: string[];
  cursor: CrmCursor;
  done: boolean;
}

/** A provider connector. Implementations: HubSpotConnector, SalesforceConnector. */
export interface CrmConnector {
  readonly provider: CrmProvider;
  /** Fetches the next page of deals modified at or after the cursor, oldest first. */
  fetchPage(cursor: CrmCursor, signal?: AbortSignal): Promise<CrmPage | CrmFailure>;
  /** Writes the narratives cited in Duet back to the deal's narratives property (opt-in write-back). */
  writeNarratives(crmId: string, narratives: string[], signal?: AbortSignal): Promise<{ ok: true } | CrmFailure>;
  /** Creates the narratives property when missing (a multi-select with these options); idempotent. */
  ensureNarrativeProperty(options: string[], signal?: AbortSignal): Promise<{ ok: true } | CrmFailure>;
}
