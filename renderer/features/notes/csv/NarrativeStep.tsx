/**
 * The second step: which narrative the imported deals used. It starts at "no narrative" — a guess would
 * count every deal for one narrative and skew its win rate — and maps by rule: one narrative for all, by a
 * column's values, or by account; single rows can be overridden in a virtualized table. Counts per narrative
 * are derived once per rule change, never per row rendered.
 */
import { useMemo } from 'react';
import { DEAL_OUTCOME_LABELS } from '@shared/domain/deal';
import type { NarrativeSummary } from '@shared/domain/narrative';
import type { ParsedCsv } from './crmCsv';
import { distinctValues, narrativeOf, type GoodRow, type NarrativeRule, type Overrides } from './narrativeRules';
import { Cell, VirtualTable } from './VirtualTable';

/** Props of NarrativeStep. */
export interface NarrativeStepProps {
  parsed: ParsedCsv;
  rows: readonly GoodRow[];
  duplicates: number;
  bad: number;
  narratives: readonly NarrativeSummary[];
  rule: NarrativeRule;
  overrides: Overrides;
  /** Deals per narrative id ('' = none) under the current rule and overrides. */
  counts: ReadonlyMap<string, number>;
  onRule: (rule: NarrativeRule) => void;
  onOverrides: (overrides: Overrides) => void;
}

const RULE_LABELS: Record<NarrativeRule['kind'], string> = {
  none: 'No narrative — decide later',
  all: 'One narrative for every deal',
  column: 'By a column of the file',
  account: 'By account',
};

function NarrativeSelect(props: {
  value: string;
  narratives: readonly NarrativeSummary[];
  label: string;
  onChange: (id: string) => void;
  testId?: string;
}) {
  return (
    <select
      aria-label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      data-testid={props.testId}
    >
      <option value="">No narrative</option>
      {props.narratives.map((n) => (
        <option key={n.id} value={n.id}>
          {n.title || 'Untitled narrative'}
        </option>
      ))}
    </select>
  );
}

/** The narrative step's body. */
export function NarrativeStep({ parsed, rows, narratives, rule, overrides, counts, ...props }: NarrativeStepProps) {
  const titleOf = (id: string): string =>
    id === '' ? 'No narrative' : narratives.find((n) => n.id === id)?.title || 'Untitled narrative';
  const values = useMemo(
    () => (rule.kind === 'column' || rule.kind === 'account' ? distinctValues(rule, rows, parsed) : []),
    // Only the key of the rule matters for the values, not which narrative each maps to.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [rule.kind, rule.kind === 'column' ? rule.column : -1, rows, parsed],
  );
  const pick = (kind: NarrativeRule['kind']): void => {
    if (kind === 'none') props.onRule({ kind });
    else if (kind === 'all') props.onRule({ kind, narrativeId: narratives[0]?.id ?? '' });
    else if (kind === 'column') props.onRule({ kind, column: 0, byValue: new Map() });
    else props.onRule({ kind, byValue: new Map() });
  };
  const mapValue = (value: string, id: string): void => {
    if (rule.kind !== 'column' && rule.kind !== 'account') return;
    props.onRule({ ...rule, byValue: new Map(rule.byValue).set(value, id) });
  };

  return (
    <div className="form csv-step">
      <p data-testid="csv-narrative-summary">
        {rows.length} new deal{rows.length === 1 ? '' : 's'}
        {props.duplicates > 0 && ` · ${props.duplicates} already imported (left unchanged)`}
        {props.bad > 0 && ` · ${props.bad} with problems (not imported)`}. Which narrative did they use?
      </p>
      <fieldset className="csv-rules" data-testid="csv-rules">
        <legend>Map deals to narratives</legend>
        {(Object.keys(RULE_LABELS) as NarrativeRule['kind'][]).map((kind) => (
          <label key={kind} className="csv-rule">
            <input type="radio" name="csv-rule" checked={rule.kind === kind} onChange={() => pick(kind)} />
            {RULE_LABELS[kind]}
          </label>
        ))}
      </fieldset>
      {rule.kind === 'all' && (
        <label className="field">
          <span>Narrative of every deal</span>
          <NarrativeSelect
            label="Narrative of every deal"
            value={rule.narrativeId}
            narratives={narratives}
            onChange={(narrativeId) => props.onRule({ kind: 'all', narrativeId })}
            testId="csv-narrative-all"
          />
        </label>
      )}
      {rule.kind === 'column' && (
        <label className="field">
          <span>Column</span>
          <select
            value={rule.column}
            onChange={(e) => props.onRule({ kind: 'column', column: Number(e.target.value), byValue: new Map() })}
            data-testid="csv-rule-column"
          >
            {parsed.headers.map((h, i) => (
              <option key={i} value={i}>
                {h || `Column ${i + 1}`}
              </option>
            ))}
          </select>
        </label>
      )}
      {(rule.kind === 'column' || rule.kind === 'account') && (
        <VirtualTable
          label={rule.kind === 'column' ? 'Values of the column' : 'Accounts'}
          testId="csv-rule-values"
          items={values}
          height={180}
          columns={[rule.kind === 'column' ? 'Value' : 'Account', 'Deals', 'Narrative']}
          tracks="1.6fr 70px 1.4fr"
          rowKey={(v) => v.value}
          renderRow={(v) => (
            <>
              <Cell>{v.value === '' ? '(empty)' : v.value}</Cell>
              <Cell>{String(v.count)}</Cell>
              <span role="cell" className="vtable-cell">
                <NarrativeSelect
                  label={`Narrative for ${v.value || 'empty'}`}
                  value={rule.byValue.get(v.value) ?? ''}
                  narratives={narratives}
                  onChange={(id) => mapValue(v.value, id)}
                />
              </span>
            </>
          )}
        />
      )}
      <p className="csv-narrative-counts" data-testid="csv-narrative-counts">
        {[...counts]
          .sort((a, b) => b[1] - a[1])
          .map(([id, count]) => `${titleOf(id)}: ${count}`)
          .join(' · ')}
      </p>
      <details className="csv-overrides">
        <summary>Change single deals ({overrides.size} changed)</summary>
        <VirtualTable
          label="Deals to import"
          testId="csv-override-table"
          items={rows}
          height={220}
          columns={['Row', 'Account', 'Outcome', 'Close date', 'Narrative']}
          tracks="56px 1.5fr 1fr 0.9fr 1.4fr"
          rowKey={(r) => r.index}
          renderRow={(r) => (
            <>
              <Cell>{String(r.line)}</Cell>
              <Cell>{r.input.account}</Cell>
              <Cell>{DEAL_OUTCOME_LABELS[r.input.outcome]}</Cell>
              <Cell>{r.input.closeDate}</Cell>
              <span role="cell" className="vtable-cell">
                <NarrativeSelect
                  label={`Narrative of row ${r.line}, ${r.input.account}`}
                  value={narrativeOf(rule, overrides, r, parsed)}
                  narratives={narratives}
                  onChange={(id) => props.onOverrides(new Map(overrides).set(r.index, id))}
                />
              </span>
            </>
          )}
        />
      </details>
    </div>
  );
}
