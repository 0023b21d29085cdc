/**
 * Parsed CSV rows → deals, or one clear message per row that cannot be one. Runs in slices (a 20,000-row
 * file takes about half a second to check) and again whenever the user changes the mapping, the date order,
 * the number format or the default currency.
 */
import { parseLocaleDate, type DateOrder, type DealInput } from '@shared/domain/deal';
import { parseMoney, type DecimalSeparator } from '@shared/domain/money';
import { validateDealInput } from '@shared/collab/notes';
import { outcomeFromStatus, type ColumnMapping, type ImportField, type ParsedCsv } from './crmCsv';
import { runInSlices, type SliceOptions } from './slices';

/** A row ready to import (narratives are chosen in the next step) or why it cannot be. */
export type ImportRow =
  | {
      line: number;
      /** Index into `ParsedCsv.rows`. */
      index: number;
      ok: true;
      input: Omit<DealInput, 'narratives'>;
      duplicate: boolean;
      /** The amount had no currency of its own and the file none: the default currency was used. */
      defaultCurrency: boolean;
    }
  | { line: number; index: number; ok: false; message: string };

/** Options of `toImportRow`. */
export interface ImportOptions {
  mapping: ColumnMapping;
  dateOrder: DateOrder;
  decimal: DecimalSeparator;
  /** Used for amounts that name no currency when the file has no currency column (or it is blank). */
  defaultCurrency: string;
  /** CRM ids already in the deal log: those rows are marked duplicate (and skipped on import). */
  known: ReadonlySet<string>;
}

const clip = (text: string): string => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/**
 * Turns one parsed row into a deal. `seen` collects the CRM ids of earlier rows, so a repeat within the file
 * is a duplicate too.
 */
export function toImportRow(parsed: ParsedCsv, index: number, options: ImportOptions, seen: Set<string>): ImportRow {
  const { line, cells } = parsed.rows[index]!;
  const rowError = parsed.rowErrors.get(line);
  if (rowError) return { line, index, ok: false, message: rowError };
  const { mapping } = options;
  const cell = (field: ImportField): string => {
    const i = mapping[field];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const rawAmount = cell('amount');
  const money = rawAmount === '' ? null : parseMoney(rawAmount, options.decimal);
  if (rawAmount !== '' && money === null)
    return {
      line,
      index,
      ok: false,
      message: `Amount “${clip(rawAmount)}” is not a number (read with “${options.decimal}” as the decimal separator).`,
    };
  const columnCurrency = cell('currency').toUpperCase();
  if (money?.currency && columnCurrency && money.currency !== columnCurrency)
    return {
      line,
      index,
      ok: false,
      message: `The amount says ${money.currency} but the currency column says ${columnCurrency}.`,
    };
  const currency = money?.currency || columnCurrency || options.defaultCurrency;
  const rawDate = cell('closeDate');
  const closeDate = parseLocaleDate(rawDate, options.dateOrder);
  if (closeDate === null)
    return {
      line,
      index,
      ok: false,
      message: rawDate
        ? `Close date “${clip(rawDate)}” is not a date (read as ${options.dateOrder === 'dmy' ? 'day/month/year' : 'month/day/year'}).`
        : 'The close date is missing.',
    };
  const competitor = cell('competitor');
  const reason = cell('lossReason');
  const valid = validateDealInput({
    account: cell('account') || cell('dealName'),
    dealName: cell('dealName'),
    crmId: cell('crmId'),
    amount: money?.amount ?? null,
    currency,
    stage: cell('stage'),
    persona: '',
    outcome: outcomeFromStatus(cell('outcome'), competitor, reason),
    competitor,
    closeDate,
    narratives: [],
    note: [cell('note'), reason && `Loss reason: ${reason}`].filter(Boolean).join('\n'),
    perspective: 'rep',
  });
  if (!valid.ok) return { line, index, ok: false, message: valid.error.message };
  const { narratives: _n, ...input } = valid.value;
  const duplicate = input.crmId !== '' && (options.known.has(input.crmId) || seen.has(input.crmId));
  if (input.crmId) seen.add(input.crmId);
  const defaultCurrency = money !== null && !money.currency && !columnCurrency;
  return { line, index, ok: true, input, duplicate, defaultCurrency };
}

/** Checks every row in slices; null when cancelled. */
export async function toImportRows(
  parsed: ParsedCsv,
  options: ImportOptions,
  slices: SliceOptions = {},
): Promise<ImportRow[] | null> {
  const rows: ImportRow[] = new Array<ImportRow>(parsed.rows.length);
  const seen = new Set<string>();
  const done = await runInSlices(parsed.rows.length, (i) => (rows[i] = toImportRow(parsed, i, options, seen)), slices);
  return done ? rows : null;
}

/** What the checked rows add up to, for the summary lines and the buttons. */
export interface RowCounts {
  good: number;
  duplicates: number;
  bad: number;
  /** Rows with an amount but no currency of their own: they take the default currency. */
  defaultCurrency: number;
}

/** Counts the checked rows. */
export function countRows(rows: readonly ImportRow[]): RowCounts {
  const counts: RowCounts = { good: 0, duplicates: 0, bad: 0, defaultCurrency: 0 };
  for (const row of rows) {
    if (!row.ok) counts.bad++;
    else if (row.duplicate) counts.duplicates++;
    else counts.good++;
    if (row.ok && row.defaultCurrency) counts.defaultCurrency++;
  }
  return counts;
}
