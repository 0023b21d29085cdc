import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { importDeals, knownCrmIds, readDeals } from '../../../../../shared/collab/notes';
import { detectDecimalSeparator } from '../../../../../shared/domain/money';
import {
  detectDateOrder,
  detectFormat,
  parseCsvText,
  type ParsedCsv,
} from '../../../../../renderer/features/notes/csv/crmCsv';
import { CSV_MAX_BYTES, decodeAs, decodeCsvBytes } from '../../../../../renderer/features/notes/csv/decodeCsv';
import { dealsToCsv } from '../../../../../renderer/features/notes/csv/exportCsv';
import { toImportRows, type ImportRow } from '../../../../../renderer/features/notes/csv/importRows';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(resolve(import.meta.dirname, 'fixtures', name)));

async function load(name: string): Promise<ParsedCsv> {
  const decoded = decodeCsvBytes(fixture(name));
  if (!decoded.ok) throw new Error(decoded.message);
  const parsed = await parseCsvText(decoded.text);
  if (parsed === null || !parsed.ok) throw new Error(parsed?.message ?? 'cancelled');
  return parsed.value;
}

async function rowsOf(name: string, known: Set<string> = new Set(), defaultCurrency = 'EUR'): Promise<ImportRow[]> {
  const parsed = await load(name);
  const { mapping } = detectFormat(parsed.headers);
  const column = (i: number | undefined): string[] => (i === undefined ? [] : parsed.rows.map((r) => r.cells[i] ?? ''));
  const rows = await toImportRows(parsed, {
    mapping,
    dateOrder: detectDateOrder(column(mapping.closeDate)),
    decimal: detectDecimalSeparator(column(mapping.amount)),
    defaultCurrency,
    known,
  });
  return rows!;
}

const facts = (rows: ImportRow[]) =>
  rows.map((r) =>
    r.ok ? [r.input.account, r.input.outcome, r.input.closeDate, r.input.amount, r.input.currency] : r.message,
  );

