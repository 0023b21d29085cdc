/**
 * One open playbook: loads its document, shows the editor — or, if its stored data cannot be read, says so
 * and offers to set the bytes aside (never overwriting them) and start the playbook over.
 */
import { useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import type { PlaybookMeta } from '@shared/domain/playbook';
import type { AppError } from '@shared/result';
import { mayDo } from '@shared/domain/permissions';
import { PlaybookEditor } from '../../editor/PlaybookEditor';
import { useContentShown } from '../../editor/plugins/useContentShown';
import { measurePhase } from '../../platform/measurePhase';
import { STORED_DAMAGED } from '../../platform/storedEntries';
import { lazyPart } from '../../ui/lazyPart';
import { useSettings, useWorkspace } from '../shell/AppContext';
import { useWorkspaceRole } from '../shell/useWorkspaceRole';
import { useLinkSession } from '../sync';
import type { PlaybookSession } from '../workspace/PlaybookSession';
import type { PlaybookFeaturesProps } from './PlaybookFeatures';
import { NO_PARTS, type PlaybookParts } from './playbookParts';
import { PlaybookTitleBar } from './PlaybookTitleBar';
import { useEarlyCommands } from './useEarlyCommands';
import { colorForName } from './userColor';

/** What a playbook whose stored data cannot be read says (rare): loaded when it shows. */
const PlaybookUnreadable = lazyPart(() => import('./PlaybookUnreadable'), 'PlaybookUnreadable', {
  label: 'Opening…',
  shape: 'panel',
});

type LoadState =
  { status: 'loading' } | { status: 'ready'; session: PlaybookSession } | { status: 'unreadable'; error: AppError };

/** Props of PlaybookView. */
export interface PlaybookViewProps {
  meta: PlaybookMeta;
  showOutline: boolean;
  onToggleOutline: () => void;
  /** Called once the playbook's text is on screen (then what waited for it may load); keep it stable. */
  onShown?: () => void;
}

/** The editor of one playbook, with its title bar. */
export function PlaybookView({ meta, showOutline, onToggleOutline, onShown }: PlaybookViewProps) {
  const workspace = useWorkspace();
  // Opened already when the workspace reopened with it (reopenLastWorkspace): the editor mounts at once.
  const [state, setState] = useState<LoadState>(() => {
    const session = workspace.openedPlaybook(meta.id);
    return session ? { status: 'ready', session } : { status: 'loading' };
  });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setState((current) => (current.status === 'ready' ? current : { status: 'loading' }));
    const started = performance.now();
    void workspace.openPlaybook(meta.id).then((result) => {
      if (cancelled) return;
      measurePhase('open:playbook', started);
      // The session shown already is kept as it is: a new state object would re-render the editor for nothing.
      setState((current) =>
        result.ok && current.status === 'ready' && current.session === result.value
          ? current
          : result.ok
            ? { status: 'ready', session: result.value }
            : { status: 'unreadable', error: result.error },
      );
    });
    return () => {
      cancelled = true;
      void workspace.closePlaybook(meta.id);
    };
  }, [workspace, meta.id, attempt]);

  if (state.status === 'unreadable') {
    return (
      <PlaybookUnreadable
        title={meta.title}
        error={state.error}
        onStartOver={async () => {
          await workspace.setAsidePlaybook(meta.id, state.error);
          setAttempt((a) => a + 1);
        }}
      />
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
      onShown={onShown}
      onUnreadable={() =>
        setState({
          status: 'unreadable',
          error: { code: 'corrupt', message: STORED_DAMAGED },
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

/**
 * The features (notes, versions, governance) load once the text is painted: neither their code nor the
 * three documents they open stand between a returning user and an editable playbook.
 */
const LazyFeatures = lazyPart(() => import('./PlaybookFeatures'), 'PlaybookFeatures', {
  label: 'Loading the playbook’s notes and versions…',
  shape: 'quiet',
});

/** Mounts the features once the editor's first content is on screen (rendered inside the editor). */
function DeferredFeatures({ onShown, ...props }: PlaybookFeaturesProps & { onShown?: () => void }) {
  const shown = useContentShown();
  useEffect(() => {
    if (shown) onShown?.();
  }, [shown, onShown]);
  return shown ? <LazyFeatures {...props} /> : null;
}

/** The title bar's history and activity toggles while the features load: in place, disabled. */
const PENDING_ACTIONS = (
  <>
    <button type="button" className="button button-small" disabled data-testid="history-toggle">
      History
    </button>
    <button type="button" className="button button-small" disabled data-testid="activity-toggle">
      Activity
    </button>
  </>
);

function ReadyPlaybook({
  meta,
  session,
  showOutline,
  onToggleOutline,
  onShown,
  onUnreadable,
}: PlaybookViewProps & { session: PlaybookSession } & { onUnreadable: () => void }) {
  const settings = useSettings('displayName');
  const role = useWorkspaceRole();
  const link = useLinkSession(session.link);
  useEffect(() => session.onLoadError(onUnreadable), [session, onUnreadable]);
  // The server decides what a connection may write; until this one has spoken, the workspace's role does.
  const editable = mayDo('playbook.edit', role, link?.session);
  useTouchOnEdit(session, meta.id, editable);
  const userName = settings.displayName || 'You';
  const linkLive = !session.link || link?.status === 'live';
  const [parts, setParts] = useState<PlaybookParts>(NO_PARTS);
  useEarlyCommands(parts, mayDo('notes.write', role, link?.session));
  // The same element while its inputs stay the same, so the features re-render only for their own changes.
  const features = useMemo(
    () => (
      <DeferredFeatures
        meta={meta}
        session={session}
        editable={editable}
        userName={userName}
        linkLive={linkLive}
        onParts={setParts}
        onShown={onShown}
      />
    ),
    [meta, session, editable, userName, linkLive, onShown],
  );
  return (
    <>
      {!editable && (
        <div className="read-only-banner" role="note" data-testid="read-only">
          Read-only: as {link?.session?.role ?? role} you can read this playbook but not change it.
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
        onLogDeal={parts.onLogDeal}
        overlay={parts.overlay}
        governance={parts.governance}
        plugins={features}
        header={
          <>
            <PlaybookTitleBar
              meta={meta}
              session={session}
              showOutline={showOutline}
              onToggleOutline={onToggleOutline}
              reviewOpen={parts.reviewOpen}
              onToggleReview={parts.onToggleReview ?? waitForFeatures}
              reviewDisabled={!parts.ready}
              evidence={parts.evidence}
              caution={parts.caution}
              extraActions={parts.extraActions ?? PENDING_ACTIONS}
            />
            {parts.banner}
          </>
        }
      />
      {parts.dialogs}
    </>
  );
}

/** The review toggle's action until the features are in (it shows disabled meanwhile). */
function waitForFeatures(): void {}
