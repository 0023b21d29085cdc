/**
 * Which version of a narrative a deal used. A deal logged since versions exist records it per narrative
 * (`NarrativeUse.versionId`, the version in force when it was logged); older deals and CSV imports have none
 * and are attributed by their close date to the version in force that day.
 */
import type { VersionMeta } from '../collab/versions';

/** A version in which a narrative's content changed, with its number among that narrative's versions. */
export interface NarrativeVersion {
  version: VersionMeta;
  /** 1 for the first version that held the narrative, 2 for the next one that changed it, … */
  number: number;
}

/** How a deal's use of a narrative was tied to a version. */
export type AttributionBasis = 'logged' | 'close-date';

/** The versions in which `narrativeId` changed, oldest first (`versions` must be oldest first). */
export function narrativeVersions(versions: readonly VersionMeta[], narrativeId: string): NarrativeVersion[] {
  const out: NarrativeVersion[] = [];
  for (const version of versions) {
    if (version.changed.includes(narrativeId)) out.push({ version, number: out.length + 1 });
  }
  return out;
}

/**
 * The version of a narrative in force at `at` (epoch ms): the latest version taken at or before then in
 * which that narrative's content last changed. Null when the narrative had no version yet.
 */
export function versionInForce(
  versions: readonly VersionMeta[],
  narrativeId: string,
  at: number,
): NarrativeVersion | null {
  let found: NarrativeVersion | null = null;
  for (const entry of narrativeVersions(versions, narrativeId)) {
    if (entry.version.createdAt <= at) found = entry;
  }
  return found;
}

/** The end of a yyyy-mm-dd day in UTC: a deal that closed that day used what was in force by its end. */
export function endOfDay(isoDate: string): number {
  return Date.parse(`${isoDate}T23:59:59.999Z`);
}

/**
 * The version a deal's use of a narrative counts for. A recorded version id wins when it is known (it is
 * mapped to the narrative's version in force at that version's time, so a stray id cannot invent a row);
 * otherwise the close date decides.
 */
export function attributeUse(
  versions: readonly VersionMeta[],
  use: { narrativeId: string; versionId?: string },
  closeDate: string,
): { entry: NarrativeVersion | null; basis: AttributionBasis } {
  const recorded = use.versionId === undefined ? undefined : versions.find((v) => v.id === use.versionId);
  if (recorded) return { entry: versionInForce(versions, use.narrativeId, recorded.createdAt), basis: 'logged' };
  return { entry: versionInForce(versions, use.narrativeId, endOfDay(closeDate)), basis: 'close-date' };
}

/**
 * `attributeUse` for many uses of one narrative: its versions are picked from `versions` once, and the
 * attribution by close date once per day (a year of deals closes on a few hundred days). The review per
 * version attributes every deal of the narrative; calling `attributeUse` for each walked every version per
 * deal and parsed every close date again.
 */
export function narrativeAttributor(
  versions: readonly VersionMeta[],
  narrativeId: string,
): (use: { versionId?: string }, closeDate: string) => { entry: NarrativeVersion | null; basis: AttributionBasis } {
  const own = narrativeVersions(versions, narrativeId);
  const byId = new Map<string, VersionMeta>();
  // The first version with an id wins, as `versions.find` does in attributeUse.
  for (const version of versions) if (!byId.has(version.id)) byId.set(version.id, version);
  const inForce = (at: number): NarrativeVersion | null => {
    let found: NarrativeVersion | null = null;
    for (const entry of own) if (entry.version.createdAt <= at) found = entry;
    return found;
  };
  const byDay = new Map<string, NarrativeVersion | null>();
  return (use, closeDate) => {
    const recorded = use.versionId === undefined ? undefined : byId.get(use.versionId);
    if (recorded) return { entry: inForce(recorded.createdAt), basis: 'logged' };
    let entry = byDay.get(closeDate);
    if (entry === undefined) byDay.set(closeDate, (entry = own.length === 0 ? null : inForce(endOfDay(closeDate))));
    return { entry, basis: 'close-date' };
  };
}

/**
 * The deals as they count for the words in force at `at`: each deal keeps only its uses of a narrative that
 * are attributed to that narrative's version in force then (a narrative with no version keeps all its
 * uses). Decks use this, so a slide's evidence line speaks for the version being exported.
 */
export function dealsForVersionsInForce<D extends { closeDate: string; narratives: readonly NarrativeUseRef[] }>(
  deals: readonly D[],
  versions: readonly VersionMeta[],
  at: number,
): D[] {
  if (versions.length === 0) return [...deals];
  const inForce = new Map<string, string | null>();
  const current = (id: string): string | null => {
    if (!inForce.has(id)) inForce.set(id, versionInForce(versions, id, at)?.version.id ?? null);
    return inForce.get(id)!;
  };
  return deals.map((deal) => ({
    ...deal,
    narratives: deal.narratives.filter((use) => {
      const now = current(use.narrativeId);
      return now === null || attributeUse(versions, use, deal.closeDate).entry?.version.id === now;
    }),
  }));
}

/** What attribution needs of a deal's use of a narrative. */
export interface NarrativeUseRef {
  narrativeId: string;
  versionId?: string;
}
