/**
 * Where "what you saw last time" is kept: one snapshot per workspace and playbook on this device
 * (localStorage via `localMemory`), validated when read — a damaged or hand-edited entry counts as no visit.
 */
import { seenSnapshotSchema, type SeenSnapshot } from '@shared/governance/sinceLastSeen';
import { localMemory } from '../../platform/localMemory';

const key = (workspaceId: string, playbookId: string): string => `duet.seen.${workspaceId}.${playbookId}`;

/** The snapshot of the last "mark as seen" (or first visit), or null. */
export function readSeen(workspaceId: string, playbookId: string): SeenSnapshot | null {
  const raw = localMemory.get(key(workspaceId, playbookId));
  if (raw === null) return null;
  try {
    const parsed = seenSnapshotSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // not JSON: treated as never seen, and replaced at the next "mark as seen"
  }
}

/** Remembers `snapshot` as what this person has seen. */
export function writeSeen(workspaceId: string, playbookId: string, snapshot: SeenSnapshot): void {
  localMemory.set(key(workspaceId, playbookId), JSON.stringify(snapshot));
}
