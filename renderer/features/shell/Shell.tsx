/**
 * The app frame: the welcome screen or the open workspace, plus what the menu can ask for anywhere —
 * export, import, keyboard shortcuts, about, and the settings (name, role, appearance) — and workspace
 * files arriving from outside (the OS, a drop), confirmed before they are imported.
 */
import { useEffect, useState } from 'react';
import { listenForPlaybookShortcuts, runCommand, useCommand } from '../../commands';
import { platform } from '../../platform/platform';
import { applyTheme } from '../../app/applyTheme';
import { canHost, HostDialog } from '../host';
import { profiled } from '../../ui/profiled';
import { useToasts } from '../../ui/Toasts';
import { applyImport, exportWorkspace, ImportConfirmDialog, importWorkspace, type ImportOutcome } from '../transfer';
import { useAppActions, useSettings, useWorkspaceState } from './AppContext';
import { lazyPart } from '../../ui/lazyPart';
import { useIncomingFiles } from './useIncomingFiles';

/**
 * The open workspace (sidebar, editor, everything Lexical): loaded apart from the welcome screen, which a
 * new user sees first and which needs none of it. App starts loading it as soon as the settings say a
 * workspace will open (preloadWorkspaceView), so a returning user does not wait for it.
 */
const WorkspaceView = lazyPart(() => import('./WorkspaceView'), 'WorkspaceView', {
  label: 'Opening the workspace…',
  shape: 'panel',
});

/** Starts loading the workspace screen's code (when a workspace is about to open). */
export const preloadWorkspaceView = (): Promise<unknown> => WorkspaceView.preload();

/** The welcome screen: a returning user never sees it, so it loads (early, see boot.ts) only for a new one. */
const Welcome = lazyPart(() => import('./Welcome'), 'Welcome', { label: 'Starting Duet…', shape: 'panel' });

/** Starts loading the welcome screen's code (when no workspace is about to open). */
export const preloadWelcome = (): Promise<unknown> => Welcome.preload();

/** A workspace that did not open (rare): its screen loads when it shows. */
const WorkspaceNotOpened = lazyPart(() => import('./WorkspaceNotOpened'), 'WorkspaceNotOpened', {
  label: 'Opening…',
  shape: 'panel',
});

// The menu's dialogs load the first time they open.
const ShortcutsDialog = lazyPart(() => import('./HelpDialogs'), 'ShortcutsDialog', {
  label: 'Opening the shortcuts…',
  shape: 'dialog',
});
const AboutDialog = lazyPart(() => import('./HelpDialogs'), 'AboutDialog', {
  label: 'Opening…',
  shape: 'dialog',
});
const ProfileDialog = lazyPart(() => import('./ProfileDialog'), 'ProfileDialog', {
  label: 'Opening the settings…',
  shape: 'dialog',
});

