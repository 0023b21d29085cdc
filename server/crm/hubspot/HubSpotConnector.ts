/**
 * HubSpot deals through the CRM v3 API, written from HubSpot's public reference (docs/CRM.md):
 * `POST /crm/v3/objects/deals/search`, `PATCH /crm/v3/objects/deals/{id}`, `/crm/v3/properties/deals`,
 * `/crm/v3/owners`, `/crm/v3/pipelines/deals`.
 *
 * Paging is by key, never by `after`: a search sorts on one property only and stops at 10,000 results per
 * query, so every query starts afresh from the cursor. The range query takes deals modified after `since`
 * (sorted by modification time); when a full page ends inside one timestamp, the ties at that timestamp are
 * read by id (`hs_object_id` above `afterId`, sorted by id) until none remain — so any number of deals with
 * one timestamp neither loops nor skips, and no query ever pages past the cap.
 *
 * Deleted ("archived") deals never appear in a search. They are listed by `GET /crm/v3/objects/deals
 * ?archived=true` (100 a page, `after` paging), which cannot be filtered by time — so the whole list is read,
 * one page per call, at most once per `deletionCheckMs` (default 10 min: a portal with 2,000 archived deals
 * costs 20 requests per sweep), and where the sweep stands is kept in the cursor (`sweep`), so a kill in the
 * middle resumes it. HubSpot empties its recycle bin after 90 days, so the list stays short.
 */
import type { CrmConnector, CrmCursor, CrmFailure, CrmPage } from '../CrmConnector';
import { RequestPacer } from '../RequestPacer';
import { hubspotProperties, isoTime, toCrmDeal, type HubSpotMapping, type HubSpotRecord } from './hubspotDeal';

/** HubSpot's own API address. */
export const HUBSPOT_API = 'https://api.hubapi.com';
/** The largest page the search accepts. */
export const HUBSPOT_PAGE = 200;
/** Ties are being read by id at `since` (a full page ended inside that timestamp). */
const TIES = 'ties';
/** The largest page of the archived-deals list. */
const ARCHIVED_PAGE = 100;

/** How to reach one portal. */
export interface HubSpotOptions {
  token: string;
  apiBase: string;
  /** Requests per second; HubSpot allows search four per second per token, so the default stays below. */
  requestsPerSecond: number;
  /** How often the archived (deleted) deals are listed; default 10 minutes. */
  deletionCheckMs?: number;
  /** The clock (tests pin it). */
  now?: () => number;
  mapping: Omit<HubSpotMapping, 'stageLabels' | 'ownerEmails'>;
}

type Reply = { ok: true; status: number; body: unknown } | CrmFailure;

const failure = (code: CrmFailure['code'], message: string, retryAfterMs?: number): CrmFailure => ({
  ok: false,
  code,
  message,
  ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
});

/** The connector. */
export class HubSpotConnector implements CrmConnector {
  readonly provider = 'hubspot' as const;
  private readonly pacer: RequestPacer;
  private readonly stageLabels = new Map<string, string>();
  private readonly ownerEmails = new Map<string, string>();
  private lookupsLoaded = false;
  /** Owner ids a deal named that the owners list lacked when read again. */
  private readonly ownersMissing = new Set<string>();

  constructor(private readonly options: HubSpotOptions) {
    this.pacer = new RequestPacer(options.requestsPerSecond);
  }

