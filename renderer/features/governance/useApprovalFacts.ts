/**
 * What an `approval-age` goal reads of one playbook, kept live: the approval decisions (the approvals
 * document), the workflow records (retire, send back… in the versions document) and the narratives with
 * the hash of their words, read headlessly from the playbook as stored on this device — so a goal on the
 * joint reviews page knows which narratives are in Approved without the playbook being open.
 */
import { useEffect, useMemo, useState } from 'react';
import * as Y from 'yjs';
import { observeApprovals, readDecisions, type ApprovalDecision } from '@shared/collab/approvals';
import { playbookDocName } from '@shared/collab/docNames';
import { observeWorkflow, readWorkflow, type WorkflowRecord } from '@shared/collab/reviewRequests';
import type { ApprovalFacts } from '@shared/stats/approvalAgeGoal';
import { readPlaybookDoc } from '../../editor/headless';
import { $getNarrativeNodes } from '../../editor/narrativeOps';
import { useWorkspace } from '../shell/AppContext';
import { localDay } from '../versions';
import { $narrativeFacts } from './governanceActions';

type Narratives = ApprovalFacts['narratives'];

/** The approval facts of `playbookId` while mounted; null while `playbookId` is null or not read yet. */
export function useApprovalFacts(playbookId: string | null): ApprovalFacts | null {
  const workspace = useWorkspace();
  const [decisions, setDecisions] = useState<readonly ApprovalDecision[] | null>(null);
  const [workflow, setWorkflow] = useState<readonly WorkflowRecord[]>([]);
  const [narratives, setNarratives] = useState<Narratives | null>(null);

  useEffect(() => {
    if (!playbookId) return;
    let cancelled = false;
    let dispose: (() => void) | undefined;
    void workspace.openApprovals(playbookId).then((result) => {
      if (!result.ok) return console.error('[governance] cannot open approvals', result.error.message);
      if (cancelled) return;
      const doc = result.value.doc;
      setDecisions(readDecisions(doc));
      dispose = observeApprovals(doc, () => setDecisions(readDecisions(doc)));
    });
    return () => {
      cancelled = true;
      dispose?.();
      setDecisions(null);
      void workspace.closeApprovals(playbookId);
    };
  }, [workspace, playbookId]);

  useEffect(() => {
    if (!playbookId) return;
    let cancelled = false;
    let dispose: (() => void) | undefined;
    void workspace.openVersions(playbookId).then((result) => {
      if (!result.ok) return console.error('[governance] cannot open the workflow records', result.error.message);
      if (cancelled) return;
      setWorkflow(readWorkflow(result.value.doc));
      dispose = observeWorkflow(result.value.doc, setWorkflow);
    });
    return () => {
      cancelled = true;
      dispose?.();
      setWorkflow([]);
      void workspace.closeVersions(playbookId);
    };
  }, [workspace, playbookId]);

  // Read again whenever a decision arrives: an approval usually follows an edit of the words it approves.
  useEffect(() => {
    if (!playbookId || decisions === null) return;
    let cancelled = false;
    void workspace.store.load(playbookDocName(workspace.id, playbookId)).then((loaded) => {
      if (cancelled) return;
      if (!loaded.ok) return console.error('[governance] cannot read the playbook', loaded.error.message);
      const doc = new Y.Doc();
      if (loaded.value.update) Y.applyUpdate(doc, loaded.value.update);
      setNarratives(readPlaybookDoc(doc, () => $getNarrativeNodes().map($narrativeFacts)));
      doc.destroy();
    });
    return () => {
      cancelled = true;
    };
  }, [workspace, playbookId, decisions]);

  return useMemo(
    () =>
      !playbookId || decisions === null || narratives === null
        ? null
        : { narratives, decisions, workflow, dayOf: localDay },
    [playbookId, decisions, narratives, workflow],
  );
}
