/**
 * Gives content written with statuses (the sample workspace) the records those statuses stand for, since
 * the badge reads records, not the field: an approval (by the playbook's owner, with the content's hash and a
 * review-by date) per approved narrative, a review request per narrative in review, a retirement per retired
 * one. Written straight to this device's store before anything opens the documents.
 */
import * as Y from 'yjs';
import { addDecision, DEFAULT_REVIEW_DAYS } from '@shared/collab/approvals';
import { approvalsDocName, playbookDocName, versionsDocName } from '@shared/collab/docNames';
import { addWorkflowRecord } from '@shared/collab/reviewRequests';
import { newId } from '@shared/domain/ids';
import { addDays } from '@shared/governance/narrativeGovernance';
import { readPlaybookDoc } from '../../editor/headless';
import { $getNarrativeNodes, $readNarrative } from '../../editor/narrativeOps';
import type { DocStore } from '../../platform/DocStore';
import { localDay } from '../versions';
import { $narrativeFacts } from './narrativeFacts';

/** Records the statuses of a stored playbook's narratives as approvals, requests and retirements. */
export async function seedGovernance(
  store: DocStore,
  workspaceId: string,
  playbookId: string,
  by: string,
  now: number = Date.now(),
): Promise<void> {
  const loaded = await store.load(playbookDocName(workspaceId, playbookId));
  if (!loaded.ok || !loaded.value.update) return;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, loaded.value.update);
  const narratives = readPlaybookDoc(doc, () =>
    $getNarrativeNodes().map((node) => ({ ...$narrativeFacts(node), status: $readNarrative(node).status })),
  );
  doc.destroy();
  const approvals = new Y.Doc();
  const workflow = new Y.Doc();
  const reviewBy = addDays(localDay(now), DEFAULT_REVIEW_DAYS);
  for (const n of narratives) {
    const base = { narrativeId: n.id, title: n.title.slice(0, 300), by, at: now };
    if (n.status === 'approved')
      addDecision(approvals, { ...base, id: newId('d'), kind: 'approve', hash: n.hash, comment: '', reviewBy });
    else if (n.status === 'in-review' || n.status === 'retired')
      addWorkflowRecord(workflow, {
        ...base,
        id: newId('w'),
        kind: n.status === 'retired' ? 'retire' : 'request',
        note: '',
      });
  }
  await store.append(approvalsDocName(workspaceId, playbookId), Y.encodeStateAsUpdate(approvals));
  await store.append(versionsDocName(workspaceId, playbookId), Y.encodeStateAsUpdate(workflow));
}