  async fetchPage(cursor: CrmCursor, signal?: AbortSignal): Promise<CrmPage | CrmFailure> {
    if (!this.lookupsLoaded) {
      const loaded = await this.loadLookups(signal);
      if (!loaded.ok) return loaded;
    }
    if (cursor.page === null && this.sweepDue(cursor.sweep ?? null)) return this.sweepArchived(cursor, signal);
    const deals: HubSpotRecord[] = [];
    if (cursor.page === TIES) {
      const idFilter =
        cursor.afterId === '' ? [] : [{ propertyName: 'hs_object_id', operator: 'GT', value: cursor.afterId }];
      const ties = await this.search([{ filters: [eq(cursor.since), ...idFilter] }], 'hs_object_id', signal);
      if (!ties.ok) return ties;
      if (ties.results.length === HUBSPOT_PAGE) {
        const last = ties.results.at(-1)!;
        return this.page(ties.results, { ...cursor, afterId: last.id, page: TIES }, false);
      }
      deals.push(...ties.results); // the ties are done: go on with what came later, in this same call
    }
    const range = await this.search(
      [{ filters: [{ propertyName: 'hs_lastmodifieddate', operator: 'GT', value: millis(cursor.since) }] }],
      'hs_lastmodifieddate',
      signal,
    );
    if (!range.ok) return range;
    const all = [...deals, ...range.results];
    const owners = await this.refreshOwnersFor(all, signal);
    if (!owners.ok) return owners;
    if (range.results.length < HUBSPOT_PAGE) {
      // Everything after `since` is here: the cursor moves to the newest deal (or stays when none changed).
      const newest = all.at(-1);
      const since = newest ? isoTime(newest.properties.hs_lastmodifieddate) : cursor.since;
      const afterId = newest ? maxIdAt(all, since) : cursor.afterId;
      return this.page(all, { ...cursor, since, afterId, page: null }, true);
    }
    const lastTime = isoTime(range.results.at(-1)!.properties.hs_lastmodifieddate);
    const before = range.results.filter((r) => isoTime(r.properties.hs_lastmodifieddate) < lastTime).at(-1);
    // Deals before the last timestamp are complete; the last one may have more deals beyond this page.
    const next: CrmCursor = before
      ? { ...cursor, since: isoTime(before.properties.hs_lastmodifieddate), afterId: '', page: null }
      : { ...cursor, since: lastTime, afterId: '', page: TIES };
    return this.page(all, next, false);
  }

  async writeNarratives(crmId: string, narratives: string[], signal?: AbortSignal): Promise<{ ok: true } | CrmFailure> {
    const property = this.options.mapping.narrativesProperty;
    const reply = await this.request('PATCH', `/crm/v3/objects/deals/${encodeURIComponent(crmId)}`, signal, {
      properties: { [property]: narratives.join(';') },
    });
    if (!reply.ok) return reply;
    if (reply.status === 404) return failure('config', `HubSpot has no deal ${crmId} any more.`);
    return reply.status < 300 ? { ok: true } : unexpected(reply.status);
  }

  async ensureNarrativeProperty(options: string[], signal?: AbortSignal): Promise<{ ok: true } | CrmFailure> {
    const name = this.options.mapping.narrativesProperty;
    const path = `/crm/v3/properties/deals/${encodeURIComponent(name)}`;
    const current = await this.request('GET', path, signal);
    if (!current.ok) return current;
    const wanted = options.map((o) => o.replaceAll(';', ',').trim()).filter(Boolean);
    if (current.status === 404) {
      const created = await this.request('POST', '/crm/v3/properties/deals', signal, {
        name,
        label: 'Duet narratives',
        description: 'Narratives from the Duet playbook used in this deal (kept in sync by Duet).',
        groupName: 'dealinformation',
        type: 'enumeration',
        fieldType: 'checkbox',
        options: wanted.map((label, i) => ({ label, value: label, displayOrder: i })),
      });
      if (!created.ok) return created;
      return created.status < 300 || created.status === 409 ? { ok: true } : unexpected(created.status);
    }
    if (current.status !== 200) return unexpected(current.status);
    const existing = ((current.body as { options?: { label: string; value: string }[] }).options ?? []).map((o) => ({
      label: o.label,
      value: o.value,
    }));
    const known = new Set(existing.map((o) => o.value));
    const missing = wanted.filter((value) => !known.has(value));
    if (missing.length === 0) return { ok: true };
    const all = [...existing, ...missing.map((value) => ({ label: value, value }))];
    const patched = await this.request('PATCH', path, signal, {
      options: all.map((o, i) => ({ ...o, displayOrder: i })),
    });
    if (!patched.ok) return patched;
    return patched.status < 300 ? { ok: true } : unexpected(patched.status);
  }

