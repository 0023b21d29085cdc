/**
 * Two versions (or a version and now) side by side, narrative by narrative: what was added, removed, moved
 * or changed; inside a changed narrative the word diff of each text and the fields that changed.
 */
import {
  BUYING_STAGE_LABELS,
  NARRATIVE_STATUS_LABELS,
  isBuyingStage,
  isNarrativeStatus,
} from '@shared/domain/narrative';
import type {
  ComparedField,
  DiffedText,
  NarrativeComparison,
  VersionComparison,
} from '@shared/versions/compareVersions';
import { DiffText } from './DiffText';

const TEXT_LABELS: Record<DiffedText, string> = {
  title: 'Title',
  keyMessage: 'Key message',
  body: 'Story',
  proofPoints: 'Proof points',
};
const FIELD_LABELS: Record<ComparedField, string> = {
  status: 'Status',
  persona: 'Persona',
  stage: 'Stage',
  owner: 'Owner',
};
const KIND_LABELS = { added: 'Added', removed: 'Removed', changed: 'Changed', unchanged: 'Unchanged' } as const;

function fieldValue(field: ComparedField, value: string): string {
  if (value === '') return '(none)';
  if (field === 'status' && isNarrativeStatus(value)) return NARRATIVE_STATUS_LABELS[value];
  if (field === 'stage' && isBuyingStage(value)) return BUYING_STAGE_LABELS[value];
  return value;
}

/** Props of CompareView. */
export interface CompareViewProps {
  comparison: VersionComparison;
  fromLabel: string;
  toLabel: string;
  /** Offered on each narrative that differs, to bring back the "from" side's words. */
  onRestoreNarrative?: (narrativeId: string, title: string) => void;
}

function NarrativeCard({
  n,
  fromLabel,
  onRestore,
}: {
  n: NarrativeComparison;
  fromLabel: string;
  onRestore?: (narrativeId: string, title: string) => void;
}) {
  const badges = [n.kind !== 'unchanged' ? KIND_LABELS[n.kind] : null, n.moved ? 'Moved' : null].filter(Boolean);
  return (
    <article
      className={`compare-card compare-${n.kind}`}
      data-testid="compare-narrative"
      data-narrative-id={n.id}
      aria-label={`${n.title || 'Untitled narrative'}: ${badges.join(', ')}`}
    >
      <header className="compare-card-head">
        <h4>{n.title || 'Untitled narrative'}</h4>
        {badges.map((b) => (
          <span key={b} className={`compare-badge compare-badge-${String(b).toLowerCase()}`}>
            {b}
          </span>
        ))}
        {onRestore && n.kind !== 'added' && (
          <button
            type="button"
            className="button button-small compare-restore"
            onClick={() => onRestore(n.id, n.title)}
            data-testid="restore-narrative"
          >
            Restore as in {fromLabel}
          </button>
        )}
      </header>
      {n.kind === 'added' && <p className="muted">Not in {fromLabel}.</p>}
      {n.kind === 'removed' && <p className="muted">Removed since {fromLabel}.</p>}
      {n.formattingOnly && <p className="muted">Only formatting changed (bold, links, block types).</p>}
      {n.fields.length > 0 && (
        <ul className="compare-fields">
          {n.fields.map((f) => (
            <li key={f.field} data-testid="compare-field">
              <span className="compare-field-name">{FIELD_LABELS[f.field]}:</span>{' '}
              <del className="diff-del">
                <span className="visually-hidden">[was: </span>
                {fieldValue(f.field, f.from)}
                <span className="visually-hidden">]</span>
              </del>{' '}
              <span aria-hidden="true">→</span>{' '}
              <ins className="diff-ins">
                <span className="visually-hidden">[now: </span>
                {fieldValue(f.field, f.to)}
                <span className="visually-hidden">]</span>
              </ins>
            </li>
          ))}
        </ul>
      )}
      {(Object.keys(TEXT_LABELS) as DiffedText[]).map((key) => {
        const parts = n.texts[key];
        if (!parts) return null;
        return (
          <div key={key} className="compare-text" data-testid={`compare-text-${key}`}>
            <div className="compare-text-label">{TEXT_LABELS[key]}</div>
            <DiffText parts={parts} />
          </div>
        );
      })}
    </article>
  );
}

/** The comparison. */
export function CompareView({ comparison, fromLabel, toLabel, onRestoreNarrative }: CompareViewProps) {
  const differing = comparison.narratives.filter((n) => n.kind !== 'unchanged' || n.moved);
  const unchanged = comparison.narratives.length - differing.length;
  const { added, removed, changed, moved } = comparison.counts;
  return (
    <section className="compare" data-testid="compare" aria-label={`Changes from ${fromLabel} to ${toLabel}`}>
      <p className="compare-summary" data-testid="compare-summary">
        From <strong>{fromLabel}</strong> to <strong>{toLabel}</strong>: {changed} changed, {added} added, {removed}{' '}
        removed, {moved} moved{unchanged > 0 ? `, ${unchanged} unchanged` : ''}.
      </p>
      <p className="compare-legend muted">
        <ins className="diff-ins">Underlined</ins> words were inserted; <del className="diff-del">struck-through</del>{' '}
        words were deleted.
      </p>
      {differing.length === 0 ? (
        <p className="compare-none">No narrative differs between these two.</p>
      ) : (
        differing.map((n) => <NarrativeCard key={n.id} n={n} fromLabel={fromLabel} onRestore={onRestoreNarrative} />)
      )}
    </section>
  );
}
