/**
 * The first step of the import: what the file is (format, encoding — changeable — and a skipped report
 * footer), which column is which field, how dates and amounts are written and the currency of amounts that
 * name none (always visible when used: never a silent EUR), then every row in a virtualized preview with its
 * problem, if it has one.
 */
import { useMemo, useState } from 'react';
import { DEAL_OUTCOME_LABELS, type DateOrder } from '@shared/domain/deal';
import type { DecimalSeparator } from '@shared/domain/money';
import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, type ColumnMapping, type CsvFormat, type ParsedCsv } from './crmCsv';
import { CSV_ENCODING_LABELS, CSV_ENCODINGS, type CsvEncoding, type DecodedCsv } from './decodeCsv';
import type { ImportRow, RowCounts } from './importRows';
import type { ImportSettings } from './useImportData';
import { Cell, VirtualTable } from './VirtualTable';

const FORMAT_LABELS: Record<CsvFormat, string> = {
  salesforce: 'Salesforce report export',
  hubspot: 'HubSpot deals export',
  other: 'CSV file — check the columns below',
};

/** Props of ColumnsStep. */
export interface ColumnsStepProps {
  decoded: DecodedCsv;
  parsed: ParsedCsv;
  format: CsvFormat;
  settings: ImportSettings;
  rows: readonly ImportRow[];
  counts: RowCounts;
  onEncoding: (encoding: CsvEncoding) => void;
  onSettings: (settings: ImportSettings) => void;
}

function formatAmount(row: Extract<ImportRow, { ok: true }>): string {
  if (row.input.amount === null) return '—';
  return `${row.input.amount.toLocaleString(undefined, { maximumFractionDigits: 2 })} ${row.input.currency}`;
}

/** Fields the import cannot do without that no column is mapped to (a deal name stands in for the account). */
export function missingFields(mapping: ColumnMapping): ('account' | 'closeDate')[] {
  return (['account', 'closeDate'] as const).filter(
    (f) => mapping[f] === undefined && !(f === 'account' && mapping.dealName !== undefined),
  );
}

/** The columns step's body. */
export function ColumnsStep({ decoded, parsed, format, settings, rows, counts, ...props }: ColumnsStepProps) {
  const { mapping } = settings;
  const set = (patch: Partial<ImportSettings>): void => props.onSettings({ ...settings, ...patch });
  const [onlyProblems, setOnlyProblems] = useState(false);
  const shown = useMemo(() => (onlyProblems ? rows.filter((r) => !r.ok) : rows), [rows, onlyProblems]);
  const footer = parsed.footer;
  return (
    <div className="form csv-step">
      <div className="csv-file-facts">
        <p className="csv-format" data-testid="csv-format">
          <strong>{FORMAT_LABELS[format]}</strong> · {parsed.rows.length} rows
        </p>
        <label className="field field-inline">
          <span>Encoding</span>
          <select
            value={decoded.encoding}
            onChange={(e) => props.onEncoding(e.target.value as CsvEncoding)}
            data-testid="csv-encoding"
          >
            {CSV_ENCODINGS.map((e) => (
              <option key={e} value={e}>
                {CSV_ENCODING_LABELS[e]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {decoded.unreadable > 0 && (
        <p className="form-error" data-testid="csv-unreadable">
          {decoded.unreadable} characters cannot be read as {CSV_ENCODING_LABELS[decoded.encoding]}: try another
          encoding.
        </p>
      )}
      {footer && (
        <p className="muted" data-testid="csv-footer-note">
          Skipped the Salesforce report footer ({footer.lines} lines below the data: totals, copyright and the like)
          {footer.statedRecords !== null && footer.statedRecords !== parsed.rows.length
            ? ` — it counts ${footer.statedRecords} records, the file has ${parsed.rows.length}.`
            : '.'}
        </p>
      )}
      <div className="csv-mapping">
        {IMPORT_FIELDS.map((field) => (
          <label key={field} className="field">
            <span>{IMPORT_FIELD_LABELS[field]}</span>
            <select
              value={mapping[field] ?? ''}
              data-testid={`csv-map-${field}`}
              onChange={(e) => {
                const next: ColumnMapping = { ...mapping };
                if (e.target.value === '') delete next[field];
                else next[field] = Number(e.target.value);
                set({ mapping: next });
              }}
            >
              <option value="">— not in this file —</option>
              {parsed.headers.map((h, i) => (
                <option key={i} value={i}>
                  {h || `Column ${i + 1}`}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label className="field">
          <span>Dates are written</span>
          <select
            value={settings.dateOrder}
            onChange={(e) => set({ dateOrder: e.target.value as DateOrder })}
            data-testid="csv-date-order"
          >
            <option value="dmy">day/month/year</option>
            <option value="mdy">month/day/year</option>
          </select>
        </label>
        <label className="field">
          <span>Amounts are written</span>
          <select
            value={settings.decimal}
            onChange={(e) => set({ decimal: e.target.value as DecimalSeparator })}
            data-testid="csv-decimal"
          >
            <option value=".">1,234.56</option>
            <option value=",">1.234,56</option>
          </select>
        </label>
        <label className="field">
          <span>Default currency</span>
          <input
            value={settings.defaultCurrency}
            maxLength={3}
            aria-describedby="csv-currency-hint"
            onChange={(e) => set({ defaultCurrency: e.target.value.toUpperCase().replace(/[^A-Z]/g, '') })}
            data-testid="csv-currency"
          />
          <small id="csv-currency-hint" className="muted" data-testid="csv-currency-hint">
            {counts.defaultCurrency > 0
              ? `Used for ${counts.defaultCurrency} amount${counts.defaultCurrency === 1 ? '' : 's'} without a currency.`
              : 'Every amount names its currency.'}
          </small>
        </label>
      </div>
      {missingFields(mapping).length > 0 && (
        <p className="form-error" role="alert">
          Choose the column for:{' '}
          {missingFields(mapping)
            .map((f) => IMPORT_FIELD_LABELS[f])
            .join(', ')}
          .
        </p>
      )}
      <div className="csv-preview-head">
        <p className="csv-counts" data-testid="csv-counts">
          {counts.good} ready · {counts.duplicates} already imported · {counts.bad} with problems
        </p>
        {counts.bad > 0 && (
          <label className="csv-only-problems">
            <input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} />
            Show only rows with problems
          </label>
        )}
      </div>
      <VirtualTable
        label="Rows of the file"
        testId="csv-preview"
        items={shown}
        height={236}
        columns={['Row', 'Account', 'Outcome', 'Close date', 'Amount', 'CRM id']}
        tracks="56px 1.6fr 1.1fr 0.9fr 1fr 1fr"
        rowKey={(r) => r.line}
        rowClass={(r) => (!r.ok ? 'is-error' : r.duplicate ? 'is-duplicate' : undefined)}
        renderRow={(r) =>
          r.ok ? (
            <>
              <Cell>{String(r.line)}</Cell>
              <Cell>{r.input.account}</Cell>
              <Cell>{DEAL_OUTCOME_LABELS[r.input.outcome]}</Cell>
              <Cell>{r.input.closeDate}</Cell>
              <Cell>{formatAmount(r)}</Cell>
              <Cell>{r.duplicate ? `${r.input.crmId} (already imported)` : r.input.crmId}</Cell>
            </>
          ) : (
            <>
              <Cell>{String(r.line)}</Cell>
              <span role="cell" className="vtable-cell vtable-span" title={r.message} data-testid="csv-row-problem">
                {r.message}
              </span>
            </>
          )
        }
      />
    </div>
  );
}
