/**
 * "Import CSV…" and "Export CSV" for the deal log. Import walks three steps in one dialog — columns (with a
 * preview), deals → narratives, confirm — and writes nothing before the user confirms.
 */
import { useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { importDeals, knownCrmIds } from '@shared/collab/notes';
import { DEAL_OUTCOME_LABELS, type DateOrder, type DealEntry } from '@shared/domain/deal';
import type { NarrativeSummary } from '@shared/domain/narrative';
import { downloadBytes } from '../../../platform/downloadBytes';
import { Dialog } from '../../../ui/Dialog';
import {
  decodeCsvBytes,
  detectDateOrder,
  detectFormat,
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  parseCsv,
  toImportRows,
  type ColumnMapping,
  type CsvFormat,
  type ParsedCsv,
} from './crmCsv';
import { dealsToCsv } from './exportCsv';

/** Props of CsvActions. */
export interface CsvActionsProps {
  doc: Y.Doc;
  deals: readonly DealEntry[];
  narratives: readonly NarrativeSummary[];
  author: string;
  canWrite: boolean;
}

const FORMAT_LABELS: Record<CsvFormat, string> = {
  salesforce: 'Salesforce report export',
  hubspot: 'HubSpot deals export',
  other: 'CSV file — check the columns below',
};

/** The two toolbar buttons and the import dialog. */
export function CsvActions({ doc, deals, narratives, author, canWrite }: CsvActionsProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{
    name: string;
    parsed: ParsedCsv;
    format: CsvFormat;
    mapping: ColumnMapping;
  } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const handleFile = async (picked: File | undefined): Promise<void> => {
    if (!picked) return;
    const decoded = decodeCsvBytes(new Uint8Array(await picked.arrayBuffer()));
    const parsed = decoded.ok ? parseCsv(decoded.text) : decoded;
    if (!parsed.ok) return setProblem(parsed.message);
    const { format, mapping } = detectFormat(parsed.value.headers);
    setProblem(null);
    setFile({ name: picked.name, parsed: parsed.value, format, mapping });
  };

  const exportCsv = (): void => {
    const titles = new Map(narratives.map((n) => [n.id, n.title]));
    // The byte-order mark makes Excel read the file as UTF-8.
    downloadBytes(`\ufeff${dealsToCsv(deals, (id) => titles.get(id))}`, 'deal-notes.csv', 'text/csv;charset=utf-8');
  };

  return (
    <>
      {canWrite && (
        <button type="button" className="button" onClick={() => fileInput.current?.click()} data-testid="csv-import">
          Import CSV…
        </button>
      )}
      <button
        type="button"
        className="button"
        onClick={exportCsv}
        disabled={deals.length === 0}
        data-testid="csv-export"
      >
        Export CSV
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".csv,text/csv"
        hidden
        data-testid="csv-file"
        onChange={(e) => {
          void handleFile(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <Dialog open={problem !== null} title="This file cannot be imported" onClose={() => setProblem(null)}>
        <p role="alert">{problem}</p>
      </Dialog>
      {file && (
        <ImportDialog
          {...file}
          doc={doc}
          narratives={narratives}
          author={author}
          onClose={() => setFile(null)}
          onMapping={(mapping) => setFile({ ...file, mapping })}
        />
      )}
    </>
  );
}

function ImportDialog(props: {
  name: string;
  parsed: ParsedCsv;
  format: CsvFormat;
  mapping: ColumnMapping;
  doc: Y.Doc;
  narratives: readonly NarrativeSummary[];
  author: string;
  onClose: () => void;
  onMapping: (mapping: ColumnMapping) => void;
}) {
  const { parsed, mapping, narratives } = props;
  const [step, setStep] = useState<'columns' | 'narratives'>('columns');
  const dateValues = useMemo(
    () => (mapping.closeDate === undefined ? [] : parsed.rows.map((r) => r.cells[mapping.closeDate!] ?? '')),
    [parsed, mapping.closeDate],
  );
  const [dateOrder, setDateOrder] = useState<DateOrder>(() => detectDateOrder(dateValues));
  const [currency, setCurrency] = useState('EUR');
  const [forAll, setForAll] = useState<string>(narratives[0]?.id ?? '');
  const [perRow, setPerRow] = useState<Map<number, string>>(new Map());
  const [result, setResult] = useState<string | null>(null);
  const rows = useMemo(
    () => toImportRows(parsed, { mapping, dateOrder, defaultCurrency: currency, known: knownCrmIds(props.doc) }),
    [parsed, mapping, dateOrder, currency, props.doc],
  );
  const good = rows.filter((r) => r.ok && !r.duplicate);
  const bad = rows.filter((r) => !r.ok);
  const duplicates = rows.length - good.length - bad.length;
  const missing = (['account', 'closeDate'] as const).filter(
    (f) => mapping[f] === undefined && !(f === 'account' && mapping.dealName !== undefined),
  );

  const confirm = (): void => {
    const inputs = good.flatMap((r) => {
      if (!r.ok) return [];
      const narrativeId = perRow.get(r.line) ?? forAll;
      return [{ ...r.input, narratives: narrativeId ? [{ narrativeId, reception: 'neutral' as const }] : [] }];
    });
    const imported = importDeals(props.doc, inputs, { author: props.author, now: Date.now() });
    setResult(
      imported.ok
        ? `Imported ${imported.value.added} deal${imported.value.added === 1 ? '' : 's'}${imported.value.skippedDuplicates ? `; ${imported.value.skippedDuplicates} already in the log were left as they are` : ''}.`
        : imported.error.message,
    );
  };

  const footer = result ? (
    <button type="button" className="button button-primary" onClick={props.onClose}>
      Done
    </button>
  ) : step === 'columns' ? (
    <>
      <button type="button" className="button" onClick={props.onClose}>
        Cancel
      </button>
      <button
        type="button"
        className="button button-primary"
        disabled={missing.length > 0}
        onClick={() => setStep('narratives')}
        data-testid="csv-next"
      >
        Next: narratives
      </button>
    </>
  ) : (
    <>
      <button type="button" className="button" onClick={() => setStep('columns')}>
        Back
      </button>
      <button
        type="button"
        className="button button-primary"
        disabled={good.length === 0}
        onClick={confirm}
        data-testid="csv-confirm"
      >
        Import {good.length} deal{good.length === 1 ? '' : 's'}
      </button>
    </>
  );

  return (
    <Dialog open wide title={`Import ${props.name}`} onClose={props.onClose} footer={footer} testId="csv-dialog">
      {result ? (
        <p role="status" data-testid="csv-result">
          {result}
        </p>
      ) : step === 'columns' ? (
        <div className="form">
          <p className="csv-format" data-testid="csv-format">
            <strong>{FORMAT_LABELS[props.format]}</strong> · {parsed.rows.length} rows
          </p>
          <div className="csv-mapping">
            {IMPORT_FIELDS.map((field) => (
              <label key={field} className="field">
                <span>{IMPORT_FIELD_LABELS[field]}</span>
                <select
                  value={mapping[field] ?? ''}
                  onChange={(e) => {
                    const next: ColumnMapping = { ...mapping };
                    if (e.target.value === '') delete next[field];
                    else next[field] = Number(e.target.value);
                    props.onMapping(next);
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
              <select value={dateOrder} onChange={(e) => setDateOrder(e.target.value as DateOrder)}>
                <option value="dmy">day/month/year</option>
                <option value="mdy">month/day/year</option>
              </select>
            </label>
            {mapping.currency === undefined && (
              <label className="field">
                <span>Currency of all rows</span>
                <input value={currency} maxLength={3} onChange={(e) => setCurrency(e.target.value.toUpperCase())} />
              </label>
            )}
          </div>
          {missing.length > 0 && (
            <p className="form-error">
              Choose the column for: {missing.map((f) => IMPORT_FIELD_LABELS[f]).join(', ')}.
            </p>
          )}
          <Preview rows={rows.slice(0, 5)} />
          <RowProblems rows={rows} />
        </div>
      ) : (
        <div className="form">
          <p>
            {good.length} new deal{good.length === 1 ? '' : 's'}
            {duplicates > 0 && ` · ${duplicates} already imported (left unchanged)`}
            {bad.length > 0 && ` · ${bad.length} with problems (not imported)`}. Which narrative did each deal use?
          </p>
          <label className="field">
            <span>Narrative for every deal</span>
            <select value={forAll} onChange={(e) => setForAll(e.target.value)} data-testid="csv-narrative-all">
              <option value="">None — decide later</option>
              {narratives.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.title || 'Untitled narrative'}
                </option>
              ))}
            </select>
          </label>
          <div className="csv-table-wrap">
            <table className="csv-table">
              <tbody>
                {good.map((r) =>
                  r.ok ? (
                    <tr key={r.line}>
                      <td>{r.input.account}</td>
                      <td>{DEAL_OUTCOME_LABELS[r.input.outcome]}</td>
                      <td>{r.input.closeDate}</td>
                      <td>
                        <select
                          aria-label={`Narrative of ${r.input.account}`}
                          value={perRow.get(r.line) ?? forAll}
                          onChange={(e) => setPerRow(new Map(perRow).set(r.line, e.target.value))}
                        >
                          <option value="">None</option>
                          {narratives.map((n) => (
                            <option key={n.id} value={n.id}>
                              {n.title || 'Untitled narrative'}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ) : null,
                )}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </Dialog>
  );
}

function Preview({ rows }: { rows: ReturnType<typeof toImportRows> }) {
  return (
    <div className="csv-table-wrap">
      <table className="csv-table" data-testid="csv-preview">
        <thead>
          <tr>
            <th>Row</th>
            <th>Account</th>
            <th>Outcome</th>
            <th>Close date</th>
            <th>Amount</th>
            <th>CRM id</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) =>
            r.ok ? (
              <tr key={r.line} className={r.duplicate ? 'is-duplicate' : undefined}>
                <td>{r.line}</td>
                <td>{r.input.account}</td>
                <td>{DEAL_OUTCOME_LABELS[r.input.outcome]}</td>
                <td>{r.input.closeDate}</td>
                <td>
                  {r.input.amount} {r.input.currency}
                </td>
                <td>
                  {r.input.crmId}
                  {r.duplicate && ' (already imported)'}
                </td>
              </tr>
            ) : (
              <tr key={r.line} className="is-error">
                <td>{r.line}</td>
                <td colSpan={5}>{r.message}</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

function RowProblems({ rows }: { rows: ReturnType<typeof toImportRows> }) {
  const bad = rows.filter((r) => !r.ok);
  if (bad.length === 0) return null;
  return (
    <details className="csv-problems" open={bad.length <= 5} data-testid="csv-problems">
      <summary>
        {bad.length} row{bad.length === 1 ? '' : 's'} cannot be imported
      </summary>
      <ul>
        {bad.slice(0, 200).map((r) => (
          <li key={r.line}>
            Row {r.line}: {r.ok ? '' : r.message}
          </li>
        ))}
      </ul>
    </details>
  );
}
