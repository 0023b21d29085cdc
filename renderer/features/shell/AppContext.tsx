/**
 * App-wide state: the user's settings, the device's document store and the open workspace. Components read
 * it with `useApp()`; everything that changes settings goes through `updateSettings`, which persists first
 * and only then updates the screen, so the UI never shows a setting that was not saved.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { readInviteClaims, toWebSocketUrl } from '@shared/collab/inviteToken';
import type { Settings, SettingsPatch, WorkspaceRef } from '@shared/domain/settings';
import { fail, ok, type AppError, type Result } from '@shared/result';
import { localMemory } from '../../platform/localMemory';
import { platform } from '../../platform/platform';
import type { DocStore } from '../../platform/DocStore';
import { Workspace, type SyncTarget } from '../workspace/Workspace';

/** The secret key under which a workspace's invite token is kept. */
function tokenKey(workspaceId: string): string {
  return `sync.${workspaceId}`;
}

/** The open workspace, or why it could not be opened. */
export type WorkspaceState =
  | { status: 'none' }
  | { status: 'loading'; ref: WorkspaceRef }
  | { status: 'open'; ref: WorkspaceRef; workspace: Workspace; syncProblem: string | null }
  | { status: 'unreadable'; ref: WorkspaceRef; error: AppError };

interface AppApi {
  settings: Settings;
  store: DocStore;
  workspace: WorkspaceState;
  updateSettings(patch: SettingsPatch): Promise<void>;
  /** Opens a workspace already known to this device. */
  openWorkspace(ref: WorkspaceRef): Promise<void>;
  /** Registers a workspace in settings (if new) and opens it. */
  addWorkspace(ref: WorkspaceRef): Promise<void>;
  /** Re-reads the open workspace from storage (after an import or a repair). */
  reloadWorkspace(): Promise<void>;
  /** Sets an unreadable directory aside and rebuilds it from the playbooks on this device. */
  repairDirectory(): Promise<void>;
  /** Joins a sync server with an invite token (into the matching local workspace, or a new one). */
  joinServer(input: { url: string; token: string; name: string }): Promise<Result<WorkspaceRef>>;
  /** Disconnects a workspace from its server; the local copy stays. */
  leaveServer(ref: WorkspaceRef): Promise<void>;
}

const AppContext = createContext<AppApi | null>(null);

/** Access to app state. */
export function useApp(): AppApi {
  const api = useContext(AppContext);
  if (api === null) throw new Error('[app] useApp outside AppProvider');
  return api;
}

/** The open workspace; throws when none is open (use inside the workspace view only). */
export function useWorkspace(): Workspace {
  const { workspace } = useApp();
  if (workspace.status !== 'open') throw new Error('[app] useWorkspace without an open workspace');
  return workspace.workspace;
}

