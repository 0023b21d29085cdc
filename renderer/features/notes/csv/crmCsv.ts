/**
 * CRM opportunity CSV import: decode the bytes, parse with Papa Parse, recognise Salesforce report and HubSpot
 * deal exports by their columns (any other file gets a column mapping), and turn each row into a deal or a
 * clear per-row message. Pure functions: nothing is written until the user confirms (see CsvImportDialog).
 *
 * Rows are arrays and columns are indexes — header names are never used as object keys — so a header named
 * `__proto__` or `constructor` is just a header. Cell text is kept verbatim; a cell that looks like a formula
 * stays text (export neutralises it, see exportCsv.ts).
 */
import Papa from 'papaparse/papaparse.min.js';
import {
  parseLocaleAmount,
  parseLocaleDate,
  type DateOrder,
  type DealInput,
  type DealOutcome,
} from '@shared/domain/deal';
import { validateDealInput } from '@shared/collab/notes';

/** Largest file accepted. */
export const CSV_MAX_BYTES = 5 * 1024 * 1024;
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
  rows: { line: number; cells: string[] }[];
  /** Problems of single rows found while parsing (quotes, ragged rows). */
  rowErrors: Map<number, string>;
}

/** Which known export a file is. */
export type CsvFormat = 'salesforce' | 'hubspot' | 'other';

type Failure = { ok: false; message: string };

/** Decodes bytes as UTF-8 (with or without BOM) or UTF-16 with a BOM; refuses anything else, and big files. */
export function decodeCsvBytes(bytes: Uint8Array): { ok: true; text: string } | Failure {
  if (bytes.byteLength > CSV_MAX_BYTES)
    return {
      ok: false,
      message: `The file is ${(bytes.byteLength / 1048576).toFixed(1)} MB; the limit is 5 MB. Export fewer rows or columns.`,
    };
  let encoding = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
    if (text.includes('\u0000')) throw new Error('NUL');
    return { ok: true, text };
  } catch {
    return {
      ok: false,
      message:
        'The file is not UTF-8 text (it may be Windows-1252 or a spreadsheet). In Excel choose “CSV UTF-8”; in Salesforce and HubSpot export as CSV.',
    };
  }
}

/** Parses CSV text; the first non-empty row is the header. */
export function parseCsv(text: string): { ok: true; value: ParsedCsv } | Failure {
  const result = Papa.parse(text, { header: false, dynamicTyping: false, skipEmptyLines: 'greedy' });
  const [headerRow, ...body] = result.data;
  if (!headerRow || headerRow.every((h) => h.trim() === ''))
    return { ok: false, message: 'The file is empty: it needs a header row and at least one deal.' };
  if (body.length === 0) return { ok: false, message: 'The file has a header but no rows.' };
  if (body.length > CSV_MAX_ROWS)
    return { ok: false, message: `The file has ${body.length} rows; at most ${CSV_MAX_ROWS} can be imported at once.` };
  const headers = headerRow.map((h) => h.trim());
  const rowErrors = new Map<number, string>();
  // Papa's row index counts data rows including the header (0-based): row r is file line r + 1 when no
  // line breaks hide inside quotes, which is close enough to point a person at the row.
  for (const error of result.errors)
    if (error.row !== undefined && error.row > 0) rowErrors.set(error.row + 1, `Malformed row: ${error.message}.`);
  const rows = body.map((cells, i) => ({ line: i + 2, cells }));
  for (const row of rows)
    if (row.cells.length !== headers.length && !rowErrors.has(row.line))
      rowErrors.set(row.line, `Row has ${row.cells.length} cells but the header has ${headers.length}.`);
  return { ok: true, value: { headers, rows, rowErrors } };
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
  const guesses: Record<ImportField, string[]> = {
    crmId: ['crmid', 'id', 'dealid', 'opportunityid'],
    account: ['account', 'accountname', 'company', 'customer'],
    dealName: ['dealname', 'deal', 'opportunity', 'name'],
    amount: ['amount', 'value', 'dealvalue'],
    currency: ['currency', 'currencycode'],
    closeDate: ['closedate', 'date', 'closed'],
    stage: ['stage'],
    outcome: ['outcome', 'result', 'status', 'stage'],
    competitor: ['competitor'],
    lossReason: ['lossreason', 'reason'],
    note: ['note', 'notes', 'comment', 'description'],
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

/** A row ready to import (narratives are added in the review step) or why it cannot be. */
export type ImportRow =
  | { line: number; ok: true; input: Omit<DealInput, 'narratives'>; duplicate: boolean }
  | { line: number; ok: false; message: string };

/** Options of `toImportRows`. */
export interface ImportOptions {
  mapping: ColumnMapping;
  dateOrder: DateOrder;
  /** Used when the file has no currency column. */
  defaultCurrency: string;
  /** CRM ids already in the deal log: those rows are marked duplicate (and skipped on import). */
  known: ReadonlySet<string>;
}

/** Turns parsed rows into deals, with one clear message for each row that cannot be one. */
export function toImportRows(parsed: ParsedCsv, options: ImportOptions): ImportRow[] {
  const { mapping } = options;
  const seen = new Set<string>();
  return parsed.rows.map(({ line, cells }): ImportRow => {
    const rowError = parsed.rowErrors.get(line);
    if (rowError) return { line, ok: false, message: rowError };
    const cell = (field: ImportField): string => {
      const i = mapping[field];
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    const rawAmount = cell('amount');
    const amount = rawAmount === '' ? 0 : parseLocaleAmount(rawAmount);
    if (amount === null) return { line, ok: false, message: `Amount “${rawAmount.slice(0, 40)}” is not a number.` };
    const rawDate = cell('closeDate');
    const closeDate = parseLocaleDate(rawDate, options.dateOrder);
    if (closeDate === null)
      return {
        line,
        ok: false,
        message: rawDate
          ? `Close date “${rawDate.slice(0, 40)}” is not a date (read as ${options.dateOrder === 'dmy' ? 'day/month/year' : 'month/day/year'}).`
          : 'The close date is missing.',
      };
    const competitor = cell('competitor');
    const reason = cell('lossReason');
    const input = {
      account: cell('account') || cell('dealName'),
      dealName: cell('dealName'),
      crmId: cell('crmId'),
      amount,
      currency: (cell('currency') || options.defaultCurrency).toUpperCase(),
      stage: cell('stage'),
      persona: '',
      outcome: outcomeFromStatus(cell('outcome'), competitor, reason),
      competitor,
      closeDate,
      narratives: [],
      note: [cell('note'), reason && `Loss reason: ${reason}`].filter(Boolean).join('\n'),
      perspective: 'rep' as const,
    };
    const valid = validateDealInput(input);
    if (!valid.ok) return { line, ok: false, message: valid.error.message };
    const { narratives: _n, ...rest } = valid.value;
    const duplicate = rest.crmId !== '' && (options.known.has(rest.crmId) || seen.has(rest.crmId));
    if (rest.crmId) seen.add(rest.crmId);
    return { line, ok: true, input: rest, duplicate };
  });
}
