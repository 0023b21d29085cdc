import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { importDeals, knownCrmIds, readDeals } from '../../../../../shared/collab/notes';
import {
  CSV_MAX_BYTES,
  decodeCsvBytes,
  detectDateOrder,
  detectFormat,
  parseCsv,
  toImportRows,
  type ImportRow,
  type ParsedCsv,
} from '../../../../../renderer/features/notes/csv/crmCsv';
import { dealsToCsv } from '../../../../../renderer/features/notes/csv/exportCsv';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(resolve(import.meta.dirname, 'fixtures', name)));

function load(name: string): ParsedCsv {
  const decoded = decodeCsvBytes(fixture(name));
  if (!decoded.ok) throw new Error(decoded.message);
  const parsed = parseCsv(decoded.text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

function rowsOf(name: string, known: Set<string> = new Set()): ImportRow[] {
  const parsed = load(name);
  const { mapping } = detectFormat(parsed.headers);
  const dates = mapping.closeDate === undefined ? [] : parsed.rows.map((r) => r.cells[mapping.closeDate!] ?? '');
  return toImportRows(parsed, { mapping, dateOrder: detectDateOrder(dates), defaultCurrency: 'EUR', known });
}

describe('CRM CSV import', () => {
  it('recognises a Salesforce report export and reads its rows', () => {
    expect(detectFormat(load('salesforce-report.csv').headers).format).toBe('salesforce');
    const rows = rowsOf('salesforce-report.csv');
    expect(
      rows.map((r) => r.ok && [r.input.crmId, r.input.outcome, r.input.closeDate, r.input.amount, r.input.currency]),
    ).toEqual([
      ['0061x01', 'won', '2026-05-14', 48000, 'EUR'],
      ['0061x02', 'lost-competitor', '2026-06-02', 12000, 'USD'],
      ['0061x03', 'open', '2026-06-20', 0, 'EUR'],
    ]);
  });

  it('keeps a formula-looking cell as plain text', () => {
    const row = rowsOf('salesforce-report.csv')[1]!;
    expect(row.ok && row.input.account).toBe('=HYPERLINK("http://evil")');
  });

  it('recognises a HubSpot deals export, European amounts and no-decision losses', () => {
    expect(detectFormat(load('hubspot-deals.csv').headers).format).toBe('hubspot');
    const rows = rowsOf('hubspot-deals.csv');
    expect(rows.map((r) => r.ok && [r.input.crmId, r.input.account, r.input.outcome, r.input.amount])).toEqual([
      ['9001', 'Northwind', 'won', 32500],
      ['9002', 'Contoso', 'lost-no-decision', 8000],
    ]);
  });

  it('maps other files by guess, with a clear message per bad row; __proto__ headers pollute nothing', () => {
    const parsed = load('other-semicolon.csv');
    const detected = detectFormat(parsed.headers);
    expect(detected.format).toBe('other');
    expect(parsed.headers).toContain('__proto__');
    const mapping = { ...detected.mapping, account: 0, outcome: 1, closeDate: 2, amount: 3 };
    const rows = toImportRows(parsed, { mapping, dateOrder: 'dmy', defaultCurrency: 'EUR', known: new Set() });
    expect(rows[0]).toMatchObject({
      ok: true,
      input: { account: 'Acme', outcome: 'won', closeDate: '2026-05-14', amount: 1250.5 },
    });
    expect(rows[1]).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Close date “31\.13\.2026” is not a date/),
    });
    expect(rows[2]).toMatchObject({ ok: false, message: expect.stringMatching(/Amount “abc” is not a number/) });
    expect(rows[3]).toMatchObject({ ok: false, message: expect.stringMatching(/3 cells but the header has 6/) });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('reports malformed quoting, bad encoding, empty and oversized files', () => {
    const malformed = rowsOf('malformed.csv');
    expect(malformed.every((r) => !r.ok)).toBe(true);
    const latin1 = decodeCsvBytes(fixture('latin1.csv'));
    expect(latin1).toMatchObject({ ok: false, message: expect.stringMatching(/not UTF-8/) });
    const empty = decodeCsvBytes(fixture('empty.csv'));
    expect(empty.ok && parseCsv(empty.text)).toMatchObject({ ok: false, message: expect.stringMatching(/empty/) });
    expect(decodeCsvBytes(new Uint8Array(CSV_MAX_BYTES + 1))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/limit is 5 MB/),
    });
  });

  it('reads UTF-16 files with a byte-order mark, as Excel saves “Unicode text”', () => {
    const text = 'Account,Close Date\nMüller,2026-01-01\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + i * 2] = text.charCodeAt(i);
    expect(decodeCsvBytes(bytes)).toEqual({ ok: true, text });
  });

  it('re-importing the same file changes nothing (dedupe by CRM id)', () => {
    const doc = new Y.Doc();
    const importOnce = (): void => {
      const rows = rowsOf('salesforce-report.csv', knownCrmIds(doc));
      const inputs = rows.flatMap((r) => (r.ok && !r.duplicate ? [{ ...r.input, narratives: [] }] : []));
      importDeals(doc, inputs, { author: 'Ana', now: 1 });
    };
    importOnce();
    const before = Y.encodeStateAsUpdate(doc);
    expect(readDeals(doc)).toHaveLength(3);
    expect(rowsOf('salesforce-report.csv', knownCrmIds(doc)).every((r) => r.ok && r.duplicate)).toBe(true);
    importOnce();
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});

describe('CSV export', () => {
  it('neutralises formula injection and round-trips text', () => {
    const doc = new Y.Doc();
    importDeals(
      doc,
      [
        {
          account: '=HYPERLINK("http://evil")',
          dealName: '+cmd',
          crmId: '@SUM(A1)',
          amount: 5,
          currency: 'EUR',
          stage: '',
          persona: '',
          outcome: 'won',
          competitor: '-2+3',
          closeDate: '2026-01-01',
          narratives: [{ narrativeId: 'n1', reception: 'resonated' }],
          note: 'line one\nline "two", with comma',
          perspective: 'rep',
        },
      ],
      { author: 'Ana', now: 0 },
    );
    const csv = dealsToCsv(readDeals(doc), (id) => (id === 'n1' ? 'Cost story' : undefined));
    const [header, row] = Papa.parse<string[]>(csv).data;
    const cell = (name: string): string => row![header!.indexOf(name)]!;
    expect(cell('Account')).toBe('\'=HYPERLINK("http://evil")');
    expect(cell('Deal name')).toBe("'+cmd");
    expect(cell('CRM id')).toBe("'@SUM(A1)");
    expect(cell('Competitor')).toBe("'-2+3");
    expect(cell('Note')).toBe('line one\nline "two", with comma');
    expect(cell('Narratives')).toBe('Cost story (resonated)');
  });
});
