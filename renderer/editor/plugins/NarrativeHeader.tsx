/** The chip row above a narrative: status badge, persona, stage, owner and the section menu. */
import { useEffect, useRef, useState } from 'react';
import { BUYING_STAGE_LABELS, NARRATIVE_STATUS_LABELS, type NarrativeSummary } from '@shared/domain/narrative';
import type { DetailsField } from './NarrativeDetailsDialog';
import type { NarrativeBadge } from './narrativeGovernanceSource';

/** Props of NarrativeHeader. */
export interface NarrativeHeaderProps {
  summary: NarrativeSummary;
  editable: boolean;
  onEdit: (field: DetailsField) => void;
  onMove: (direction: -1 | 1) => void;
  onDuplicate: () => void;
  onDelete: () => void;
  /** Opens the quick deal form for this narrative (shown for everyone who may write notes). */
  onLogDeal?: () => void;
  /** The badge governance derives (records + content hash); without it the status field is shown. */
  badge?: NarrativeBadge;
  /** Opens the approval dialog (shown when the badge offers an action to this person). */
  onApproval?: () => void;
}

/** Status badge, field chips and the ⋯ menu of one narrative. */
export function NarrativeHeader({
  summary,
  editable,
  onEdit,
  onMove,
  onDuplicate,
  onDelete,
  onLogDeal,
  badge,
  onApproval,
}: NarrativeHeaderProps) {
  const chip = (field: DetailsField, label: string, value: string) => {
    // A reader cannot set a field, so an empty one offers nothing: no "Add" that does nothing. A set value
    // still says what it is, as plain text rather than a button that cannot be pressed.
    if (!editable) {
      return value ? (
        <span className="chip chip-readonly" title={`${label}: ${value}`}>
          <span className="chip-label">{label}</span>
          <span className="chip-value">{value}</span>
        </span>
      ) : null;
    }
    return (
      <button
        type="button"
        className={value ? 'chip' : 'chip chip-empty'}
        onClick={() => onEdit(field)}
        title={`${label}: ${value || 'not set'}`}
      >
        <span className="chip-label">{label}</span>
        <span className="chip-value">{value || 'Add'}</span>
      </button>
    );
  };
  return (
    <div className="narrative-header" data-testid="narrative-header">
      <button
        type="button"
        className={`status-badge status-${badge?.state ?? summary.status}`}
        disabled={!editable}
        onClick={() => onEdit('status')}
        data-testid="status-badge"
      >
        {badge?.label ?? NARRATIVE_STATUS_LABELS[summary.status]}
      </button>
      {badge?.stale && (
        <span className="stale-badge" data-testid="stale-badge" title={badge.stale}>
          Stale<span className="visually-hidden">: {badge.stale}</span>
        </span>
      )}
      {badge?.action && onApproval && (
        <button type="button" className="approval-chip" onClick={onApproval} data-testid="approval-button">
          {badge.action}
        </button>
      )}
      {chip('persona', 'Persona', summary.persona)}
      {chip('stage', 'Stage', summary.stage ? BUYING_STAGE_LABELS[summary.stage] : '')}
      {chip('owner', 'Owner', summary.owner)}
      {onLogDeal && (
        <button type="button" className="log-deal-chip" onClick={onLogDeal} data-testid="log-deal">
          + Log deal
        </button>
      )}
      {editable && (
        <SectionMenu onMove={onMove} onDuplicate={onDuplicate} onDelete={onDelete} onEdit={() => onEdit('status')} />
      )}
    </div>
  );
}

function SectionMenu(props: {
  onMove: (d: -1 | 1) => void;
  onDuplicate: () => void;
  onDelete: () => void;
  onEdit: () => void;
}) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const handlePointerDown = (event: PointerEvent): void => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    const handleKeyDown = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', handlePointerDown);
    document.addEventListener('keydown', handleKeyDown);
    return () => {
      document.removeEventListener('pointerdown', handlePointerDown);
      document.removeEventListener('keydown', handleKeyDown);
    };
  }, [open]);
  const item = (label: string, run: () => void, danger = false) => (
    <button
      type="button"
      role="menuitem"
      className={danger ? 'menu-item menu-item-danger' : 'menu-item'}
      onClick={() => {
        setOpen(false);
        run();
      }}
    >
      {label}
    </button>
  );
  return (
    <div className="section-menu" ref={ref}>
      <button
        type="button"
        className="icon-button"
        aria-label="Narrative actions"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        ⋯
      </button>
      {open && (
        <div className="menu" role="menu">
          {item('Edit details…', props.onEdit)}
          {item('Move up', () => props.onMove(-1))}
          {item('Move down', () => props.onMove(1))}
          {item('Duplicate', props.onDuplicate)}
          {item('Delete…', props.onDelete, true)}
        </div>
      )}
    </div>
  );
}
