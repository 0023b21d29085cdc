/**
 * The Salesforce half of live CRM sync (docs/CRM.md, "Salesforce"): reads Opportunities incrementally by
 * SystemModstamp with `nextRecordsUrl` paging, writes cited narratives back to a multi-select picklist, and
 * checks that picklist exists. Talks HTTP only; the runner owns cursors, schedules and notes documents.
 */
import type { CrmConnector, CrmCursor, CrmDeal, CrmFailure, CrmPage } from '../CrmConnector';
import { ApiLimitGuard, type ApiUsage } from './ApiLimitGuard';
import { buildOpportunityQuery, isRecordId } from './buildOpportunityQuery';
import {
  describeOpportunity,
  missingFieldProblem,
  narrativesFieldHowTo,
  type OpportunityShape,
} from './describeOpportunity';
import { mapOpportunity } from './mapOpportunity';
import { SalesforceApi, type ApiFailure } from './SalesforceApi';
import { SalesforceAuth } from './SalesforceAuth';
import {
  DEFAULT_TUNING,
  SALESFORCE_API_VERSION,
  type SalesforceConfig,
  type SalesforceTuning,
} from './SalesforceConfig';

const DATA = `/services/data/${SALESFORCE_API_VERSION}`;

const NO_NARRATIVES_FIELD: CrmFailure = {
  ok: false,
  code: 'config',
  message: 'No narratives field is configured for Salesforce (--narratives-property).',
};

interface QueryReply {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: Record<string, unknown>[];
}

function isQueryReply(body: unknown): body is QueryReply {
  const b = body as Partial<QueryReply> | undefined;
  return !!b && typeof b.totalSize === 'number' && typeof b.done === 'boolean' && Array.isArray(b.records);
}

function malformed(what: string): CrmFailure {
  return { ok: false, code: 'provider', message: `Salesforce sent a malformed ${what}; Duet will retry.` };
}

/** Reads and writes one org's Opportunities. */
export class SalesforceConnector implements CrmConnector {
  readonly provider = 'salesforce' as const;
  private readonly api: SalesforceApi;
  private readonly guard: ApiLimitGuard;
  private readonly tuning: SalesforceTuning;
  private shape: OpportunityShape | null = null;

  constructor(
    private readonly config: SalesforceConfig,
    options: { tuning?: Partial<SalesforceTuning>; fetch?: typeof fetch; now?: () => number } = {},
  ) {
    this.tuning = { ...DEFAULT_TUNING, ...options.tuning };
    this.guard = new ApiLimitGuard(this.tuning.quotaThreshold, this.tuning.quotaPauseMs, options.now);
    const auth = new SalesforceAuth(config, options.fetch, options.now);
    this.api = new SalesforceApi(config.instanceUrl, auth, this.guard, options.fetch);
  }

  /** The org's API usage as last reported (null before the first call). */
  get apiUsage(): ApiUsage | null {
    return this.guard.usage;
  }

  /** The describe, fetched once; a configured field the org lacks is a 'config' failure. */
  private async opportunityShape(signal?: AbortSignal): Promise<OpportunityShape | CrmFailure> {
    if (this.shape) return this.shape;
    const shape = await describeOpportunity(this.api, signal);
    if ('failure' in shape) return shape.failure;
    const problem = missingFieldProblem(shape, [
      { option: '--competitor-field', name: this.config.competitorField },
      { option: '--loss-reason-field', name: this.config.lossReasonField },
      { option: '--narratives-property', name: this.config.narrativesField },
    ]);
    if (problem) return problem;
    this.shape = shape;
    return shape;
  }

