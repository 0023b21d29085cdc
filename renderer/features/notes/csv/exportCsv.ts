/**
 * Exports the deal log as CSV. Cells that a spreadsheet would run as a formula (starting with = + - @, tab or
 * carriage return) are prefixed with an apostrophe by Papa Parse's `escapeFormulae`, so opening the file in
 * Excel or Sheets shows the text instead of running it.
 */
import Papa from 'papaparse/papaparse.min.js';
import type { DealEntry } from '@shared/domain/deal';

const COLUMNS = [
  'Deal id',
  'CRM id',
  'Account',
  'Deal name',
  'Amount',
  'Currency',
  'Stage',
  'Persona',
  'Outcome',
  'Competitor',
  'Close date',
  'Narratives',
  'Note',
  'Whose view',
  'Author',
  'Updated',
];

/** The CSV text of `deals`; narrative ids are replaced by titles where known. */
export function dealsToCsv(deals: readonly DealEntry[], titleOf: (narrativeId: string) => string | undefined): string {
  const data = deals.map((d) => [
    d.id,
    d.crmId,
    d.account,
    d.dealName,
    d.amount === null ? '' : String(d.amount),
    d.currency,
    d.stage,
    d.persona,
    d.outcome,
    d.competitor,
    d.closeDate,
    d.narratives.map((u) => `${titleOf(u.narrativeId) ?? u.narrativeId} (${u.reception})`).join('; '),
    d.note,
    d.perspective,
    d.author,
    new Date(d.updatedAt).toISOString(),
  ]);
  return Papa.unparse({ fields: COLUMNS, data }, { escapeFormulae: true, newline: '\r\n' });
}
