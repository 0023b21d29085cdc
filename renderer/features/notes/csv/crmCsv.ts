/**
 * CRM opportunity CSV import: parse decoded text with Papa Parse (in slices that yield, with progress),
 * recognise Salesforce report and HubSpot deal exports by their columns (any other file gets a column
 * mapping) and skip a Salesforce report footer. Rows become deals in importRows.ts; nothing is written until
 * the user confirms (see ImportDialog).
 *
 * Rows are arrays and columns are indexes — header names are never used as object keys — so a header named
 * `__proto__` or `constructor` is just a header. Cell text is kept verbatim; a cell that looks like a formula
 * stays text (export neutralises it, see exportCsv.ts).
 */
import Papa, { type ParseError } from 'papaparse/papaparse.min.js';
import type { DateOrder, DealOutcome } from '@shared/domain/deal';
import { findReportFooter, type ReportFooter } from './reportFooter';
import { nextTask } from '../../../platform/nextTask';

/** Most rows accepted in one import. */
export const CSV_MAX_ROWS = 20_000;

/** Fields a column can map to. `outcome` maps a stage/status column ("Closed Won"). */
export const IMPORT_FIELDS = [
  'crmId',
  'account',
  'dealName',
  'amount',
  'currency',
  'closeDate',
  'stage',
  'outcome',
  'competitor',
  'lossReason',
  'note',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Labels of import fields. */
export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  crmId: 'CRM id',
  account: 'Account',
  dealName: 'Deal name',
  amount: 'Amount',
  currency: 'Currency',
  closeDate: 'Close date',
  stage: 'Stage',
  outcome: 'Won/lost status',
  competitor: 'Competitor',
  lossReason: 'Loss reason',
  note: 'Note',
};

/** Field → column index (absent: not in the file). */
export type ColumnMapping = Partial<Record<ImportField, number>>;

/** A decoded, parsed file. */
export interface ParsedCsv {
  headers: string[];
  /** Data rows; `line` is the row number a spreadsheet shows (the header is row 1). */
  rows: { line: number; cells: string[] }[];
  /** Problems of single rows found while parsing (quotes, ragged rows), by line. */
  rowErrors: Map<number, string>;
  /** The Salesforce report footer that was skipped, if there was one. */
  footer: ReportFooter | null;
}

/** Which known export a file is. */
export type CsvFormat = 'salesforce' | 'hubspot' | 'other';

type Failure = { ok: false; message: string };

/** Options of `parseCsvText`. */
export interface ParseOptions {
  signal?: AbortSignal;
  /** Share of the text parsed so far, 0–1. */
  onProgress?: (share: number) => void;
}

/** Characters parsed per slice: about 10–20 ms of Papa Parse on a slow laptop. */
const CHUNK_CHARS = 128 * 1024;

function papaParse(text: string, options: ParseOptions): Promise<{ data: string[][]; errors: ParseError[] } | null> {
  return new Promise((resolve) => {
    const data: string[][] = [];
    const errors: ParseError[] = [];
    let cancelled = false;
    Papa.parse(text, {
      skipEmptyLines: 'greedy',
      chunkSize: CHUNK_CHARS,
      chunk: (results, parser) => {
        const base = data.length;
        for (const row of results.data) data.push(row);
        for (const error of results.errors)
          errors.push(error.row === undefined ? error : { ...error, row: error.row + base });
        options.onProgress?.(Math.min(1, (results.meta.cursor ?? 0) / Math.max(1, text.length)));
        parser.pause();
        void nextTask().then(() => {
          if (options.signal?.aborted) {
            cancelled = true;
            parser.abort();
          } else parser.resume();
        });
      },
      complete: () => resolve(cancelled ? null : { data, errors }),
    });
  });
}

/**
 * Parses CSV text in slices; the first non-empty row is the header. A trailing Salesforce report footer is
 * skipped. Resolves null when cancelled.
 */
export async function parseCsvText(
  text: string,
  options: ParseOptions = {},
): Promise<{ ok: true; value: ParsedCsv } | Failure | null> {
  const result = await papaParse(text, options);
  if (result === null) return null;
  const [headerRow, ...body] = result.data;
  if (!headerRow || headerRow.every((h) => h.trim() === ''))
    return { ok: false, message: 'The file is empty: it needs a header row and at least one deal.' };
  const allRows = body.map((cells, i) => ({ line: i + 2, cells }));
  const footer = findReportFooter(allRows);
  const rows = footer ? allRows.slice(0, allRows.length - footer.lines) : allRows;
  if (rows.length === 0) return { ok: false, message: 'The file has a header but no rows.' };
  if (rows.length > CSV_MAX_ROWS)
    return { ok: false, message: `The file has ${rows.length} rows; at most ${CSV_MAX_ROWS} can be imported at once.` };
  const headers = headerRow.map((h) => h.trim());
  const rowErrors = new Map<number, string>();
  // Papa counts records including the header (0-based): record r is spreadsheet row r + 1.
  for (const error of result.errors)
    if (error.row !== undefined && error.row > 0) rowErrors.set(error.row + 1, `Malformed row: ${error.message}.`);
  for (const row of rows)
    if (row.cells.length !== headers.length && !rowErrors.has(row.line))
      rowErrors.set(row.line, `Row has ${row.cells.length} cells but the header has ${headers.length}.`);
  return { ok: true, value: { headers, rows, rowErrors, footer } };
}

