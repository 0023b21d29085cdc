/**
 * The governance side of an open playbook: opens its approvals document beside it, keeps the store fed with
 * the records (decisions, workflow records), the review's "needs attention" verdicts from the deal log, and
 * this person's rights (the server's word once it has spoken, the role until then), and sends a desktop
 * notification when a storyteller decides on a narrative this person owns (if they turned that on).
 */
import { useEffect, useState } from 'react';
import { scheduleTask } from '../../platform/nextTask';
import type * as Y from 'yjs';
import { observeApprovals, readDecisions, type ApprovalDecision } from '@shared/collab/approvals';
import { observeWorkflow, readWorkflow } from '@shared/collab/reviewRequests';
import type { DealFacts } from '@shared/domain/deal';
import { mayDo } from '@shared/domain/permissions';
import { useSettings, useWorkspace } from '../shell/AppContext';
import { useWorkspaceRole } from '../shell/useWorkspaceRole';
import { useLinkSession } from '../sync';
import { attentionOf, WARM_ABOVE } from '../review';
import { localDay, type PlaybookVersionsState } from '../versions';
import type { ApprovalsSession } from './ApprovalsSession';
import { GovernanceStore } from './GovernanceStore';
import { notifyDecision } from './notifyDecision';

/** What the playbook view needs of governance. */
export interface PlaybookGovernance {
  store: GovernanceStore;
  approvals: Y.Doc | null;
  /** True once both the approvals and the versions (workflow) documents have been heard from. */
  recordsSynced: boolean;
  today: string;
}

/** Opens and feeds the governance of `playbookId`. */
export function usePlaybookGovernance(
  playbookId: string,
  versions: PlaybookVersionsState,
  deals: readonly DealFacts[],
): PlaybookGovernance {
  const workspace = useWorkspace();
  const settings = useSettings('notifyDecisions', 'displayName');
  const role = useWorkspaceRole();
  const [session, setSession] = useState<ApprovalsSession | null>(null);
  const [today, setToday] = useState(() => localDay(Date.now()));
  const [store] = useState(() => new GovernanceStore(() => localDay(Date.now())));
  const link = useLinkSession(session?.link ?? null);

  useEffect(() => {
    let cancelled = false;
    void workspace.openApprovals(playbookId).then((result) => {
      if (!result.ok) return console.error('[governance] cannot open approvals', result.error.message);
      if (!cancelled) setSession(result.value);
    });
    return () => {
      cancelled = true;
      setSession(null);
      void workspace.closeApprovals(playbookId);
    };
  }, [workspace, playbookId]);

  const approvals = session?.doc ?? null;
  const workflow = versions.library?.doc ?? null;
  useEffect(() => {
    const read = (): void =>
      store.setRecords(approvals ? readDecisions(approvals) : [], workflow ? readWorkflow(workflow) : []);
    read();
    const offDecisions = approvals ? observeApprovals(approvals, read) : undefined;
    const offWorkflow = workflow ? observeWorkflow(workflow, read) : undefined;
    return () => {
      offDecisions?.();
      offWorkflow?.();
    };
  }, [store, approvals, workflow]);

  // From the review's own tally of the log (one pass for both, ~10–35 ms at 20,000 deals), in a task of its
  // own rather than in the render that brought the new log — above the size the review, too, derives at once.
  useEffect(() => {
    const derive = (): void => store.setAttention(attentionOf(deals, today));
    if (deals.length <= WARM_ABOVE) return derive();
    return scheduleTask(derive);
  }, [store, deals, today]);

  useEffect(() => {
    const timer = setInterval(() => {
      setToday(localDay(Date.now()));
      store.refreshDay();
    }, 60_000);
    return () => clearInterval(timer);
  }, [store]);

  const canApprove = approvals !== null && mayDo('narratives.approve', role, link?.session);
  const canRequest = versions.canWrite;
  useEffect(() => store.setRights({ canApprove, canRequest }), [store, canApprove, canRequest]);

  // Decisions that arrive while the playbook is open, about a narrative this person owns.
  const notify = settings.notifyDecisions === true;
  useEffect(() => {
    if (!approvals || !notify) return;
    const known = new Set(readDecisions(approvals).map((d) => d.id));
    return observeApprovals(approvals, () => {
      const fresh: ApprovalDecision[] = readDecisions(approvals).filter((d) => !known.has(d.id));
      for (const d of fresh) known.add(d.id);
      for (const d of fresh) notifyDecision(d, store.getNarratives(), settings.displayName);
    });
  }, [approvals, notify, store, settings.displayName]);

  const recordsSynced = approvals !== null && (session?.link === null || link?.status === 'live');
  return { store, approvals, recordsSynced, today };
}
