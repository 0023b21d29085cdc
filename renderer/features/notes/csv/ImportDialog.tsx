/**
 * The CSV import dialog: reading (progress), columns and preview, narratives, writing (progress, Cancel),
 * result. Nothing is written before the user confirms, and a cancelled write removes what it added. The
 * footer with the actions stays in view however long the body gets (the body scrolls).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { DealInput } from '@shared/domain/deal';
import type { NarrativeSummary } from '@shared/domain/narrative';
import { Dialog } from '../../../ui/Dialog';
import { ColumnsStep, missingFields } from './ColumnsStep';
import type { DecodedCsv } from './decodeCsv';
import { narrativeCounts, narrativeOf, type GoodRow, type NarrativeRule, type Overrides } from './narrativeRules';
import { NarrativeStep } from './NarrativeStep';
import { useImportData } from './useImportData';
import { writeDealsInBatches, type WriteOutcome, type WriteProgress } from './writeImport';
import type { DealActor } from '@shared/collab/notes';

/** Props of ImportDialog. */
export interface ImportDialogProps {
  name: string;
  bytes: Uint8Array;
  decoded: DecodedCsv;
  doc: Y.Doc;
  narratives: readonly NarrativeSummary[];
  actor: DealActor;
  /** The notes document is linked to a sync server: the write is paced below its rate limit. */
  paced: boolean;
  onClose: () => void;
}

type Step = 'columns' | 'narratives' | 'writing' | 'done';

function ProgressLine({ label, value }: { label: string; value: number }) {
  return (
    <div className="csv-progress" role="status" data-testid="csv-progress">
      <span>{label}</span>
      <progress max={1} value={value} aria-label={label} data-testid="csv-progress-bar" />
    </div>
  );
}

function resultText(outcome: WriteOutcome): string {
  if (outcome.status === 'failed') return outcome.message;
  if (outcome.status === 'cancelled')
    return `Import cancelled: nothing was added${outcome.removed ? ` (the ${outcome.removed} deals written so far were removed)` : ''}.`;
  const skipped = outcome.skippedDuplicates
    ? `; ${outcome.skippedDuplicates} already in the log were left as they are`
    : '';
  return `Imported ${outcome.added} deal${outcome.added === 1 ? '' : 's'}${skipped}.`;
}

/** The import dialog; see the file comment. */
export function ImportDialog(props: ImportDialogProps) {
  const data = useImportData(props.bytes, props.decoded, props.doc);
  const { parsed, rows, counts, settings } = data;
  const [step, setStep] = useState<Step>('columns');
  const [rule, setRule] = useState<NarrativeRule>({ kind: 'none' });
  const [overrides, setOverrides] = useState<Overrides>(new Map());
  const [writing, setWriting] = useState<WriteProgress | null>(null);
  const [outcome, setOutcome] = useState<WriteOutcome | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const good = useMemo(() => (rows ?? []).filter((r): r is GoodRow => r.ok && !r.duplicate), [rows]);
  // One pass over the rows per rule change: the summary line and the button both read it.
  const perNarrative = useMemo(
    () => (parsed ? narrativeCounts(rule, overrides, good, parsed) : new Map<string, number>()),
    [good, rule, overrides, parsed],
  );
  const assigned = good.length - (perNarrative.get('') ?? 0);
  const ready = parsed !== null && rows !== null && counts !== null && settings !== null && !data.checking;

  const confirm = async (): Promise<void> => {
    if (!parsed || !settings) return;
    const inputs: DealInput[] = good.map((r) => {
      const narrativeId = narrativeOf(rule, overrides, r, parsed);
      return { ...r.input, narratives: narrativeId ? [{ narrativeId, reception: 'neutral' as const }] : [] };
    });
    const controller = new AbortController();
    abort.current = controller;
    setStep('writing');
    setWriting({ written: 0, total: inputs.length });
    const result = await writeDealsInBatches(
      props.doc,
      inputs,
      { ...props.actor, now: Date.now() },
      { known: new Set(data.known), signal: controller.signal, onProgress: setWriting, paced: props.paced },
    );
    setOutcome(result);
    setStep('done');
  };

  // While writing, closing the dialog (Escape, ×) cancels the import rather than leaving it half done.
  const handleClose = (): void => {
    if (step === 'writing') abort.current?.abort();
    else props.onClose();
  };

  const cancel = (
    <button type="button" className="button" onClick={handleClose} data-testid="csv-cancel">
      Cancel
    </button>
  );
  const footer =
    step === 'done' ? (
      <button type="button" className="button button-primary" onClick={props.onClose} data-testid="csv-done">
        Done
      </button>
    ) : step === 'writing' ? (
      cancel
    ) : step === 'columns' ? (
      <>
        {cancel}
        <button
          type="button"
          className="button button-primary"
          disabled={!ready || missingFields(settings.mapping).length > 0 || counts.good === 0}
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
        {cancel}
        <button
          type="button"
          className="button button-primary"
          disabled={good.length === 0}
          onClick={() => void confirm()}
          data-testid="csv-confirm"
        >
          Import {good.length} deal{good.length === 1 ? '' : 's'}
          {assigned === 0 ? ' without narratives' : ''}
        </button>
      </>
    );

  let body;
  if (data.failure !== null) body = <p role="alert">{data.failure}</p>;
  else if (step === 'done' && outcome) {
    body = (
      <p role="status" data-testid="csv-result">
        {resultText(outcome)}
      </p>
    );
  } else if (step === 'writing' && writing) {
    body = (
      <ProgressLine
        label={`Importing ${writing.written} of ${writing.total} deals…`}
        value={writing.written / Math.max(1, writing.total)}
      />
    );
  } else if (parsed === null || rows === null || counts === null || settings === null) {
    body = <ProgressLine label={parsed ? 'Checking rows…' : `Reading ${props.name}…`} value={data.progress} />;
  } else if (step === 'columns') {
    body = (
      <>
        <ColumnsStep
          decoded={data.decoded}
          parsed={parsed}
          format={data.format}
          settings={settings}
          rows={rows}
          counts={counts}
          onEncoding={data.setEncoding}
          onSettings={data.setSettings}
        />
        {data.checking && <ProgressLine label="Checking rows…" value={data.progress} />}
      </>
    );
  } else {
    body = (
      <NarrativeStep
        parsed={parsed}
        rows={good}
        duplicates={counts.duplicates}
        bad={counts.bad}
        narratives={props.narratives}
        rule={rule}
        overrides={overrides}
        counts={perNarrative}
        onRule={setRule}
        onOverrides={setOverrides}
      />
    );
  }

  return (
    <Dialog open wide title={`Import ${props.name}`} onClose={handleClose} footer={footer} testId="csv-dialog">
      {body}
    </Dialog>
  );
}