describe('CRM CSV import', () => {
  it('recognises a Salesforce report export and reads its rows', async () => {
    expect(detectFormat((await load('salesforce-report.csv')).headers).format).toBe('salesforce');
    const rows = await rowsOf('salesforce-report.csv');
    expect(
      rows.map((r) => r.ok && [r.input.crmId, r.input.outcome, r.input.closeDate, r.input.amount, r.input.currency]),
    ).toEqual([
      ['0061x01', 'won', '2026-05-14', 48000, 'EUR'],
      ['0061x02', 'lost-competitor', '2026-06-02', 12000, 'USD'],
      // A blank amount is no amount, not zero.
      ['0061x03', 'open', '2026-06-20', null, 'EUR'],
    ]);
  });

  it('reads a Salesforce ISO-8859-1 export: accents, currencies in the amounts, footer skipped', async () => {
    const decoded = decodeCsvBytes(fixture('salesforce-latin1-footer.csv'));
    expect(decoded).toMatchObject({ ok: true, encoding: 'windows-1252', unreadable: 0 });
    const parsed = await load('salesforce-latin1-footer.csv');
    expect(parsed.footer).toEqual({ lines: 5, statedRecords: 4 });
    expect(parsed.rows).toHaveLength(4);
    expect(facts(await rowsOf('salesforce-latin1-footer.csv', new Set(), 'CHF'))).toEqual([
      ['Müller Logistik GmbH', 'won', '2026-05-14', 48000, 'USD'],
      ['Société Générale Transports', 'lost-competitor', '2026-06-02', 12500.5, 'EUR'],
      ['Nordbahn Señales', 'open', '2026-06-20', null, 'CHF'],
      ['Åkesson Frakt AB', 'won', '2026-07-01', 7250, 'GBP'],
    ]);
  });

  it('reads a German Excel Windows-1252 file: semicolons, decimal commas, € in the text', async () => {
    expect(decodeCsvBytes(fixture('german-excel-1252.csv'))).toMatchObject({ ok: true, encoding: 'windows-1252' });
    const parsed = await load('german-excel-1252.csv');
    expect(detectFormat(parsed.headers)).toMatchObject({ format: 'other', mapping: { account: 0, amount: 3 } });
    const rows = await rowsOf('german-excel-1252.csv', new Set(), 'EUR');
    expect(facts(rows)).toEqual([
      ['Bäckerei Größe', 'won', '2026-05-14', 48000, 'EUR'],
      ['Straßenbahn Köln', 'lost-no-decision', '2026-06-02', 1250.5, 'EUR'],
      ['Zürich Fahrräder', 'won', '2026-06-20', null, 'EUR'],
      ['Løvstad AS', 'won', '2026-07-01', 950, 'EUR'],
    ]);
    expect(rows[0]!.ok && rows[0]!.input.note).toBe('Preis überzeugt – 5 € je Gerät');
    expect(rows[0]!.ok && rows[0]!.defaultCurrency).toBe(true);
  });

  it('reads a HubSpot UTF-8 export with a byte-order mark', async () => {
    const decoded = decodeCsvBytes(fixture('hubspot-bom.csv'));
    expect(decoded).toMatchObject({ ok: true, encoding: 'utf-8' });
    expect(decoded.ok && decoded.text.startsWith('Record ID')).toBe(true);
    expect(facts(await rowsOf('hubspot-bom.csv'))).toEqual([
      ['Škoda Fleet s.r.o.', 'won', '2026-03-01', 32500, 'EUR'],
      ['Ørsted Service', 'lost-no-decision', '2026-04-10', 8000, 'USD'],
      ['Café Ünal', 'open', '2026-05-02', 1200.5, 'EUR'],
    ]);
  });

  it('gives each broken row its own message and keeps the good ones', async () => {
    expect(facts(await rowsOf('broken-rows.csv'))).toEqual([
      ['Acme', 'won', '2026-05-14', 1000, 'EUR'],
      expect.stringMatching(/Close date “2026-13-40” is not a date/),
      expect.stringMatching(/Amount “lots” is not a number/),
      expect.stringMatching(/2 cells but the header has 5/),
      ['Hooli', 'lost-no-decision', '2026-06-03', 3000, 'USD'],
      ['Stark', 'won', '2026-06-04', 4000, 'USD'],
      expect.stringMatching(/three-letter currency code/),
    ]);
  });

  it('refuses only files that are not text, saying what they are', () => {
    expect(decodeCsvBytes(fixture('workbook-renamed.csv'))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Excel workbook/),
    });
    expect(decodeCsvBytes(fixture('binary.csv'))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not text/),
    });
    expect(decodeCsvBytes(new Uint8Array(CSV_MAX_BYTES + 1))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/limit is 5 MB/),
    });
    // A plain Latin-1 file is text, read as Windows-1252.
    expect(decodeCsvBytes(fixture('latin1.csv'))).toMatchObject({ ok: true, text: expect.stringContaining('Müller') });
  });

  it('lets the user read a file in another encoding, counting what cannot be read', () => {
    const asUtf8 = decodeAs(fixture('german-excel-1252.csv'), 'utf-8');
    expect(asUtf8.unreadable).toBeGreaterThan(0);
    expect(decodeAs(fixture('german-excel-1252.csv'), 'windows-1252')).toMatchObject({ unreadable: 0 });
  });

  it('keeps a formula-looking cell as plain text', async () => {
    const row = (await rowsOf('salesforce-report.csv'))[1]!;
    expect(row.ok && row.input.account).toBe('=HYPERLINK("http://evil")');
  });

  it('maps other files by guess, with a clear message per bad row; __proto__ headers pollute nothing', async () => {
    const parsed = await load('other-semicolon.csv');
    const detected = detectFormat(parsed.headers);
    expect(detected.format).toBe('other');
    expect(parsed.headers).toContain('__proto__');
    const mapping = { ...detected.mapping, account: 0, outcome: 1, closeDate: 2, amount: 3 };
    const options = { mapping, dateOrder: 'dmy', decimal: ',', defaultCurrency: 'EUR', known: new Set() } as const;
    const rows = (await toImportRows(parsed, { ...options, known: new Set<string>() }))!;
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

  it('reports malformed quoting and empty files', async () => {
    expect((await rowsOf('malformed.csv')).every((r) => !r.ok)).toBe(true);
    expect(decodeCsvBytes(fixture('empty.csv'))).toMatchObject({ ok: false, message: expect.stringMatching(/empty/) });
    expect(await parseCsvText('Account,Close date\n')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/no rows/),
    });
  });

  it('reads UTF-16 files with a byte-order mark, as Excel saves “Unicode text”', () => {
    const text = 'Account,Close Date\nMüller,2026-01-01\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + i * 2] = text.charCodeAt(i);
    expect(decodeCsvBytes(bytes)).toEqual({ ok: true, text, encoding: 'utf-16le', unreadable: 0 });
  });

  it('parses a large file in slices, reporting progress, and can be cancelled', async () => {
    const lines = ['Account,Close date,Amount'];
    for (let i = 0; i < 20_000; i++) lines.push(`Account ${i},2026-01-${String((i % 28) + 1).padStart(2, '0')},${i}`);
    const progress: number[] = [];
    const parsed = await parseCsvText(lines.join('\n'), { onProgress: (share) => progress.push(share) });
    expect(parsed).toMatchObject({ ok: true });
    expect(parsed!.ok && parsed!.value.rows).toHaveLength(20_000);
    expect(parsed!.ok && parsed!.value.rows[19_999]).toEqual({
      line: 20_001,
      cells: ['Account 19999', '2026-01-08', '19999'],
    });
    expect(progress.length).toBeGreaterThan(2);
    const controller = new AbortController();
    const cancelled = parseCsvText(lines.join('\n'), { signal: controller.signal });
    controller.abort();
    expect(await cancelled).toBeNull();
  });

  it('re-importing the same file changes nothing (dedupe by CRM id)', async () => {
    const doc = new Y.Doc();
    const importOnce = async (): Promise<void> => {
      const rows = await rowsOf('salesforce-report.csv', knownCrmIds(doc));
      const inputs = rows.flatMap((r) => (r.ok && !r.duplicate ? [{ ...r.input, narratives: [] }] : []));
      importDeals(doc, inputs, { author: 'Ana', now: 1 });
    };
    await importOnce();
    const before = Y.encodeStateAsUpdate(doc);
    expect(readDeals(doc)).toHaveLength(3);
    expect((await rowsOf('salesforce-report.csv', knownCrmIds(doc))).every((r) => r.ok && r.duplicate)).toBe(true);
    await importOnce();
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});

describe('CSV export', () => {
  it('neutralises formula injection and round-trips text; no amount stays blank', () => {
    const doc = new Y.Doc();
    importDeals(
      doc,
      [
        {
          account: '=HYPERLINK("http://evil")',
          dealName: '+cmd',
          crmId: '@SUM(A1)',
          amount: null,
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
    expect(cell('Amount')).toBe('');
    expect(cell('Note')).toBe('line one\nline "two", with comma');
    expect(cell('Narratives')).toBe('Cost story (resonated)');
  });
});
