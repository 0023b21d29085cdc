/** A workspace: the sidebar of playbooks and the open playbook. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PlaybookMeta, PlaybookTemplate } from '@shared/domain/playbook';
import { mayDo } from '@shared/domain/permissions';
import { pushRecent } from '@shared/domain/settingsDefaults';
import { useCommand } from '../../commands';
import { LazyConfirmDialog } from '../../ui/LazyConfirmDialog';
import { profiled } from '../../ui/profiled';
import { useToasts } from '../../ui/Toasts';
import { PlaybookView } from '../playbook/PlaybookView';
import type { NeedsReviewScan } from '../governance';
import { useLinkSession } from '../sync';
import { useAppActions, useSettings, useWorkspace } from './AppContext';
import { NeedsReviewEntry } from './NeedsReviewEntry';
import { Sidebar } from './Sidebar';
import { useWorkspaceActions } from './useWorkspaceActions';
import { lazyPart, prefetchParts } from '../../ui/lazyPart';

/** How long after the workspace shows the rest of the app starts loading in the background. */
const PREFETCH_DELAY_MS = 1000;

/** Where no playbook shows (an empty workspace, none picked): loaded when it shows. */
const WorkspaceEmpty = lazyPart(() => import('./WorkspaceEmpty'), 'WorkspaceEmpty', {
  label: 'Opening…',
  shape: 'panel',
});

/** "New playbook" (template picker) loads the first time it opens. */
const NewPlaybookDialog = lazyPart(() => import('../workspace/NewPlaybookDialog'), 'NewPlaybookDialog', {
  label: 'Opening…',
  shape: 'dialog',
});

// Imported only when shown: the first screen of a returning user needs none of these features' code.
const MeetingsView = lazyPart(() => import('../meetings'), 'MeetingsView', {
  label: 'Opening joint reviews…',
  shape: 'panel',
});
const NeedsReviewView = lazyPart(() => import('../governance'), 'NeedsReviewView', {
  label: 'Opening Needs review…',
  shape: 'panel',
});
/** Scan, notices and search: mounted once the open playbook's text is shown (see WorkspaceExtras.tsx). */
const WorkspaceExtras = lazyPart(() => import('./WorkspaceExtras'), 'WorkspaceExtras', {
  label: 'Loading search…',
  shape: 'quiet',
});

/** With no playbook to show (or one that never shows its text), the extras come this long after the start. */
const EXTRAS_AT_LATEST_MS = 1000;

/**
 * Whether what follows the opening playbook's text may come — the workspace's extras, and the sidebar when a
 * playbook opens: once the playbook opened with the workspace has shown its text (`shown`, called by
 * PlaybookView), or right after the first paint when none opens with it.
 */
function useExtrasDue(opensPlaybook: boolean): { due: boolean; shown: () => void } {
  const [due, setDue] = useState(false);
  const shown = useCallback(() => setDue(true), []);
  const [waitMs] = useState(opensPlaybook ? EXTRAS_AT_LATEST_MS : 0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A task queued from requestAnimationFrame runs once that frame has been produced.
    const frame = requestAnimationFrame(() => (timer = setTimeout(shown, waitMs)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [shown, waitMs]);
  return { due, shown };
}

/** Props of WorkspaceView. */
export interface WorkspaceViewProps {
  onOpenSettings: () => void;
}

/** Same playbooks with the same shown fields, in the same order (`updatedAt` aside). */
function sameListing(a: PlaybookMeta[], b: PlaybookMeta[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i]!;
      return (
        p.id === q.id &&
        p.title === q.title &&
        p.template === q.template &&
        p.owner === q.owner &&
        p.createdAt === q.createdAt
      );
    })
  );
}

