/**
 * Everything of an open playbook besides its text: the notes (deal log, anchored notes, review), the
 * versions (history, automatic versions) and governance (approvals, activity, what changed). Loaded and
 * mounted once the text is on screen (PlaybookView.tsx), so neither its code nor the opening of three more
 * documents delays the editor. Rendered inside the editor (its plugins need the editor); what it shows
 * elsewhere — the overlay, the title bar's toggles, the dialogs — it hands up through `onParts`.
 */
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { scoreNarratives } from '@shared/stats/narrativeReview';
import { attributeUse, dealsForVersionsInForce, narrativeVersions } from '@shared/versions/attribution';
import { canEditDeal } from '@shared/collab/notes';
import type { PlaybookMeta } from '@shared/domain/playbook';
import type { DealEntry } from '@shared/domain/deal';
import { AnchoredNotesPlugin } from '../../editor/plugins/AnchoredNotesPlugin';
import { useCommand } from '../../commands';
import { CrmStatusLine } from '../crm';
import { ReviewGoals } from '../meetings';
import { dealLogNote, DealFormHost, ReviewHost, usePlaybookNotes } from '../notes';
import { onDealJump, SearchHighlightPlugin } from '../search';
import { useWorkspace } from '../shell/AppContext';
import type { PlaybookSession } from '../workspace/PlaybookSession';
import {
  HistoryToggle,
  localDay,
  usePlaybookVersions,
  VersionAutoSavePlugin,
  VersionHistory,
  VersionReview,
  useWarmVersionReviews,
} from '../versions';
import { dealsOf } from '../review';
import { ActivityPanel, GovernancePlugin, usePlaybookGovernance, WhatChangedBanner } from '../governance';
import type { PlaybookParts } from './playbookParts';

/** Props of PlaybookFeatures. */
export interface PlaybookFeaturesProps {
  meta: PlaybookMeta;
  session: PlaybookSession;
  editable: boolean;
  userName: string;
  /** True when the playbook is not linked to a server, or its link is live (what changed waits for it). */
  linkLive: boolean;
  /** Receives the features' parts after every render of theirs; keep it stable. */
  onParts: (parts: PlaybookParts) => void;
}