/** Provides app state, starting from settings and a store loaded by the caller. */
export function AppProvider(props: { initialSettings: Settings; store: DocStore; children: ReactNode }) {
  const { store } = props;
  const [settings, setSettings] = useState(props.initialSettings);
  const [workspace, setWorkspace] = useState<WorkspaceState>({ status: 'none' });

  const updateSettings = useCallback(async (patch: SettingsPatch) => {
    const result = await platform.invoke('settings:update', patch);
    if (!result.ok) throw new Error(`[settings] ${result.error.message}`);
    setSettings(result.value);
  }, []);

  const load = useCallback(
    async (ref: WorkspaceRef, recover = false) => {
      setWorkspace((previous) => {
        if (previous.status === 'open') void previous.workspace.close();
        return { status: 'loading', ref };
      });
      let sync: SyncTarget | null = null;
      let syncProblem: string | null = null;
      if (ref.server) {
        const token = await platform.invoke('secrets:get', tokenKey(ref.id));
        if (token.ok && token.value) {
          sync = { serverUrl: toWebSocketUrl(ref.server.url), token: token.value, memory: localMemory };
        } else
          syncProblem = token.ok ? 'No invite token is saved for this server. Join it again.' : token.error.message;
      }
      const opened = await Workspace.open(store, ref, sync);
      if (opened.ok && recover) await opened.value.recoverPlaybooks();
      setWorkspace(
        opened.ok
          ? { status: 'open', ref, workspace: opened.value, syncProblem }
          : { status: 'unreadable', ref, error: opened.error },
      );
    },
    [store],
  );

  const openWorkspace = useCallback(
    async (ref: WorkspaceRef) => {
      await updateSettings({ activeWorkspaceId: ref.id });
      await load(ref);
    },
    [load, updateSettings],
  );

  const addWorkspace = useCallback(
    async (ref: WorkspaceRef) => {
      const known = settings.workspaces.some((w) => w.id === ref.id);
      await updateSettings({
        workspaces: known ? settings.workspaces : [...settings.workspaces, ref],
        activeWorkspaceId: ref.id,
      });
      await load(ref);
    },
    [load, settings.workspaces, updateSettings],
  );

  const repairDirectory = useCallback(async () => {
    if (workspace.status !== 'unreadable') return;
    await store.setAside(`${workspace.ref.id}/directory`, workspace.error.message);
    await load(workspace.ref, true);
  }, [load, store, workspace]);

  const joinServer = useCallback(
    async (input: { url: string; token: string; name: string }): Promise<Result<WorkspaceRef>> => {
      const claims = readInviteClaims(input.token);
      if (claims === null) return fail('invalid-input', 'That is not a Duet invite token. Ask for a new invite.');
      if (claims.expiresAt !== null && claims.expiresAt * 1000 < Date.now()) {
        return fail('invalid-input', 'This invite has expired. Ask for a new one.');
      }
      const existing = settings.workspaces.find((w) => w.id === claims.workspaceId);
      const ref: WorkspaceRef = {
        ...(existing ?? { id: claims.workspaceId, name: input.name.trim().slice(0, 120) || 'Team workspace' }),
        server: { url: input.url.trim() },
      };
      const saved = await platform.invoke('secrets:set', tokenKey(ref.id), input.token.trim());
      if (!saved.ok) return saved;
      const others = settings.workspaces.filter((w) => w.id !== ref.id);
      await updateSettings({ workspaces: [...others, ref], activeWorkspaceId: ref.id });
      await load(ref);
      return ok(ref);
    },
    [load, settings.workspaces, updateSettings],
  );

  const leaveServer = useCallback(
    async (ref: WorkspaceRef) => {
      const local: WorkspaceRef = { id: ref.id, name: ref.name, ...(ref.sample ? { sample: true } : {}) };
      await platform.invoke('secrets:set', tokenKey(ref.id), null);
      await updateSettings({ workspaces: settings.workspaces.map((w) => (w.id === ref.id ? local : w)) });
      await load(local);
    },
    [load, settings.workspaces, updateSettings],
  );

  const reloadWorkspace = useCallback(async () => {
    if (workspace.status === 'open' || workspace.status === 'unreadable') await load(workspace.ref);
  }, [load, workspace]);

  // Reopen the last workspace on start.
  useEffect(() => {
    const ref = props.initialSettings.workspaces.find((w) => w.id === props.initialSettings.activeWorkspaceId);
    if (ref) void load(ref);
    // Only on mount: later switches go through openWorkspace.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const api = useMemo<AppApi>(
    () => ({
      settings,
      store,
      workspace,
      updateSettings,
      openWorkspace,
      addWorkspace,
      reloadWorkspace,
      repairDirectory,
      joinServer,
      leaveServer,
    }),
    [
      settings,
      store,
      workspace,
      updateSettings,
      openWorkspace,
      addWorkspace,
      reloadWorkspace,
      repairDirectory,
      joinServer,
      leaveServer,
    ],
  );
  return <AppContext.Provider value={api}>{props.children}</AppContext.Provider>;
}
