/** The list of versions, newest first: name, kind, who and when, the note, and which narratives changed. */
import type { VersionKind, VersionMeta } from '@shared/collab/versions';
import { formatWhen } from './versionDates';

const KIND_LABELS: Record<VersionKind, string | null> = {
  manual: null,
  approval: 'On approval',
  daily: 'Daily',
  restore: 'Restore',
};

/** Props of VersionList. */
export interface VersionListProps {
  versions: readonly VersionMeta[];
  /** Current titles of narratives by id (removed ones are missing). */
  titles: ReadonlyMap<string, string>;
  selectedId: string | null;
  /** Compare version `id` with `other` ('now' or another version's id). */
  onCompare: (id: string, other: string) => void;
}

function changedText(v: VersionMeta, titles: ReadonlyMap<string, string>, first: boolean): string {
  if (first) return `First version · ${v.narrativeCount} narrative${v.narrativeCount === 1 ? '' : 's'}`;
  const names = v.changed.map((id) => `“${titles.get(id)?.trim() || 'a narrative removed since'}”`);
  const parts: string[] = [];
  if (names.length > 0)
    parts.push(`Changed ${names.slice(0, 3).join(', ')}${names.length > 3 ? ` and ${names.length - 3} more` : ''}`);
  if (v.removed.length > 0) parts.push(`removed ${v.removed.length}`);
  return parts.length > 0 ? parts.join('; ') : 'No narrative changed';
}

/** The list. */
export function VersionList({ versions, titles, selectedId, onCompare }: VersionListProps) {
  const newestFirst = versions.map((v, i) => ({ v, n: i + 1 })).reverse();
  return (
    <ol className="version-list" aria-label="Versions, newest first" data-testid="version-list">
      {newestFirst.map(({ v, n }) => {
        const previous = versions[n - 2];
        const kind = KIND_LABELS[v.kind];
        return (
          <li
            key={v.id}
            className={v.id === selectedId ? 'version-item is-selected' : 'version-item'}
            aria-current={v.id === selectedId}
            data-testid="version-item"
          >
            <div className="version-item-head">
              <span className="version-number">v{n}</span>
              <span className="version-name">{v.name}</span>
              {kind && <span className={`version-kind version-kind-${v.kind}`}>{kind}</span>}
            </div>
            <div className="version-meta">
              {v.author || 'Someone'} ·{' '}
              <time dateTime={new Date(v.createdAt).toISOString()}>{formatWhen(v.createdAt)}</time>
            </div>
            {v.note && <p className="version-note">{v.note}</p>}
            <p className="version-changed" data-testid="version-changed">
              {changedText(v, titles, n === 1)}
            </p>
            <div className="version-item-actions">
              <button type="button" className="button button-small" onClick={() => onCompare(v.id, 'now')}>
                Compare with now
              </button>
              {previous && (
                <button type="button" className="button button-small" onClick={() => onCompare(previous.id, v.id)}>
                  What changed in v{n}
                </button>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