/** The notes, versions and governance of the open playbook. */
export const PlaybookFeatures = memo(function PlaybookFeatures({
  meta,
  session,
  editable,
  userName,
  linkLive,
  onParts,
}: PlaybookFeaturesProps) {
  const workspace = useWorkspace();
  const versions = usePlaybookVersions(session.playbookId);
  const { library, versions: versionList } = versions;
  const stampDeal = useMemo(() => (library ? library.stampDeal.bind(library) : undefined), [library]);
  const notes = usePlaybookNotes(session, userName, stampDeal);
  const [historyOpen, setHistoryOpen] = useState(false);
  // A diff link (approval dialog, "what changed") opens the history comparing that version with now.
  const [historyFocus, setHistoryFocus] = useState<{ from: string; narrativeId: string } | null>(null);
  const closeHistory = useCallback(() => {
    setHistoryOpen(false);
    setHistoryFocus(null);
  }, []);
  const [activityOpen, setActivityOpen] = useState(false);
  const governance = usePlaybookGovernance(session.playbookId, versions, notes.deals);
  const showDiff = useCallback(
    (from: string, narrativeId: string) => {
      if (notes.reviewOpen) notes.toggleReview();
      setActivityOpen(false);
      setHistoryFocus({ from, narrativeId });
      setHistoryOpen(true);
    },
    [notes],
  );
  const caution = useCallback((narrativeId: string) => governance.store.caution(narrativeId), [governance.store]);
  useCommand('review:open', () => {
    setHistoryOpen(false);
    if (!notes.reviewOpen) notes.toggleReview();
  });
  // A deal chosen in the search palette: its author gets the deal form, anyone else the review.
  const { deals, canWrite: canWriteNotes, actor, reviewOpen, toggleReview, openForm } = notes;
  useEffect(
    () =>
      onDealJump(meta.id, (dealId) => {
        const deal = deals.find((d) => d.id === dealId);
        if (!deal) return false; // the deal log is still being read: try again when it is
        if (canWriteNotes && canEditDeal(deal, actor)) openForm(deal.narratives[0]?.narrativeId ?? null, deal);
        else if (!reviewOpen) toggleReview();
        return true;
      }),
    [meta.id, deals, canWriteNotes, actor, reviewOpen, toggleReview, openForm],
  );
  // Decks show a narrative's win record from the same deal log the review reads (only when the sample is
  // large enough; the deck layout decides that) — counting only deals that used the version being exported.
  // Scored when a deck first asks, not per change of the log: an import publishes the log every few seconds.
  const evidence = useMemo(() => {
    let scores: ReturnType<typeof scoreNarratives> | null = null;
    return (narrativeId: string) =>
      (scores ??= scoreNarratives(dealsForVersionsInForce(notes.deals, versionList, Infinity))).get(narrativeId) ??
      null;
  }, [notes.deals, versionList]);
  const versionMarkers = useCallback(
    (narrativeId: string) =>
      narrativeVersions(versionList, narrativeId).map((e) => ({
        date: localDay(e.version.createdAt),
        label: `v${e.number}`,
      })),
    [versionList],
  );
  // Each deal card says which version it counted for, so a rewrite's split of the win rate can be checked.
  const dealVersion = useCallback(
    (deal: DealEntry, narrativeId: string) => {
      const use = deal.narratives.find((u) => u.narrativeId === narrativeId);
      const { entry, basis } = use ? attributeUse(versionList, use, deal.closeDate) : { entry: null, basis: null };
      if (!entry) return null;
      const why = basis === 'logged' ? 'logged with it' : 'in force on the close date';
      return { label: `v${entry.number}`, reason: `Counted for version ${entry.number}: ${why}` };
    },
    [versionList],
  );
  const narrativeIds = useMemo(() => notes.narratives.map((n) => n.id), [notes.narratives]);
  useWarmVersionReviews({
    enabled: !notes.reviewOpen && notes.dealLog.complete,
    narrativeIds,
    deals: notes.deals,
    dealsOf,
    versions: versionList,
  });
  const narrativeExtra = useCallback(
    (narrativeId: string, deals: readonly DealEntry[], filtering: boolean) => (
      <VersionReview narrativeId={narrativeId} deals={deals} versions={versionList} filtersIgnored={filtering} />
    ),
    [versionList],
  );
  const overlay = historyOpen ? (
    <VersionHistory
      key={historyFocus ? `${historyFocus.from}:${historyFocus.narrativeId}` : 'history'}
      versions={versions}
      author={userName}
      editable={editable}
      onClose={closeHistory}
      initialFrom={historyFocus?.from}
      focusNarrativeId={historyFocus?.narrativeId}
    />
  ) : activityOpen ? (
    <ActivityPanel store={governance.store} versions={versionList} onClose={() => setActivityOpen(false)} />
  ) : notes.reviewOpen ? (
    <div className="review-with-goals">
      <CrmStatusLine playbookId={session.playbookId} />
      <ReviewGoals
        playbookId={session.playbookId}
        deals={notes.deals}
        dealsNote={dealLogNote(notes.notes !== null, notes.dealLog.complete, notes.teamCopy)}
        narratives={notes.narratives}
      />
      <ReviewHost
        notes={notes}
        versionMarkers={versionMarkers}
        narrativeExtra={narrativeExtra}
        dealVersion={dealVersion}
      />
    </div>
  ) : undefined;
  const extraActions = (
    <>
      <HistoryToggle
        open={historyOpen}
        count={versionList.length}
        onToggle={() => {
          if (!historyOpen && notes.reviewOpen) notes.toggleReview();
          setActivityOpen(false);
          if (historyOpen) closeHistory();
          else setHistoryOpen(true);
        }}
      />
      <button
        type="button"
        className={activityOpen ? 'button button-small is-active' : 'button button-small'}
        aria-pressed={activityOpen}
        data-testid="activity-toggle"
        onClick={() => {
          if (notes.reviewOpen) notes.toggleReview();
          closeHistory();
          setActivityOpen((open) => !open);
        }}
      >
        Activity
      </button>
    </>
  );
  const parts: PlaybookParts = {
    ready: true,
    overlay,
    onLogDeal: notes.logDealFrom,
    governance: governance.store,
    reviewOpen: notes.reviewOpen && !historyOpen,
    onToggleReview: () => {
      if (historyOpen) closeHistory();
      setActivityOpen(false);
      if (!historyOpen || !notes.reviewOpen) notes.toggleReview();
    },
    evidence,
    caution,
    extraActions,
    banner: !editable && (
      <WhatChangedBanner
        workspaceId={workspace.id}
        playbookId={meta.id}
        store={governance.store}
        versions={versionList}
        synced={governance.recordsSynced && linkLive}
        onShowDiff={showDiff}
      />
    ),
    dialogs: <DealFormHost notes={notes} />,
  };
  // Before paint, so a toggle and the panel it opens show in the same frame.
  useLayoutEffect(() => onParts(parts));

  return (
    <>
      {library && versions.canWrite && editable && <VersionAutoSavePlugin library={library} author={userName} />}
      <GovernancePlugin
        store={governance.store}
        approvals={governance.approvals}
        versions={versions}
        author={userName}
        canEditPlaybook={editable}
        today={governance.today}
        showDiff={showDiff}
      />
      <SearchHighlightPlugin playbookId={meta.id} />
      {/* Notes anchored to the words: highlighted, and (for note writers) an "Add note" on a selection. */}
      <AnchoredNotesPlugin {...notes.anchored.annotations} />
    </>
  );
});