  private page(records: HubSpotRecord[], cursor: CrmCursor, done: boolean): CrmPage {
    const mapping: HubSpotMapping = {
      ...this.options.mapping,
      stageLabels: this.stageLabels,
      ownerEmails: this.ownerEmails,
    };
    return { ok: true, deals: records.map((r) => toCrmDeal(r, mapping)), deleted: [], cursor, done };
  }

  /** Whether the archived list is due: never swept, a sweep under way, or the last one long enough ago. */
  private sweepDue(sweep: string | null): boolean {
    if (sweep === null || sweep.startsWith('after:')) return true;
    const at = Number(sweep.slice('at:'.length));
    return !(this.now() - at < (this.options.deletionCheckMs ?? 600_000));
  }

  /** One page of the archived deals; the last page ends the sweep (`at:` its time). */
  private async sweepArchived(cursor: CrmCursor, signal?: AbortSignal): Promise<CrmPage | CrmFailure> {
    const after = cursor.sweep?.startsWith('after:') ? cursor.sweep.slice('after:'.length) : '';
    const query = `/crm/v3/objects/deals?archived=true&limit=${ARCHIVED_PAGE}&properties=hs_object_id${
      after === '' ? '' : `&after=${encodeURIComponent(after)}`
    }`;
    const reply = await this.request('GET', query, signal);
    if (!reply.ok) return reply;
    if (reply.status !== 200) return unexpected(reply.status, reply.body);
    const body = reply.body as { results?: unknown; paging?: { next?: { after?: unknown } } };
    if (!Array.isArray(body.results) || !body.results.every(isRecord))
      return failure(
        'provider',
        'HubSpot answered the archived-deals list with something that is not a list of deals.',
      );
    const next = body.paging?.next?.after;
    const sweep = typeof next === 'string' && next !== '' ? `after:${next}` : `at:${this.now()}`;
    const deleted = body.results.filter((r) => r.archived !== false).map((r) => r.id);
    return { ok: true, deals: [], deleted, cursor: { ...cursor, sweep }, done: false };
  }

