/**
 * "What changed since you last looked", for those who read a playbook rather than write it (sales,
 * viewers): narratives approved, rewritten, retired, added or removed since their last "Mark as seen",
 * each with a link to its diff (the compare view, from the version in force at the last visit to now).
 * The first visit only remembers what is there — once the records have arrived from the server.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { VersionMeta } from '@shared/collab/versions';
import {
  changesSinceSeen,
  takeSnapshot,
  type SeenChangeKind,
  type SeenNarrative,
  type SeenSnapshot,
} from '@shared/governance/sinceLastSeen';
import { formatWhen } from '../versions';
import type { GovernanceStore } from './GovernanceStore';
import { readSeen, writeSeen } from './seenSnapshots';

const KIND_LABELS: Record<SeenChangeKind, string> = {
  approved: 'approved',
  rewritten: 'rewritten',
  retired: 'retired',
  added: 'new',
  removed: 'removed',
};

/** How long after the first sync a first visit is remembered (the editor and the hashes catch up). */
const FIRST_LOOK_SETTLE_MS = 1500;

/** Props of WhatChangedBanner. */
export interface WhatChangedBannerProps {
  workspaceId: string;
  playbookId: string;
  store: GovernanceStore;
  versions: readonly VersionMeta[];
  /** True once the playbook and its records are as the server has them (or there is no server). */
  synced: boolean;
  /** Opens the compare view from `versionId` to now, at `narrativeId`. */
  onShowDiff: (versionId: string, narrativeId: string) => void;
}

function currentNarratives(store: GovernanceStore): Map<string, SeenNarrative> {
  const out = new Map<string, SeenNarrative>();
  for (const n of store.getNarratives()) {
    const g = store.get(n.id);
    if (g) out.set(n.id, { hash: n.hash, state: g.state, title: n.title });
  }
  return out;
}

/** The banner; renders nothing when nothing changed. */
export function WhatChangedBanner({
  workspaceId,
  playbookId,
  store,
  versions,
  synced,
  onShowDiff,
}: WhatChangedBannerProps) {
  const states = useSyncExternalStore(store.subscribe, () => store.all());
  const [seen, setSeen] = useState<SeenSnapshot | null>(() => readSeen(workspaceId, playbookId));
  const ready = synced && store.ready;
  useEffect(() => {
    if (!ready || seen !== null) return;
    // "Live" means the server's content reached the document; the editor shows it and governance re-reads the
    // hashes a moment later. Remembering before that would remember an empty playbook.
    const timer = setTimeout(() => {
      const first = takeSnapshot(currentNarratives(store), Date.now());
      writeSeen(workspaceId, playbookId, first);
      setSeen(first);
    }, FIRST_LOOK_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [ready, seen, store, workspaceId, playbookId]);

  const changes = useMemo(
    () => (seen && ready ? changesSinceSeen(seen, currentNarratives(store)) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `states` changes whenever the store does
    [seen, ready, store, states],
  );
  if (!seen || changes.length === 0) return null;
  const baseline = [...versions].reverse().find((v) => v.createdAt <= seen.at);
  const markSeen = (): void => {
    const now = takeSnapshot(currentNarratives(store), Date.now());
    writeSeen(workspaceId, playbookId, now);
    setSeen(now);
  };
  return (
    <section className="what-changed" aria-label="What changed since you last looked" data-testid="what-changed">
      <div className="what-changed-head">
        <strong>What changed since you last looked</strong>
        <span className="muted"> · {formatWhen(seen.at)}</span>
        <button type="button" className="button button-small" onClick={markSeen} data-testid="mark-seen">
          Mark as seen
        </button>
      </div>
      <ul>
        {changes.map((c) => (
          <li key={c.narrativeId} data-testid="what-changed-item">
            <span className="what-changed-title">{c.title || 'Untitled narrative'}</span>{' '}
            {c.kinds.map((k) => (
              <span key={k} className={`tag what-changed-${k}`}>
                {KIND_LABELS[k]}
              </span>
            ))}
            {baseline && (
              <button
                type="button"
                className="link-button"
                onClick={() => onShowDiff(baseline.id, c.narrativeId)}
                data-testid="what-changed-diff"
              >
                See the diff
              </button>
            )}
          </li>
        ))}
      </ul>
      {!baseline && (
        <p className="muted">No version was saved before your last visit, so there is no diff to show for these yet.</p>
      )}
    </section>
  );
}
