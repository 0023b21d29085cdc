/**
 * Translates one Opportunity record of a query reply into a `CrmDeal`. The outcome rule (docs/CRM.md):
 * open while IsClosed is false; won when IsWon; a closed-lost deal is lost to a competitor when the competitor
 * field names one or the loss reason mentions a competitor ("Lost to competitor", "Competition"), and
 * lost-no-decision otherwise — a loss nobody else won (no budget, no decision, went dark).
 */
import type { CrmDeal } from '../CrmConnector';

/** Which columns to read, as configured. */
export interface MappingFields {
  competitorField: string;
  lossReasonField: string;
  narrativesField: string;
  /** Used when the record has no CurrencyIsoCode (single-currency org). */
  defaultCurrency: string;
}

type SfRecord = Record<string, unknown>;

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** A parent relationship field (`Account.Name`): Salesforce nests it as `{ attributes, Name }` or null. */
function related(record: SfRecord, relation: string, field: string): string {
  const parent = record[relation];
  return parent && typeof parent === 'object' ? text((parent as SfRecord)[field]) : '';
}

/** Salesforce writes dateTimes as 2024-05-01T10:00:00.000+0000; the cursor keeps plain ISO UTC. */
export function isoFromSalesforce(value: string): string | null {
  const withColon = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const time = new Date(withColon);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}

/** Values of a multi-select picklist, which Salesforce joins with ';'. */
export function splitMultiSelect(value: unknown): string[] {
  return text(value)
    .split(';')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

const COMPETITOR_REASON = /competit|lost to /i;

/** The outcome rule above. */
export function opportunityOutcome(
  isClosed: boolean,
  isWon: boolean,
  competitor: string,
  lossReason: string,
): CrmDeal['outcome'] {
  if (!isClosed) return 'open';
  if (isWon) return 'won';
  return competitor !== '' || COMPETITOR_REASON.test(lossReason) ? 'lost-competitor' : 'lost-no-decision';
}

/** The deal, or null when the record lacks an Id or a readable SystemModstamp (a malformed reply). */
export function mapOpportunity(record: SfRecord, fields: MappingFields): CrmDeal | null {
  const crmId = text(record.Id);
  const modifiedAt = isoFromSalesforce(text(record.SystemModstamp));
  if (crmId === '' || modifiedAt === null) return null;
  const competitor = fields.competitorField ? text(record[fields.competitorField]) : '';
  const lossReason = fields.lossReasonField ? text(record[fields.lossReasonField]) : '';
  const closeDate = /^\d{4}-\d{2}-\d{2}$/.test(text(record.CloseDate))
    ? text(record.CloseDate)
    : modifiedAt.slice(0, 10);
  return {
    crmId,
    account: related(record, 'Account', 'Name'),
    dealName: text(record.Name),
    stage: text(record.StageName),
    outcome: opportunityOutcome(record.IsClosed === true, record.IsWon === true, competitor, lossReason),
    amount: typeof record.Amount === 'number' && Number.isFinite(record.Amount) ? record.Amount : null,
    currency: text(record.CurrencyIsoCode) || fields.defaultCurrency,
    closeDate,
    competitor,
    lossReason,
    ownerEmail: related(record, 'Owner', 'Email').toLowerCase(),
    narratives: fields.narrativesField ? splitMultiSelect(record[fields.narrativesField]) : [],
    modifiedAt,
  };
}
