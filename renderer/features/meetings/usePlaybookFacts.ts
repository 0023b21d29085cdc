/**
 * What goals and agendas are measured from, for one playbook: its deal log (the notes document, opened and
 * followed live), its narratives' titles and its saved versions. The narratives are read from the playbook
 * as stored on this device — a person who never opened the playbook sees "A narrative no longer in the
 * playbook" until they do; the deal figures never depend on it.
 */
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { playbookDocName } from '@shared/collab/docNames';
import { observeVersions, readVersions, type VersionMeta } from '@shared/collab/versions';
import type { DealEntry } from '@shared/domain/deal';
import type { NarrativeSummary } from '@shared/domain/narrative';
import type { FollowDoc } from '../../collab/useDocValue';
import { readPlaybookDoc } from '../../editor/headless';
import { $readNarratives } from '../../editor/narrativeOps';
import { dealLogNote, useTeamDealLog, type DealLogNote, type NotesSession } from '../notes';
import { useWorkspace } from '../shell/AppContext';
import { useVersionsValue } from '../versions';

/** The facts of a playbook the meetings read. */
export interface PlaybookFacts {
  /** Empty until the deal log's first read is done. */
  deals: readonly DealEntry[];
  /** What a figure drawn from `deals` must say instead of, or beside, itself (see dealLogNote). */
  dealsNote: DealLogNote;
  narratives: readonly NarrativeSummary[];
  versions: readonly VersionMeta[];
}

const NO_NARRATIVES: NarrativeSummary[] = [];
const NO_VERSIONS: VersionMeta[] = [];

const followVersions: FollowDoc<VersionMeta[]> = (doc, set) => {
  set(readVersions(doc));
  return observeVersions(doc, set);
};

/** Opens the notes and versions of `playbookId` (null: none) while mounted. */
export function usePlaybookFacts(playbookId: string | null): PlaybookFacts {
  const workspace = useWorkspace();
  const [notes, setNotes] = useState<NotesSession | null>(null);
  const [narratives, setNarratives] = useState<NarrativeSummary[]>(NO_NARRATIVES);
  const { dealLog, teamCopy } = useTeamDealLog(notes);

  useEffect(() => {
    if (!playbookId) return;
    let cancelled = false;
    let opened = false;
    void workspace.openNotes(playbookId).then((result) => {
      if (!result.ok) return console.error('[meetings] cannot open the deal log', result.error.message);
      opened = true;
      if (cancelled) void workspace.closeNotes(playbookId);
      else setNotes(result.value);
    });
    return () => {
      cancelled = true;
      setNotes(null);
      if (opened) void workspace.closeNotes(playbookId);
    };
  }, [workspace, playbookId]);

  const versions = useVersionsValue(playbookId, followVersions, NO_VERSIONS);

  useEffect(() => {
    if (!playbookId) return;
    let cancelled = false;
    void workspace.store.load(playbookDocName(workspace.id, playbookId)).then((loaded) => {
      if (cancelled || !loaded.ok || !loaded.value.update) return;
      const doc = new Y.Doc();
      Y.applyUpdate(doc, loaded.value.update);
      setNarratives(readPlaybookDoc(doc, $readNarratives));
      doc.destroy();
    });
    return () => {
      cancelled = true;
      setNarratives(NO_NARRATIVES);
    };
  }, [workspace, playbookId]);

  const dealsNote = dealLogNote(notes !== null, dealLog.complete, teamCopy);
  return { deals: dealLog.deals, dealsNote, narratives, versions };
}