  async fetchPage(cursor: CrmCursor, signal?: AbortSignal): Promise<CrmPage | CrmFailure> {
    const shape = await this.opportunityShape(signal);
    if (!(shape instanceof Map)) return shape;
    let reply: Awaited<ReturnType<SalesforceApi['call']>> | null = null;
    if (cursor.page !== null) {
      reply = await this.api.call('GET', cursor.page, { signal });
      // A query locator lives about 15 minutes; an expired one is no loss, the watermark says where we are.
      if (!reply.ok && (reply.errorCode === 'INVALID_QUERY_LOCATOR' || reply.errorCode === 'NOT_FOUND')) reply = null;
    }
    if (reply === null) {
      const soql = buildOpportunityQuery(
        { ...this.config, currency: shape.has('CurrencyIsoCode') },
        cursor,
        this.tuning.windowSize,
      );
      reply = await this.api.call('GET', `${DATA}/queryAll?q=${encodeURIComponent(soql)}`, {
        headers: { 'Sforce-Query-Options': `batchSize=${this.tuning.batchSize}` },
        signal,
      });
    }
    if (!reply.ok) return reply.failure;
    if (!isQueryReply(reply.body)) return malformed('query reply');
    const { records, nextRecordsUrl, totalSize } = reply.body;
    const deals: CrmDeal[] = [];
    const deleted: string[] = [];
    let last: CrmDeal | null = null;
    for (const record of records) {
      const deal = mapOpportunity(record, this.config);
      if (!deal) return malformed('Opportunity record (no Id or SystemModstamp)');
      if (record.IsDeleted === true) deleted.push(deal.crmId);
      else deals.push(deal);
      last = deal; // a deleted record moves the watermark like any other
    }
    const page = typeof nextRecordsUrl === 'string' && !reply.body.done ? nextRecordsUrl : null;
    const next: CrmCursor = last
      ? { ...cursor, since: last.modifiedAt, afterId: last.crmId, page }
      : { ...cursor, page };
    // A window that came back full may have more behind it: the next call opens the following window.
    return { ok: true, deals, deleted, cursor: next, done: page === null && totalSize < this.tuning.windowSize };
  }

  async writeNarratives(crmId: string, narratives: string[], signal?: AbortSignal): Promise<{ ok: true } | CrmFailure> {
    const field = this.config.narrativesField;
    if (field === '') return NO_NARRATIVES_FIELD;
    if (!isRecordId(crmId)) throw new Error(`[crm] not a Salesforce record id: ${crmId}`);
    const clash = narratives.find((n) => n.includes(';'));
    if (clash !== undefined) {
      return {
        ok: false,
        code: 'config',
        message: `The narrative "${clash}" contains ";", which Salesforce uses to separate multi-select values: rename it to write it back.`,
      };
    }
    const reply = await this.api.call('PATCH', `${DATA}/sobjects/Opportunity/${crmId}`, {
      body: { [field]: narratives.length > 0 ? narratives.join(';') : null },
      signal,
    });
    if (reply.ok) return { ok: true };
    return this.explainWriteFailure(reply, crmId);
  }

  private explainWriteFailure(reply: ApiFailure, crmId: string): CrmFailure {
    if (reply.errorCode === 'NOT_FOUND' || reply.errorCode === 'ENTITY_IS_DELETED') {
      return {
        ok: false,
        code: 'config',
        message: `Opportunity ${crmId} no longer exists in Salesforce; its narratives were not written back.`,
      };
    }
    if (reply.errorCode === 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST') {
      return {
        ok: false,
        code: 'config',
        message: `${this.config.narrativesField} only accepts its listed values: add the narrative titles to it in Setup, or untick "Restrict picklist to the values defined in the value set". (${reply.failure.message})`,
      };
    }
    return reply.failure;
  }

  /**
   * Checks the narratives picklist rather than creating it: a field created through the Tooling API is
   * invisible to every profile until field-level security is granted, which needs the same admin visit, so
   * creating it here would only move the failure. The 'config' failure says exactly what to create.
   */
  async ensureNarrativeProperty(options: string[], signal?: AbortSignal): Promise<{ ok: true } | CrmFailure> {
    const field = this.config.narrativesField;
    if (field === '') return NO_NARRATIVES_FIELD;
    this.shape = null; // the admin may have just created it
    const shape = await describeOpportunity(this.api, signal);
    if ('failure' in shape) return shape.failure;
    const described = shape.get(field);
    const fail = (message: string): CrmFailure => ({ ok: false, code: 'config', message });
    if (!described)
      return fail(
        `Salesforce has no Opportunity field ${field} that the integration user can see. ${narrativesFieldHowTo(field)}`,
      );
    if (described.type !== 'multipicklist')
      return fail(
        `${field} is a ${described.type} field; Duet needs a "Picklist (Multi-Select)". ${narrativesFieldHowTo(field)}`,
      );
    if (!described.updateable)
      return fail(
        `The integration user can read ${field} but not edit it: grant Edit access in its profile or permission set.`,
      );
    if (described.restrictedPicklist) {
      const missing = options.filter((o) => !described.picklistValues.includes(o));
      if (missing.length > 0)
        return fail(
          `${field} is restricted to its listed values and lacks: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ` and ${missing.length - 10} more` : ''}. Add them in Setup or lift the restriction.`,
        );
    }
    return { ok: true };
  }
}
