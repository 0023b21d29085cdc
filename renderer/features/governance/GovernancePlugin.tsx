/**
 * Governance inside the editor: reads every narrative's content hash (on opening, and a moment after each
 * change — typing or a collaborator's update), feeds them to the store, carries out statuses picked in the
 * details dialog, and shows the approval dialog. Renders nothing else.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { DEFAULT_REVIEW_DAYS, readReviewDays, setReviewDays } from '@shared/collab/approvals';
import type { NarrativeStatus } from '@shared/domain/narrative';
import { addDays, eventsByNarrative } from '@shared/governance/narrativeGovernance';
import type { Result } from '@shared/result';
import { $getNodeByKey } from 'lexical';
import { $getEnclosingNarrative, $getNarrativeNodes } from '../../editor/narrativeOps';
import { useToasts } from '../../ui/Toasts';
import type { PlaybookVersionsState } from '../versions';
import type { ApprovalHandlers } from './ApprovalDialog';
import { lazyPart } from '../../ui/lazyPart';
import './governance.css';
import { decide, recordWorkflow, type GovernanceWriters } from './governanceActions';
import { $narrativeFacts } from './narrativeFacts';
import type { GovernanceStore } from './GovernanceStore';

/** The approval dialog loads the first time a narrative's status is opened. */
const ApprovalDialog = lazyPart(() => import('./ApprovalDialog'), 'ApprovalDialog', {
  label: 'Opening the approval…',
  shape: 'dialog',
});

/** Hashes are re-read this long after the last change: one read per pause in typing, not per key. */
const REHASH_DELAY_MS = 250;

/** Props of GovernancePlugin. */
export interface GovernancePluginProps {
  store: GovernanceStore;
  approvals: Y.Doc | null;
  versions: PlaybookVersionsState;
  author: string;
  canEditPlaybook: boolean;
  today: string;
  showDiff?: (versionId: string, narrativeId: string) => void;
}

const message = (result: Result<void>): string | null => (result.ok ? null : result.error.message);

/** Registers governance on the editor. */
export function GovernancePlugin(props: GovernancePluginProps) {
  const { store, approvals, versions, author, canEditPlaybook } = props;
  const [editor] = useLexicalComposerContext();
  const toasts = useToasts();

  useEffect(() => {
    // Facts by node key, hashed again only for the narratives an update touched: a pause in typing
    // re-hashes the one narrative being written, not all 200 (or a 5,000-paragraph playbook's whole text).
    let known = new Map<string, ReturnType<typeof $narrativeFacts>>();
    const touched = new Set<string>();
    const read = (): void => {
      const next = new Map<string, ReturnType<typeof $narrativeFacts>>();
      const facts = editor.getEditorState().read(() =>
        $getNarrativeNodes().map((node) => {
          const key = node.getKey();
          const fact = (!touched.has(key) && known.get(key)) || $narrativeFacts(node);
          next.set(key, fact);
          return fact;
        }),
      );
      known = next;
      touched.clear();
      store.setNarratives(facts);
    };
    read();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      editorState.read(() => {
        for (const key of [...dirtyElements.keys(), ...dirtyLeaves]) {
          const narrative = $getEnclosingNarrative($getNodeByKey(key));
          if (narrative) touched.add(narrative.getKey());
        }
      });
      clearTimeout(timer);
      timer = setTimeout(read, REHASH_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [editor, store]);

  const writers = useMemo<GovernanceWriters>(
    () => ({ editor, approvals, workflow: versions.library?.doc ?? null, versions, author, canEditPlaybook }),
    [editor, approvals, versions, author, canEditPlaybook],
  );

  const handlers = useMemo<Omit<ApprovalHandlers, 'showDiff'>>(() => {
    const id = (): string => store.getDialog() ?? '';
    return {
      approve: async (comment, reviewBy) => message(await decide(writers, id(), 'approve', { comment, reviewBy })),
      sendBack: async (comment) => message(await decide(writers, id(), 'send-back', { comment, reviewBy: '' })),
      request: async (note) => message(recordWorkflow(writers, id(), 'request', note)),
      retire: async (note) => message(recordWorkflow(writers, id(), 'retire', note)),
      reopen: async () => message(recordWorkflow(writers, id(), 'reopen', '')),
      setReviewDays: (days) => approvals && setReviewDays(approvals, days),
    };
  }, [store, writers, approvals]);

  // A status picked in the details dialog means the record it stands for.
  useEffect(() => {
    return store.handleStatusChoices((narrativeId: string, status: NarrativeStatus): boolean => {
      const rights = store.getRights();
      const state = store.get(narrativeId)?.state;
      const report = (pending: Promise<Result<void>> | Result<void>): void =>
        void Promise.resolve(pending).then((r) => {
          if (!r.ok) toasts.show({ kind: 'error', message: r.error.message });
        });
      if (status === 'approved') {
        if (!rights.canApprove) return false;
        const reviewBy = addDays(props.today, approvals ? readReviewDays(approvals) : DEFAULT_REVIEW_DAYS);
        report(decide(writers, narrativeId, 'approve', { comment: '', reviewBy }));
      } else if (!rights.canRequest) return false;
      else if (status === 'in-review') report(recordWorkflow(writers, narrativeId, 'request', ''));
      else if (status === 'retired') report(recordWorkflow(writers, narrativeId, 'retire', ''));
      else if (state === 'in-review' && rights.canApprove)
        report(decide(writers, narrativeId, 'send-back', { comment: 'Back to draft.', reviewBy: '' }));
      else report(recordWorkflow(writers, narrativeId, 'reopen', ''));
      return true;
    });
  }, [store, writers, approvals, toasts, props.today]);

  const open = useSyncExternalStore(store.subscribe, () => store.getDialog());
  const governance = open ? store.get(open) : undefined;
  if (!open || !governance) return null;
  const narrative = store.getNarratives().find((n) => n.id === open);
  return (
    <ApprovalDialog
      key={open}
      title={narrative?.title ?? ''}
      governance={governance}
      history={eventsByNarrative(store.getRecords()).get(open) ?? []}
      rights={store.getRights()}
      today={props.today}
      reviewDays={approvals ? readReviewDays(approvals) : DEFAULT_REVIEW_DAYS}
      handlers={{
        ...handlers,
        showDiff:
          props.showDiff &&
          ((versionId) => {
            store.openApproval(null);
            props.showDiff!(versionId, open);
          }),
      }}
      onClose={() => store.openApproval(null)}
    />
  );
}
