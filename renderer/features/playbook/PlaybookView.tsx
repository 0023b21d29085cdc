/**
 * One open playbook: loads its document, shows the editor — or, if its stored data cannot be read, says so
 * and offers to set the bytes aside (never overwriting them) and start the playbook over.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { scoreNarratives } from '@shared/stats/narrativeReview';
import { attributeUse, dealsForVersionsInForce, narrativeVersions } from '@shared/versions/attribution';
import { CrmStatusLine } from '../crm';
import { ReviewGoals } from '../meetings';
import { DealFormHost, ReviewHost, usePlaybookNotes } from '../notes';
import type { PlaybookMeta } from '@shared/domain/playbook';
import type { DealEntry } from '@shared/domain/deal';
import type { AppError } from '@shared/result';
import { PlaybookEditor } from '../../editor/PlaybookEditor';
import { measurePhase } from '../../platform/measurePhase';
import { EmptyState } from '../../ui/EmptyState';
import { useSettings, useWorkspace } from '../shell/AppContext';
import type { PlaybookSession } from '../workspace/PlaybookSession';
import { PlaybookTitleBar } from './PlaybookTitleBar';
import { useLinkSession } from '../sync';
import { colorForName } from './userColor';
import {
  HistoryToggle,
  localDay,
  usePlaybookVersions,
  VersionAutoSavePlugin,
  VersionHistory,
  VersionReview,
} from '../versions';
import { mayDo } from '@shared/domain/permissions';
import { ActivityPanel, GovernancePlugin, usePlaybookGovernance, WhatChangedBanner } from '../governance';
import { canEditDeal } from '@shared/collab/notes';
import { useCommand } from '../../commands';
import { onDealJump, SearchHighlightPlugin } from '../search';

type LoadState =
  { status: 'loading' } | { status: 'ready'; session: PlaybookSession } | { status: 'unreadable'; error: AppError };

/** Props of PlaybookView. */
export interface PlaybookViewProps {
  meta: PlaybookMeta;
  showOutline: boolean;
  onToggleOutline: () => void;
}

/** The editor of one playbook, with its title bar. */
export function PlaybookView({ meta, showOutline, onToggleOutline }: PlaybookViewProps) {
  const workspace = useWorkspace();
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    const started = performance.now();
    void workspace.openPlaybook(meta.id).then((result) => {
      if (cancelled) return;
      measurePhase('open:playbook', started);
      setState(result.ok ? { status: 'ready', session: result.value } : { status: 'unreadable', error: result.error });
    });
    return () => {
      cancelled = true;
      void workspace.closePlaybook(meta.id);
    };
  }, [workspace, meta.id, attempt]);

  if (state.status === 'unreadable') {
    return (
      <EmptyState
        title={`“${meta.title}” could not be read`}
        testId="playbook-unreadable"
        actions={
          <button
            type="button"
            className="button button-primary"
            onClick={async () => {
              await workspace.setAsidePlaybook(meta.id, state.error);
              setAttempt((a) => a + 1);
            }}
          >
            Keep the damaged data aside and start this playbook over
          </button>
        }
      >
        <p>{state.error.message}</p>
        <p>
          Nothing has been changed or deleted. If you start over, the unreadable data is kept aside on this device (it
          is never overwritten) and can be recovered by support.
        </p>
      </EmptyState>
    );
  }
  if (state.status === 'loading')
    return (
      <div className="loading" aria-busy="true">
        Opening {meta.title}…
      </div>
    );

  return (
    <ReadyPlaybook
      meta={meta}
      session={state.session}
      showOutline={showOutline}
      onToggleOutline={onToggleOutline}
      onUnreadable={() =>
        setState({
          status: 'unreadable',
          error: { code: 'corrupt', message: 'Its saved data on this device is damaged and cannot be read.' },
        })
      }
    />
  );
}

/**
 * Marks the playbook as edited (for "last edited") at most every few seconds while this user types. Only
 * this user's own edits count — not content loaded from disk or arriving from the server — and a reader
 * never writes the directory (the server would refuse it).
 */
function useTouchOnEdit(session: PlaybookSession, playbookId: string, editable: boolean): void {
  const workspace = useWorkspace();
  useEffect(() => {
    if (!editable) return;
    let last = 0;
    const handleUpdate = (_u: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction): void => {
      if (!transaction.local) return; // applied from storage, a file or the server: not an edit made here
      const now = Date.now();
      if (now - last > 5000) {
        last = now;
        workspace.touch(playbookId);
      }
    };
    session.doc.on('update', handleUpdate);
    return () => session.doc.off('update', handleUpdate);
  }, [session, workspace, playbookId, editable]);
}

function ReadyPlaybook({
  meta,
  session,
  showOutline,
  onToggleOutline,
  onUnreadable,
}: PlaybookViewProps & { session: PlaybookSession } & { onUnreadable: () => void }) {
  const settings = useSettings('role', 'displayName');
  const workspace = useWorkspace();
  const link = useLinkSession(session.link);
  useEffect(() => session.onLoadError(onUnreadable), [session, onUnreadable]);
  // The server decides what a connection may write; locally the role setting decides until it has spoken.
  const editable = mayDo('playbook.edit', settings.role, link?.session);
  useTouchOnEdit(session, meta.id, editable);
  const userName = settings.displayName || 'You';
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
  const narrativeExtra = useCallback(
    (narrativeId: string, deals: readonly DealEntry[]) => (
      <VersionReview narrativeId={narrativeId} deals={deals} versions={versionList} />
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
      <ReviewGoals playbookId={session.playbookId} deals={notes.deals} narratives={notes.narratives} />
      <ReviewHost
        notes={notes}
        versionMarkers={versionMarkers}
        narrativeExtra={narrativeExtra}
        dealVersion={dealVersion}
      />
    </div>
  ) : undefined;
  return (
    <>
      {!editable && (
        <div className="read-only-banner" role="note" data-testid="read-only">
          Read-only: as {link?.session?.role ?? settings.role} you can read this playbook but not change it.
        </div>
      )}
      <PlaybookEditor
        docName={session.docName}
        doc={session.doc}
        provider={session.provider}
        editable={editable}
        showOutline={showOutline}
        userName={userName}
        userColor={colorForName(userName)}
        onLogDeal={notes.logDealFrom}
        annotations={notes.anchored.annotations}
        overlay={overlay}
        governance={governance.store}
        plugins={
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
          </>
        }
        header={
          <>
            <PlaybookTitleBar
              meta={meta}
              session={session}
              showOutline={showOutline}
              onToggleOutline={onToggleOutline}
              reviewOpen={notes.reviewOpen && !historyOpen}
              onToggleReview={() => {
                if (historyOpen) closeHistory();
                setActivityOpen(false);
                if (!historyOpen || !notes.reviewOpen) notes.toggleReview();
              }}
              evidence={evidence}
              caution={caution}
              extraActions={
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
              }
            />
            {!editable && (
              <WhatChangedBanner
                workspaceId={workspace.id}
                playbookId={meta.id}
                store={governance.store}
                versions={versionList}
                synced={governance.recordsSynced && (!session.link || link?.status === 'live')}
                onShowDiff={showDiff}
              />
            )}
          </>
        }
      />
      <DealFormHost notes={notes} />
    </>
  );
}
