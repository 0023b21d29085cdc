/**
 * Which narratives a new version adds or changes, and which it removes — what every saved version records.
 * Apart from compareVersions.ts so that saving a version does not load the `diff` library, which only the
 * history's side-by-side comparison needs.
 */
import { contentNarratives, type VersionContent } from './versionContent';

/** The narratives whose content differs (added or changed) and those removed, from `before` to `after`. */
export function changedNarratives(
  before: VersionContent | null,
  after: VersionContent,
): { changed: string[]; removed: string[] } {
  const old = new Map((before ? contentNarratives(before) : []).map((n) => [n.narrativeId, JSON.stringify(n)]));
  const next = contentNarratives(after);
  const changed = next.filter((n) => old.get(n.narrativeId) !== JSON.stringify(n)).map((n) => n.narrativeId);
  const now = new Set(next.map((n) => n.narrativeId));
  const removed = [...old.keys()].filter((id) => !now.has(id));
  return { changed, removed };
}