  /**
   * Reads the owners again when a deal names an owner not seen yet (a salesperson added since), once per
   * unknown owner id: one HubSpot no longer lists (deactivated) is not asked for again.
   */
  private async refreshOwnersFor(records: HubSpotRecord[], signal?: AbortSignal): Promise<{ ok: true } | CrmFailure> {
    const unknown = new Set<string>();
    for (const record of records) {
      const owner = record.properties.hubspot_owner_id;
      if (typeof owner === 'string' && owner !== '' && !this.ownerEmails.has(owner) && !this.ownersMissing.has(owner))
        unknown.add(owner);
    }
    if (unknown.size === 0) return { ok: true };
    const loaded = await this.loadOwners(signal);
    if (!loaded.ok) return loaded;
    for (const owner of unknown) if (!this.ownerEmails.has(owner)) this.ownersMissing.add(owner);
    return { ok: true };
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private async search(
    filterGroups: unknown[],
    sortBy: string,
    signal?: AbortSignal,
  ): Promise<{ ok: true; results: HubSpotRecord[] } | CrmFailure> {
    const reply = await this.request('POST', '/crm/v3/objects/deals/search', signal, {
      filterGroups,
      sorts: [{ propertyName: sortBy, direction: 'ASCENDING' }],
      properties: hubspotProperties({ ...this.options.mapping, stageLabels: new Map(), ownerEmails: new Map() }),
      limit: HUBSPOT_PAGE,
      after: '0',
    });
    if (!reply.ok) return reply;
    if (reply.status !== 200) return unexpected(reply.status, reply.body);
    const results = (reply.body as { results?: unknown }).results;
    if (!Array.isArray(results) || !results.every(isRecord))
      return failure('provider', 'HubSpot answered the deal search with something that is not a list of deals.');
    return { ok: true, results };
  }

  /** Pipeline stage labels and owners' e-mails, read once per connector (and again when an owner is new). */
  private async loadLookups(signal?: AbortSignal): Promise<{ ok: true } | CrmFailure> {
    const pipelines = await this.request('GET', '/crm/v3/pipelines/deals', signal);
    if (!pipelines.ok) return pipelines;
    if (pipelines.status !== 200) return unexpected(pipelines.status, pipelines.body);
    for (const pipeline of (pipelines.body as { results?: { stages?: { id: string; label: string }[] }[] }).results ??
      [])
      for (const stage of pipeline.stages ?? []) this.stageLabels.set(String(stage.id), String(stage.label));
    const owners = await this.loadOwners(signal);
    if (!owners.ok) return owners;
    this.lookupsLoaded = true;
    return { ok: true };
  }

  /** Every owner's e-mail, by owner id. */
  private async loadOwners(signal?: AbortSignal): Promise<{ ok: true } | CrmFailure> {
    let after: string | undefined;
    do {
      const query = `/crm/v3/owners?limit=500${after ? `&after=${encodeURIComponent(after)}` : ''}`;
      const owners = await this.request('GET', query, signal);
      if (!owners.ok) return owners;
      if (owners.status !== 200) return unexpected(owners.status, owners.body);
      const body = owners.body as {
        results?: { id: string; email?: string }[];
        paging?: { next?: { after?: string } };
      };
      for (const owner of body.results ?? []) if (owner.email) this.ownerEmails.set(String(owner.id), owner.email);
      after = body.paging?.next?.after;
    } while (after !== undefined);
    return { ok: true };
  }

  /** One paced request; maps HubSpot's refusals to what the runner does about them. */
  private async request(method: string, path: string, signal?: AbortSignal, body?: unknown): Promise<Reply> {
    await this.pacer.next(signal);
    let response: Response;
    try {
      response = await fetch(`${this.options.apiBase}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${this.options.token}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: signal ?? null,
      });
    } catch (error) {
      if (signal?.aborted) return failure('provider', 'Stopped.');
      return failure('provider', `HubSpot could not be reached (${(error as Error).message}).`);
    }
    const json: unknown = await response.json().catch(() => null);
    if (response.status === 401)
      return failure('auth', 'HubSpot refused the token — run `crm connect` again with a valid private-app token.');
    if (response.status === 403)
      return failure('auth', `HubSpot says the private app lacks a scope (${hubspotMessage(json)}); see docs/CRM.md.`);
    if (response.status === 429) {
      const seconds = Number(response.headers.get('retry-after'));
      const wait = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 10_000;
      return failure('rate-limited', 'HubSpot asked Duet to slow down; retrying shortly.', wait);
    }
    if (response.status >= 500) return failure('provider', `HubSpot had an error (${response.status}); retrying.`);
    return { ok: true, status: response.status, body: json };
  }
}

function eq(since: string) {
  return { propertyName: 'hs_lastmodifieddate', operator: 'EQ', value: millis(since) };
}

/** HubSpot filters date-times by epoch milliseconds. */
function millis(iso: string): string {
  return String(Date.parse(iso));
}

function maxIdAt(records: HubSpotRecord[], since: string): string {
  let max = '';
  for (const r of records)
    if (isoTime(r.properties.hs_lastmodifieddate) === since && (max === '' || BigInt(r.id) > BigInt(max))) max = r.id;
  return max;
}

function isRecord(value: unknown): value is HubSpotRecord {
  const v = value as HubSpotRecord;
  return typeof v === 'object' && v !== null && typeof v.id === 'string' && typeof v.properties === 'object';
}

function hubspotMessage(body: unknown): string {
  const message = (body as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message.slice(0, 200) : 'no detail';
}

function unexpected(status: number, body?: unknown): CrmFailure {
  return failure('config', `HubSpot refused the request (${status}: ${hubspotMessage(body)}).`);
}
