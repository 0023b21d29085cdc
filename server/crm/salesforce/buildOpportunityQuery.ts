/**
 * The one SOQL query the connector sends: Opportunities changed after a (SystemModstamp, Id) watermark,
 * oldest first. Ordering by the pair and filtering strictly after it is what makes thousands of records
 * sharing one timestamp page cleanly: no record is returned twice and none is skipped. It is sent to
 * `queryAll`, which also returns Opportunities in the recycle bin (`IsDeleted = true`; deleting a record
 * stamps SystemModstamp), so deletions arrive in the same read at no extra API call — cheaper on the daily
 * allowance than a separate `getDeleted` call at every poll.
 */
import type { CrmCursor } from '../CrmConnector';

/** Which optional columns the query asks for (decided from the org's describe and the configuration). */
export interface OpportunityColumns {
  /** False in a single-currency org, where Opportunity has no CurrencyIsoCode field. */
  currency: boolean;
  /** Configured custom fields ('' = not configured). */
  competitorField: string;
  lossReasonField: string;
  narrativesField: string;
}

// 15- or 18-character record ids; anything else in a cursor is a bug, not a value to splice into SOQL.
const RECORD_ID = /^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/;

/** Whether `id` looks like a Salesforce record id. */
export function isRecordId(id: string): boolean {
  return RECORD_ID.test(id);
}

/** A SOQL dateTime literal (unquoted, UTC); milliseconds only when they are not zero. */
export function soqlDateTime(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) throw new Error(`[crm] cursor watermark is not a date: ${iso}`);
  return time.toISOString().replace('.000Z', 'Z');
}

/** The SELECT list, standard fields first. */
export function opportunityFields(columns: OpportunityColumns): string[] {
  const fields = ['Id', 'IsDeleted', 'Name', 'Account.Name', 'StageName', 'IsClosed', 'IsWon', 'Amount'];
  if (columns.currency) fields.push('CurrencyIsoCode');
  fields.push('CloseDate', 'Owner.Email', 'SystemModstamp');
  for (const custom of [columns.competitorField, columns.lossReasonField, columns.narrativesField]) {
    if (custom !== '' && !fields.includes(custom)) fields.push(custom);
  }
  return fields;
}

/** The query for the window that starts right after `cursor`, at most `limit` records. */
export function buildOpportunityQuery(columns: OpportunityColumns, cursor: CrmCursor, limit: number): string {
  const since = soqlDateTime(cursor.since);
  let where: string;
  if (cursor.afterId === '') {
    where = `SystemModstamp >= ${since}`; // nothing at this timestamp was applied yet
  } else {
    if (!isRecordId(cursor.afterId)) throw new Error(`[crm] cursor afterId is not a record id: ${cursor.afterId}`);
    where = `(SystemModstamp > ${since} OR (SystemModstamp = ${since} AND Id > '${cursor.afterId}'))`;
  }
  return `SELECT ${opportunityFields(columns).join(', ')} FROM Opportunity WHERE ${where} ORDER BY SystemModstamp, Id LIMIT ${limit}`;
}
