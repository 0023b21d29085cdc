/**
 * What an `approval-age` goal reads of one playbook, kept live: the approval decisions (the approvals
 * document), the workflow records (retire, send back… in the versions document) and the narratives with
 * the hash of their words, read headlessly from the playbook as stored on this device — so a goal on the
 * joint reviews page knows which narratives are in Approved without the playbook being open.
 */
import { useEffect, useMemo, useState } from 'react';
import * as Y from 'yjs';
import { observeApprovals, readDecisions, type ApprovalDecision } from '@shared/collab/approvals';
import { approvalsDocName, playbookDocName } from '@shared/collab/docNames';
import { observeWorkflow, readWorkflow, type WorkflowRecord } from '@shared/collab/reviewRequests';
import type { ApprovalFacts } from '@shared/stats/approvalAgeGoal';
import { useDocValue, type FollowDoc } from '../../collab/useDocValue';
import { readPlaybookDoc } from '../../editor/headless';
import { $getNarrativeNodes } from '../../editor/narrativeOps';
import { useWorkspace } from '../shell/AppContext';
import { localDay, useVersionsValue } from '../versions';
import { $narrativeFacts } from './narrativeFacts';

type Narratives = ApprovalFacts['narratives'];

const followDecisions: FollowDoc<readonly ApprovalDecision[] | null> = (doc, set) => {
  set(readDecisions(doc));
  return observeApprovals(doc, () => set(readDecisions(doc)));
};

const followWorkflow: FollowDoc<readonly WorkflowRecord[]> = (doc, set) => {
  set(readWorkflow(doc));
  return observeWorkflow(doc, set);
};

const NO_WORKFLOW: readonly WorkflowRecord[] = [];

/** The approval facts of `playbookId` while mounted; null while `playbookId` is null or not read yet. */
export function useApprovalFacts(playbookId: string | null): ApprovalFacts | null {
  const workspace = useWorkspace();
  const [narratives, setNarratives] = useState<Narratives | null>(null);
  const approvals = useMemo(
    () =>
      playbookId
        ? {
            key: approvalsDocName(workspace.id, playbookId),
            open: () => workspace.openApprovals(playbookId),
            close: () => workspace.closeApprovals(playbookId),
          }
        : null,
    [workspace, playbookId],
  );
  const decisions = useDocValue(approvals, followDecisions, null);
  const workflow = useVersionsValue(playbookId, followWorkflow, NO_WORKFLOW);

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