const norm = (h: string): string => h.toLowerCase().replace(/[^a-z0-9]/g, '');

const KNOWN: Record<
  Exclude<CsvFormat, 'other'>,
  { required: string[]; columns: Partial<Record<ImportField, string[]>> }
> = {
  salesforce: {
    required: ['opportunityname', 'stage', 'closedate'],
    columns: {
      crmId: ['opportunityid', 'id'],
      account: ['accountname'],
      dealName: ['opportunityname'],
      amount: ['amount'],
      currency: ['opportunitycurrency', 'amountcurrency', 'currency'],
      closeDate: ['closedate'],
      stage: ['stage'],
      outcome: ['stage'],
      competitor: ['maincompetitors', 'competitor', 'competitors'],
      lossReason: ['lossreason', 'closedlostreason', 'reasonlost'],
      note: ['nextstep', 'description'],
    },
  },
  hubspot: {
    required: ['dealname', 'dealstage'],
    columns: {
      crmId: ['recordid', 'dealid'],
      account: ['associatedcompany', 'companyname', 'associatedcompanyprimary'],
      dealName: ['dealname'],
      amount: ['amount', 'amountincompanycurrency'],
      currency: ['currency', 'dealcurrencycode'],
      closeDate: ['closedate'],
      stage: ['dealstage'],
      outcome: ['dealstage'],
      competitor: ['competitor', 'competitors'],
      lossReason: ['closedlostreason'],
      note: ['closedwonreason', 'dealdescription', 'description'],
    },
  },
};

/** Recognises a Salesforce report or HubSpot deals export by its columns and maps them. */
export function detectFormat(headers: readonly string[]): { format: CsvFormat; mapping: ColumnMapping } {
  const normalized = headers.map(norm);
  for (const format of ['salesforce', 'hubspot'] as const) {
    const spec = KNOWN[format];
    if (!spec.required.every((r) => normalized.includes(r))) continue;
    const mapping: ColumnMapping = {};
    for (const field of IMPORT_FIELDS) {
      const index = (spec.columns[field] ?? []).map((name) => normalized.indexOf(name)).find((i) => i >= 0);
      if (index !== undefined) mapping[field] = index;
    }
    return { format, mapping };
  }
  return { format: 'other', mapping: guessMapping(normalized) };
}

/** For other files: columns whose names say what they are. */
function guessMapping(normalized: readonly string[]): ColumnMapping {
  // English names first, then the German ones of a German Excel sheet.
  const guesses: Record<ImportField, string[]> = {
    crmId: ['crmid', 'id', 'dealid', 'opportunityid'],
    account: ['account', 'accountname', 'company', 'customer', 'firma', 'kunde', 'unternehmen'],
    dealName: ['dealname', 'deal', 'opportunity', 'name', 'verkaufschance'],
    amount: ['amount', 'value', 'dealvalue', 'betrag', 'wert', 'umsatz'],
    currency: ['currency', 'currencycode', 'whrung', 'waehrung'],
    closeDate: ['closedate', 'date', 'closed', 'abschlussdatum', 'datum'],
    stage: ['stage', 'phase'],
    outcome: ['outcome', 'result', 'status', 'stage', 'ergebnis'],
    competitor: ['competitor', 'wettbewerber'],
    lossReason: ['lossreason', 'reason', 'verlustgrund'],
    note: ['note', 'notes', 'comment', 'description', 'notiz', 'bemerkung', 'kommentar'],
  };

  const mapping: ColumnMapping = {};
  for (const field of IMPORT_FIELDS) {
    const index = guesses[field].map((g) => normalized.indexOf(g)).find((i) => i >= 0);
    if (index !== undefined) mapping[field] = index;
  }
  return mapping;
}

/** Reads an outcome from a CRM stage/status ("Closed Won", "closedlost", "Lost – no decision"). */
export function outcomeFromStatus(status: string, competitor: string, lossReason: string): DealOutcome {
  const s = status.toLowerCase();
  if (/won/.test(s)) return 'won';
  if (/lost|no decision/.test(s)) {
    if (/no.?decision|no budget|stalled|went dark/.test(`${s} ${lossReason.toLowerCase()}`)) return 'lost-no-decision';
    return competitor.trim() ? 'lost-competitor' : 'lost-no-decision';
  }
  return 'open';
}

/** Guesses whether local dates in a column are d/m/y or m/d/y (a first part over 12 settles it). */
export function detectDateOrder(values: readonly string[]): DateOrder {
  for (const v of values) {
    const m = /^(\d{1,2})[./-](\d{1,2})[./-]\d{4}$/.exec(v.trim());
    if (!m) continue;
    if (Number(m[1]) > 12) return 'dmy';
    if (Number(m[2]) > 12) return 'mdy';
  }
  return 'dmy';
}
