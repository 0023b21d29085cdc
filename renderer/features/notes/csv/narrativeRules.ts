/**
 * Which narrative each imported deal used, decided by a rule rather than 20,000 selects: none (the default —
 * a guess would skew a narrative's win rate), one narrative for all deals, by the value of a CSV column
 * ("Campaign = Cost story → Cost story"), or by account; then per-row overrides. Pure functions over the
 * checked rows, so the dialog derives counts once per rule change, never per row rendered.
 */
import type { ParsedCsv } from './crmCsv';
import type { ImportRow } from './importRows';

/** How deals get their narrative. `byValue` maps a column value or account to a narrative id. */
export type NarrativeRule =
  | { kind: 'none' }
  | { kind: 'all'; narrativeId: string }
  | { kind: 'column'; column: number; byValue: ReadonlyMap<string, string> }
  | { kind: 'account'; byValue: ReadonlyMap<string, string> };

/** A row that will be imported. */
export type GoodRow = Extract<ImportRow, { ok: true }>;

/** Row index → narrative id chosen for that row ('' = explicitly none). */
export type Overrides = ReadonlyMap<number, string>;

/** The value a rule keys on for `row` (column value or account), or null for rules without one. */
export function ruleValue(rule: NarrativeRule, row: GoodRow, parsed: ParsedCsv): string | null {
  if (rule.kind === 'column') return (parsed.rows[row.index]?.cells[rule.column] ?? '').trim();
  if (rule.kind === 'account') return row.input.account;
  return null;
}

/** The narrative id the rule gives `row` ('' for none), before overrides. */
export function ruleNarrative(rule: NarrativeRule, row: GoodRow, parsed: ParsedCsv): string {
  if (rule.kind === 'none') return '';
  if (rule.kind === 'all') return rule.narrativeId;
  return rule.byValue.get(ruleValue(rule, row, parsed)!) ?? '';
}

/** The narrative id `row` will be imported with ('' for none). */
export function narrativeOf(rule: NarrativeRule, overrides: Overrides, row: GoodRow, parsed: ParsedCsv): string {
  return overrides.get(row.index) ?? ruleNarrative(rule, row, parsed);
}

/** The distinct values a rule keys on, most frequent first, with how many deals have each. */
export function distinctValues(
  rule: NarrativeRule,
  rows: readonly GoodRow[],
  parsed: ParsedCsv,
): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const value = ruleValue(rule, row, parsed);
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** How many deals each narrative gets ('' = none), for the summary line. */
export function narrativeCounts(
  rule: NarrativeRule,
  overrides: Overrides,
  rows: readonly GoodRow[],
  parsed: ParsedCsv,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const id = narrativeOf(rule, overrides, row, parsed);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}