/** The main screen of an open workspace. */
export function WorkspaceView({ onOpenSettings }: WorkspaceViewProps) {
  const workspace = useWorkspace();
  const settings = useSettings('role', 'displayName');
  const { readSettings, updateSettings } = useAppActions();
  const toasts = useToasts();
  const { openSample } = useWorkspaceActions();
  // Listed at once, so the last playbook's editor mounts in the very first render rather than after an effect.
  const [playbooks, setPlaybooks] = useState<PlaybookMeta[]>(() => workspace.listPlaybooks());
  const [selectedId, setSelectedId] = useState<string | null>(
    () => readSettings().recentPlaybooks.find((r) => r.workspaceId === workspace.id)?.playbookId ?? null,
  );
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<PlaybookMeta | null>(null);
  const [showOutline, setShowOutline] = useState(true);
  const [meetingsOpen, setMeetingsOpen] = useState(false);
  const openMeetings = useCallback(() => setMeetingsOpen(true), []);
  const filterRef = useRef<HTMLInputElement>(null);
  const directoryLink = useLinkSession(workspace.directoryLink);
  const canEdit = mayDo('playbooks.manage', settings.role, directoryLink?.session);

  // A listing that differs only in "last edited" keeps the old array: typing touches it every few seconds,
  // nothing here shows it, and a new array would re-render the sidebar and the open playbook's chrome.
  useEffect(
    () =>
      workspace.observePlaybooks((next) => setPlaybooks((previous) => (sameListing(previous, next) ? previous : next))),
    [workspace],
  );
  // Once the workspace is up, the parts loaded on first use are fetched in idle moments (see lazyPart.tsx).
  useEffect(() => prefetchParts(PREFETCH_DELAY_MS), []);

  // The workspace's "Needs review" count, from WorkspaceExtras' scan.
  const [needsReviewOpen, setNeedsReviewOpen] = useState(false);
  const [scan, setScan] = useState<NeedsReviewScan | null>(null);
  const extras = useExtrasDue(selectedId !== null);
  // Here, not in the extras: Ctrl+P right after the workspace opens must open the palette (loading it).
  const [paletteQuery, setPaletteQuery] = useState<string | null>(null);
  useCommand('search:open', () => {
    setPaletteQuery('');
    extras.shown();
  });

  // Changes are written within milliseconds anyway; when the window is hidden or closed, write the last
  // batch right away rather than on the next tick that may never come.
  useEffect(() => {
    const handleHide = (): void => {
      if (document.visibilityState === 'hidden') void workspace.flushAll();
    };
    const handlePageHide = (): void => void workspace.flushAll();
    document.addEventListener('visibilitychange', handleHide);
    window.addEventListener('pagehide', handlePageHide);
    return () => {
      document.removeEventListener('visibilitychange', handleHide);
      window.removeEventListener('pagehide', handlePageHide);
    };
  }, [workspace]);

  const select = useCallback(
    (id: string) => {
      setSelectedId(id);
      setMeetingsOpen(false);
      // Nothing on screen reads the recent list: this write re-renders nothing.
      void updateSettings((s) => ({
        recentPlaybooks: pushRecent(s.recentPlaybooks, { workspaceId: workspace.id, playbookId: id }),
      }));
    },
    [updateSettings, workspace.id],
  );

  const create = async (input: { title: string; template: PlaybookTemplate }) => {
    setCreating(false);
    const meta = await workspace.createPlaybook({ ...input, owner: settings.displayName });
    select(meta.id);
  };

  useCommand('playbook:new', () => setCreating(true), canEdit);
  useCommand('view:toggle-outline', () => setShowOutline((s) => !s));
  useCommand('edit:find', () => filterRef.current?.focus());
  const selected = playbooks.find((p) => p.id === selectedId) ?? null;
  // The sidebar comes with the extras, right after the opening playbook's text is painted: its render and first
  // layout stood between a returning user and their text (~13 ms of the open bench, bench/openPlaybook.mjs).
  // Its column is there from the first frame, so nothing moves. With no playbook to open it renders at once.
  const [sidebarAtOnce] = useState(selected === null);
  const sidebarDue = sidebarAtOnce || extras.due;
  const sidebar = profiled(
    'sidebar',
    <Sidebar
      playbooks={playbooks}
      selectedId={meetingsOpen ? null : (selected?.id ?? null)}
      onSelect={(id) => {
        setNeedsReviewOpen(false);
        select(id);
      }}
      onNew={() => setCreating(true)}
      onRename={(id, title) => workspace.renamePlaybook(id, title)}
      onDuplicate={async (id) => {
        const copy = await workspace.duplicatePlaybook(id, settings.displayName);
        if (copy.ok) select(copy.value.id);
        else toasts.show({ kind: 'error', message: copy.error.message });
      }}
      onDelete={setDeleting}
      onOpenSettings={onOpenSettings}
      filterRef={filterRef}
      extra={
        <NeedsReviewEntry
          count={scan ? scan.items.length : null}
          active={needsReviewOpen}
          onOpen={() => {
            setMeetingsOpen(false);
            setNeedsReviewOpen(true);
          }}
        />
      }
      meetingsOpen={meetingsOpen}
      onOpenMeetings={() => {
        setNeedsReviewOpen(false);
        setMeetingsOpen(true);
      }}
    />,
  );

  return (
    <div className="workspace">
      {sidebarDue ? sidebar : <div className="sidebar" aria-hidden="true" />}
      <main className="workspace-main">
        {/* The screen's level-one heading: the visible title is an editable field, not a heading. */}
        <h1 className="visually-hidden">
          {meetingsOpen
            ? `Joint reviews — ${workspace.name}`
            : selected
              ? `${selected.title} — ${workspace.name}`
              : workspace.name}
        </h1>
        {meetingsOpen ? (
          <MeetingsView playbooks={playbooks} />
        ) : needsReviewOpen ? (
          <NeedsReviewView
            scan={scan}
            onOpen={(id) => {
              setNeedsReviewOpen(false);
              select(id);
            }}
          />
        ) : selected ? (
          <PlaybookView
            key={selected.id}
            meta={selected}
            showOutline={showOutline}
            onToggleOutline={() => setShowOutline((s) => !s)}
            onShown={extras.shown}
          />
        ) : (
          <WorkspaceEmpty
            empty={playbooks.length === 0}
            canEdit={canEdit}
            onNew={() => setCreating(true)}
            onOpenSample={() => void openSample()}
          />
        )}
      </main>
      {extras.due && (
        <WorkspaceExtras
          playbooks={playbooks}
          selectedId={selectedId}
          needsReviewOpen={needsReviewOpen}
          onScan={setScan}
          onOpenMeetings={openMeetings}
          onSelect={select}
          paletteQuery={paletteQuery}
          onClosePalette={() => setPaletteQuery(null)}
        />
      )}
      {creating && <NewPlaybookDialog onCreate={(i) => void create(i)} onCancel={() => setCreating(false)} />}
      {deleting !== null && (
        <LazyConfirmDialog
          open
          title="Delete playbook?"
          message={`“${deleting.title}” will be removed from this workspace for everyone. You can undo right after.`}
          confirmLabel="Delete playbook"
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const removed = workspace.deletePlaybook(deleting.id);
            setDeleting(null);
            if (removed) {
              if (removed.id === selectedId) setSelectedId(null);
              toasts.show({
                kind: 'info',
                message: `Deleted “${removed.title}”.`,
                action: { label: 'Undo', run: () => workspace.restorePlaybook(removed) },
              });
            }
          }}
        />
      )}
    </div>
  );
}
