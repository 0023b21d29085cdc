/**
 * One HubSpot deal (CRM v3 search result) in Duet's vocabulary. HubSpot returns every property as a string
 * or null; what Duet cannot read stays empty rather than guessed (the runner validates again).
 */
import type { CrmDeal } from '../CrmConnector';

/** A search result as HubSpot sends it. */
export interface HubSpotRecord {
  id: string;
  properties: Record<string, string | null | undefined>;
  /** True in the archived-deals list (deleted in HubSpot). */
  archived?: boolean;
}

/** What the mapping needs besides the record. */
export interface HubSpotMapping {
  narrativesProperty: string;
  competitorProperty: string;
  lossReasonProperty: string;
  accountProperty: string;
  /** The account's company currency, for deals without `deal_currency_code`. */
  currency: string;
  /** Pipeline stage id → label. */
  stageLabels: ReadonlyMap<string, string>;
  /** Owner id → e-mail. */
  ownerEmails: ReadonlyMap<string, string>;
}

/** The properties a search must ask for. */
export function hubspotProperties(mapping: HubSpotMapping): string[] {
  const wanted = [
    'dealname',
    'amount',
    'deal_currency_code',
    'closedate',
    'dealstage',
    'hs_lastmodifieddate',
    'hs_is_closed',
    'hs_is_closed_won',
    'hubspot_owner_id',
    mapping.narrativesProperty,
    mapping.competitorProperty,
    mapping.lossReasonProperty,
    mapping.accountProperty,
  ];
  return [...new Set(wanted.filter((p) => p !== ''))];
}

const text = (value: string | null | undefined): string => (typeof value === 'string' ? value.trim() : '');

function outcomeOf(p: HubSpotRecord['properties'], competitor: string, lossReason: string): CrmDeal['outcome'] {
  const stage = text(p.dealstage).toLowerCase();
  const won = text(p.hs_is_closed_won) === 'true' || stage === 'closedwon';
  const closed = won || text(p.hs_is_closed) === 'true' || stage === 'closedlost';
  if (won) return 'won';
  if (!closed) return 'open';
  // As the CSV import reads it: a stated "no decision" wins over a named competitor.
  if (/no.?decision|no budget|stalled|went dark/i.test(lossReason)) return 'lost-no-decision';
  return competitor !== '' ? 'lost-competitor' : 'lost-no-decision';
}

/** HubSpot's timestamps are ISO 8601 (sometimes epoch milliseconds in older portals): always ISO back. */
export function isoTime(value: string | null | undefined): string {
  const raw = text(value);
  const date = /^\d+$/.test(raw) ? new Date(Number(raw)) : new Date(raw);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

/** Translates one record. */
export function toCrmDeal(record: HubSpotRecord, mapping: HubSpotMapping): CrmDeal {
  const p = record.properties;
  const competitor = mapping.competitorProperty === '' ? '' : text(p[mapping.competitorProperty]);
  const lossReason = text(p[mapping.lossReasonProperty]);
  const amountText = text(p.amount);
  const amount = amountText === '' ? null : Number(amountText);
  const modifiedAt = isoTime(p.hs_lastmodifieddate);
  const closeDate = isoTime(p.closedate) || modifiedAt;
  const stageId = text(p.dealstage);
  const dealName = text(p.dealname);
  return {
    crmId: record.id,
    account: text(p[mapping.accountProperty]) || dealName,
    dealName,
    stage: mapping.stageLabels.get(stageId) ?? stageId,
    outcome: outcomeOf(p, competitor, lossReason),
    amount: amount !== null && Number.isFinite(amount) ? amount : null,
    currency: text(p.deal_currency_code).toUpperCase() || mapping.currency,
    closeDate: closeDate.slice(0, 10),
    competitor,
    lossReason,
    ownerEmail: mapping.ownerEmails.get(text(p.hubspot_owner_id)) ?? '',
    narratives: text(p[mapping.narrativesProperty])
      .split(';')
      .map((n) => n.trim())
      .filter(Boolean),
    modifiedAt,
  };
}
