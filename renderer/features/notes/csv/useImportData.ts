/**
 * The import dialog's data, from decoded text to checked rows: parses in slices (again when the user picks
 * another encoding), detects the format, the date order, the decimal separator and a default currency, and
 * re-checks the rows in slices whenever an option changes — cancelling the run it replaces. The CRM ids
 * already logged are read from the document once, when the dialog opens, never per keystroke.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { knownCrmIds } from '@shared/collab/notes';
import type { DateOrder } from '@shared/domain/deal';
import { detectDecimalSeparator, parseMoney, type DecimalSeparator } from '@shared/domain/money';
import {
  detectDateOrder,
  detectFormat,
  parseCsvText,
  type ColumnMapping,
  type CsvFormat,
  type ParsedCsv,
} from './crmCsv';
import { decodeAs, type CsvEncoding, type DecodedCsv } from './decodeCsv';
import { countRows, toImportRows, type ImportRow, type RowCounts } from './importRows';
import { localCurrency } from './localCurrency';
import { measurePhase } from '../../../platform/measurePhase';

/** Options the user can change in the columns step. */
export interface ImportSettings {
  mapping: ColumnMapping;
  dateOrder: DateOrder;
  decimal: DecimalSeparator;
  defaultCurrency: string;
}

/** What the dialog shows: progress while busy, then the file and its checked rows. */
export interface ImportData {
  decoded: DecodedCsv;
  /** Share of parsing or checking done (0–1) while `parsed` or `rows` is still null. */
  progress: number;
  /** A file that cannot be read as CSV with this encoding (e.g. no rows). */
  failure: string | null;
  parsed: ParsedCsv | null;
  format: CsvFormat;
  settings: ImportSettings | null;
  rows: ImportRow[] | null;
  /** The rows are being checked again after a change of settings (`rows` are the previous ones). */
  checking: boolean;
  counts: RowCounts | null;
  known: ReadonlySet<string>;
  setEncoding: (encoding: CsvEncoding) => void;
  setSettings: (settings: ImportSettings) => void;
}

function columnValues(parsed: ParsedCsv, column: number | undefined): string[] {
  return column === undefined ? [] : parsed.rows.map((r) => (r.cells[column] ?? '').trim());
}

/** Rows the currency guess reads: enough for a majority, spread over the whole file. */
const CURRENCY_SAMPLE = 2_000;

/**
 * The currency most rows name, else the one of the user's region. A 20,000-row file is sampled evenly:
 * parsing every amount took one 100–190 ms task on a busy machine, for a default the user can change.
 */
export function guessCurrency(parsed: ParsedCsv, mapping: ColumnMapping, decimal: DecimalSeparator): string {
  const counts = new Map<string, number>();
  const add = (code: string | null | undefined): void => {
    if (code && /^[A-Z]{3}$/.test(code)) counts.set(code, (counts.get(code) ?? 0) + 1);
  };
  const step = Math.max(1, Math.ceil(parsed.rows.length / CURRENCY_SAMPLE));
  const cell = (row: number, column: number | undefined): string =>
    column === undefined ? '' : (parsed.rows[row]!.cells[column] ?? '').trim();
  for (let row = 0; row < parsed.rows.length; row += step) {
    add(cell(row, mapping.currency).toUpperCase());
    if (mapping.amount !== undefined) add(parseMoney(cell(row, mapping.amount), decimal)?.currency);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best ? best[0] : localCurrency();
}

/** Parses and checks `initial` (and re-decodes `bytes` when the encoding changes). */
export function useImportData(bytes: Uint8Array, initial: DecodedCsv, doc: Y.Doc): ImportData {
  const [decoded, setDecoded] = useState(initial);
  const [known] = useState<ReadonlySet<string>>(() => knownCrmIds(doc));
  const [parsed, setParsed] = useState<{ parsed: ParsedCsv; format: CsvFormat } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [settings, setSettings] = useState<ImportSettings | null>(null);
  const [rows, setRows] = useState<ImportRow[] | null>(null);
  const [checking, setChecking] = useState(false);
  const [progress, setProgress] = useState(0);
  const columns = useRef(-1);

  useEffect(() => {
    const controller = new AbortController();
    setParsed(null);
    setRows(null);
    setFailure(null);
    setProgress(0);
    const started = performance.now();
    void parseCsvText(decoded.text, { signal: controller.signal, onProgress: setProgress }).then((result) => {
      if (result === null || controller.signal.aborted) return;
      measurePhase('import:parse', started);
      if (!result.ok) return setFailure(result.message);
      const file = result.value;
      const { format, mapping } = detectFormat(file.headers);
      setParsed({ parsed: file, format });
      // Read again in another encoding, the file has the same columns: the user's choices stay.
      if (file.headers.length === columns.current) return;
      columns.current = file.headers.length;
      const decimal = detectDecimalSeparator(columnValues(file, mapping.amount));
      setSettings({
        mapping,
        dateOrder: detectDateOrder(columnValues(file, mapping.closeDate)),
        decimal,
        defaultCurrency: guessCurrency(file, mapping, decimal),
      });
    });
    return () => controller.abort();
  }, [decoded]);

  useEffect(() => {
    if (parsed === null || settings === null) return;
    const controller = new AbortController();
    setChecking(true);
    setProgress(0);
    const started = performance.now();
    void toImportRows(
      parsed.parsed,
      { ...settings, known },
      { signal: controller.signal, onProgress: (done, total) => setProgress(done / total) },
    ).then((checked) => {
      if (checked === null || controller.signal.aborted) return;
      measurePhase('import:check', started);
      setRows(checked);
      setChecking(false);
    });
    return () => controller.abort();
  }, [parsed, settings, known]);

  const counts = useMemo(() => (rows ? countRows(rows) : null), [rows]);
  return {
    decoded,
    progress,
    failure,
    parsed: parsed?.parsed ?? null,
    format: parsed?.format ?? 'other',
    settings,
    rows,
    checking,
    counts,
    known,
    setEncoding: (encoding) => setDecoded(decodeAs(bytes, encoding)),
    setSettings,
  };
}