/** The whole window's content. */
export function Shell() {
  const { theme } = useSettings('theme');
  const workspace = useWorkspaceState();
  const app = useAppActions();
  const toasts = useToasts();
  const [dialog, setDialog] = useState<'shortcuts' | 'about' | 'profile' | 'host' | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => applyTheme(document.documentElement, theme), [theme]);

  const runExport = async () => {
    if (workspace.status !== 'open') {
      toasts.show({ kind: 'info', message: 'Open a workspace to export it.' });
      return;
    }
    setBusy('Exporting workspace…');
    const result = await exportWorkspace(workspace.workspace).finally(() => setBusy(null));
    if (!result.ok) toasts.show({ kind: 'error', message: result.error.message });
    else if (result.value)
      toasts.show({ kind: 'success', message: `Exported ${result.value.docs} documents to ${result.value.path}` });
  };

  const runImport = async () => {
    setBusy('Importing workspace…');
    const open = workspace.status === 'open' ? workspace.workspace : null;
    const result = await importWorkspace(app.store, open, app.readSettings().workspaces).finally(() => setBusy(null));
    if (!result.ok) {
      toasts.show({ kind: 'error', message: `Nothing was imported. ${result.error.message}` });
      return;
    }
    if (result.value !== null) await finishImport(result.value);
  };

  const finishImport = async ({ ref, docs, merged }: ImportOutcome) => {
    await app.addWorkspace(ref);
    toasts.show({
      kind: 'success',
      message: merged
        ? `Merged ${docs} documents into “${ref.name}”; nothing was overwritten.`
        : `Imported “${ref.name}” (${docs} documents).`,
    });
  };

  // The native menu (or, in a browser, the window's shortcuts) runs commands through the registry's handlers.
  useEffect(() => platform.onMenuCommand((command) => void runCommand(command)), []);
  useEffect(() => listenForPlaybookShortcuts(document), []);
  useCommand('workspace:export', () => void runExport());
  useCommand('workspace:import', () => void runImport());
  useCommand('help:shortcuts', () => setDialog('shortcuts'));
  useCommand('help:about', () => setDialog('about'));
  // Here rather than in the workspace menu: starting to host joins the workspace to its own server, which
  // reopens the workspace — the dialog must outlive that to show the addresses and take invites.
  useCommand('host:open', () => setDialog('host'), canHost());
  const incoming = useIncomingFiles();
  const confirmIncoming = async () => {
    const prepared = incoming.waiting;
    incoming.dismiss();
    if (prepared === null) return;
    setBusy('Importing workspace…');
    const open = workspace.status === 'open' ? workspace.workspace : null;
    const result = await applyImport(app.store, open, prepared).finally(() => setBusy(null));
    if (!result.ok) toasts.show({ kind: 'error', message: `Nothing was imported. ${result.error.message}` });
    else await finishImport(result.value);
  };

  return (
    <div className="app" aria-busy={busy !== null}>
      {workspace.status === 'open' ? (
        <WorkspaceView key={workspace.workspace.id} onOpenSettings={() => setDialog('profile')} />
      ) : workspace.status === 'unreadable' ? (
        <WorkspaceNotOpened
          workspace={workspace.ref}
          error={workspace.error}
          onRetry={() => void app.reloadWorkspace()}
          onRepair={() => void app.repairDirectory()}
        />
      ) : workspace.status === 'loading' ? (
        <div className="loading" aria-busy="true">
          Opening {workspace.ref.name}…
        </div>
      ) : (
        <Welcome />
      )}
      {profiled(
        'frame',
        <footer className="app-actions">
          <button type="button" className="link-button" onClick={() => void runImport()} data-testid="import-workspace">
            Import workspace…
          </button>
          {workspace.status === 'open' && (
            <button
              type="button"
              className="link-button"
              onClick={() => void runExport()}
              data-testid="export-workspace"
            >
              Export workspace…
            </button>
          )}
          <button type="button" className="link-button" onClick={() => setDialog('shortcuts')}>
            Shortcuts
          </button>
        </footer>,
      )}
      {busy && (
        <div className="progress-overlay" role="progressbar" aria-label={busy}>
          <div className="spinner" />
          {busy}
        </div>
      )}
      {incoming.dragging && (
        <div className="drop-hint" aria-hidden="true" data-testid="drop-hint">
          Drop a .duet file to import a workspace{' '}
          {workspace.status === 'open' ? '· a .csv file on the review to import deals' : ''}
        </div>
      )}
      {incoming.waiting && (
        <ImportConfirmDialog
          prepared={incoming.waiting}
          onConfirm={() => void confirmIncoming()}
          onCancel={incoming.dismiss}
        />
      )}
      {dialog === 'shortcuts' && <ShortcutsDialog onClose={() => setDialog(null)} />}
      {dialog === 'about' && <AboutDialog onClose={() => setDialog(null)} />}
      {dialog === 'profile' && <ProfileDialog onClose={() => setDialog(null)} />}
      {dialog === 'host' && <HostDialog onClose={() => setDialog(null)} />}
    </div>
  );
}
