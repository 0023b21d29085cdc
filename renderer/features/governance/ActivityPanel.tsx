/**
 * The activity feed of a playbook: who requested review, approved, sent back, retired, reopened or restored
 * what, and when — from the records only — filterable by person and by kind. Shown in place of the text.
 */
import { useMemo, useState, useSyncExternalStore } from 'react';
import type { VersionMeta } from '@shared/collab/versions';
import {
  ACTIVITY_KINDS,
  ACTIVITY_VERBS,
  activityPeople,
  buildActivity,
  filterActivity,
  type ActivityKind,
} from '@shared/governance/activity';
import { EmptyState } from '../../ui/EmptyState';
import { formatWhen } from '../versions';
import type { GovernanceStore } from './GovernanceStore';

const KIND_NAMES: Record<ActivityKind, string> = {
  requested: 'Review requested',
  approved: 'Approved',
  'sent-back': 'Sent back',
  retired: 'Retired',
  reopened: 'Reopened',
  restored: 'Restored',
};

/** Props of ActivityPanel. */
export interface ActivityPanelProps {
  store: GovernanceStore;
  versions: readonly VersionMeta[];
  onClose: () => void;
}

/** The feed. */
export function ActivityPanel({ store, versions, onClose }: ActivityPanelProps) {
  const records = useSyncExternalStore(store.subscribe, () => store.getRecords());
  const entries = useMemo(() => buildActivity(records.decisions, records.workflow, versions), [records, versions]);
  const [person, setPerson] = useState('');
  const [kind, setKind] = useState<ActivityKind | ''>('');
  const shown = filterActivity(entries, { person, kind });
  return (
    <section className="activity-panel" aria-label="Activity" data-testid="activity-panel">
      <header className="activity-head">
        <h2>Activity</h2>
        <label>
          <span>Person</span>
          <select value={person} onChange={(e) => setPerson(e.target.value)} data-testid="activity-person">
            <option value="">Everyone</option>
            {activityPeople(entries).map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Kind</span>
          <select
            value={kind}
            onChange={(e) => setKind(e.target.value as ActivityKind | '')}
            data-testid="activity-kind"
          >
            <option value="">Everything</option>
            {ACTIVITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_NAMES[k]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button-small" onClick={onClose}>
          Back to text
        </button>
      </header>
      {entries.length === 0 ? (
        <EmptyState title="No activity yet" testId="activity-empty">
          <p>
            When someone requests review of a narrative, a storyteller approves or sends it back, or a narrative is
            retired or restored, it shows here — with who and when.
          </p>
        </EmptyState>
      ) : shown.length === 0 ? (
        <p className="muted activity-none">Nothing matches these filters.</p>
      ) : (
        <ol className="activity-list" data-testid="activity-list">
          {shown.map((e) => (
            <li key={e.id} className={`activity-item activity-${e.kind}`} data-testid="activity-item">
              <span className={`activity-dot activity-dot-${e.kind}`} aria-hidden="true" />
              <div>
                <p>
                  <strong>{e.by || 'Someone'}</strong>{' '}
                  {e.kind === 'restored' ? (
                    // A restore's record names itself: "Restored “Positioning” from v2".
                    <span className="activity-title">— {e.title}</span>
                  ) : (
                    <>
                      {ACTIVITY_VERBS[e.kind]}{' '}
                      <span className="activity-title">“{e.title || 'Untitled narrative'}”</span>
                    </>
                  )}
                </p>
                {e.note && <q className="activity-note">{e.note}</q>}
                <p className="muted activity-when">{formatWhen(e.at)}</p>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
