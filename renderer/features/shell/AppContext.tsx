/**
 * App-wide state in small stores: the user's settings (`SettingsStore`), the open workspace
 * (`WorkspaceStore`) and the device's document store. The context holds only these objects and the
 * actions, which never change, so providing it re-renders nothing; components subscribe to exactly what
 * they show (`useSettings('role')`, `useWorkspaceState()`), and typing or a playbook switch re-renders no
 * reader of anything else. Settings are persisted first and only then shown.
 */
import { createContext, useContext, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { readInviteClaims, toWebSocketUrl } from '@shared/collab/inviteToken';
import type { Settings, WorkspaceRef } from '@shared/domain/settings';
import { fail, ok, type Result } from '@shared/result';
import { localMemory } from '../../platform/localMemory';
import { platform } from '../../platform/platform';
import type { DocStore } from '../../platform/DocStore';
import type { Workspace } from '../workspace/Workspace';
import { SettingsStore, type SettingsChange } from './SettingsStore';
import { WorkspaceStore, type ResolveSync, type WorkspaceState } from './WorkspaceStore';

export type { WorkspaceState } from './WorkspaceStore';

/** The secret key under which a workspace's invite token is kept. */
function tokenKey(workspaceId: string): string {
  return `sync.${workspaceId}`;
}

/** What the app can do; every member is stable for the app's lifetime. */
export interface AppActions {
  /** The device's document store. */
  store: DocStore;
  /** The settings now, for an event handler (reading them this way subscribes to nothing). */
  readSettings(): Settings;
  /** Persists a change (a patch, or one computed from the settings as stored), then shows it. */
  updateSettings(change: SettingsChange): Promise<void>;
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

/** The app's stores and actions, made once per window by `createAppStores` and provided by AppProvider. */
export interface AppStores {
  settings: SettingsStore;
  workspace: WorkspaceStore;
  actions: AppActions;
}

const AppContext = createContext<AppStores | null>(null);

function useStores(): AppStores {
  const stores = useContext(AppContext);
  if (stores === null) throw new Error('[app] app state used outside AppProvider');
  return stores;
}

/** The app's actions (stable: using them never re-renders anything). */
export function useAppActions(): AppActions {
  return useStores().actions;
}

/**
 * The named settings fields, re-rendering only when one of them changes: `useSettings('role', 'displayName')`.
 * The object returned stays the same while those fields do.
 */
export function useSettings<K extends keyof Settings>(...keys: K[]): Pick<Settings, K> {
  const { settings } = useStores();
  const cache = useRef<Pick<Settings, K> | null>(null);
  const read = (): Pick<Settings, K> => {
    const now = settings.get();
    const last = cache.current;
    if (last !== null && keys.every((key) => Object.is(last[key], now[key]))) return last;
    const picked = {} as Pick<Settings, K>;
    for (const key of keys) picked[key] = now[key];
    cache.current = picked;
    return picked;
  };
  return useSyncExternalStore(settings.subscribe, read);
}

/** The open workspace's state (none, loading, open, unreadable). */
export function useWorkspaceState(): WorkspaceState {
  const { workspace } = useStores();
  return useSyncExternalStore(workspace.subscribe, workspace.get);
}

/** The open workspace; throws when none is open (use inside the workspace view only). */
export function useWorkspace(): Workspace {
  const state = useWorkspaceState();
  if (state.status !== 'open') throw new Error('[app] useWorkspace without an open workspace');
  return state.workspace;
}

/** Reads the invite token of a workspace joined to a server. */
const resolveSync: ResolveSync = async (ref) => {
  if (!ref.server) return { sync: null, problem: null };
  const token = await platform.invoke('secrets:get', tokenKey(ref.id));
  if (token.ok && token.value)
    return {
      sync: { serverUrl: toWebSocketUrl(ref.server.url), token: token.value, memory: localMemory },
      problem: null,
    };
  return {
    sync: null,
    problem: token.ok ? 'No invite token is saved for this server. Join it again.' : token.error.message,
  };
};

/** The app's stores over the settings read at start and the device's document store. */
export function createAppStores(initialSettings: Settings, store: DocStore): AppStores {
  const settings = new SettingsStore(initialSettings, async (patch) => {
    const result = await platform.invoke('settings:update', patch);
    if (!result.ok) throw new Error(`[settings] ${result.error.message}`);
    return result.value;
  });
  const workspace = new WorkspaceStore(store, resolveSync);
  const updateSettings = (change: SettingsChange): Promise<void> => settings.update(change);
  const actions: AppActions = {
    store,
    readSettings: settings.get,
    updateSettings,
    async openWorkspace(ref) {
      await updateSettings({ activeWorkspaceId: ref.id });
      await workspace.load(ref);
    },
    async addWorkspace(ref) {
      await updateSettings((s) => ({
        workspaces: s.workspaces.some((w) => w.id === ref.id) ? s.workspaces : [...s.workspaces, ref],
        activeWorkspaceId: ref.id,
      }));
      await workspace.load(ref);
    },
    reloadWorkspace: () => workspace.reload(),
    repairDirectory: () => workspace.repairDirectory(),
    async joinServer(input) {
      const claims = readInviteClaims(input.token);
      if (claims === null) return fail('invalid-input', 'That is not a Duet invite token. Ask for a new invite.');
      if (claims.expiresAt !== null && claims.expiresAt * 1000 < Date.now()) {
        return fail('invalid-input', 'This invite has expired. Ask for a new one.');
      }
      const existing = settings.get().workspaces.find((w) => w.id === claims.workspaceId);
      const ref: WorkspaceRef = {
        ...(existing ?? { id: claims.workspaceId, name: input.name.trim().slice(0, 120) || 'Team workspace' }),
        server: { url: input.url.trim() },
      };
      const saved = await platform.invoke('secrets:set', tokenKey(ref.id), input.token.trim());
      if (!saved.ok) return saved;
      await updateSettings((s) => ({
        workspaces: [...s.workspaces.filter((w) => w.id !== ref.id), ref],
        activeWorkspaceId: ref.id,
      }));
      await workspace.load(ref);
      return ok(ref);
    },
    async leaveServer(ref) {
      const local: WorkspaceRef = { id: ref.id, name: ref.name, ...(ref.sample ? { sample: true } : {}) };
      await platform.invoke('secrets:set', tokenKey(ref.id), null);
      await updateSettings((s) => ({ workspaces: s.workspaces.map((w) => (w.id === ref.id ? local : w)) }));
      await workspace.load(local);
    },
  };
  return { settings, workspace, actions };
}

/**
 * Starts reopening the workspace the settings name (the last one open), if any, and returns that load; the
 * boot calls it before anything renders, so the workspace is read while the window's code still loads. The
 * playbook its screen will show first (the last one open there) is opened before the workspace is shown —
 * both were read before the app started (platform/earlyDocRead.ts) — so that screen's first render already
 * holds its editor instead of a loading state, a frame, and a second render.
 */
export function reopenLastWorkspace(stores: AppStores): Promise<void> | null {
  const { workspaces, activeWorkspaceId, recentPlaybooks } = stores.settings.get();
  const ref = workspaces.find((w) => w.id === activeWorkspaceId);
  if (!ref || stores.workspace.get().status !== 'none') return null;
  const lastPlaybook = recentPlaybooks.find((r) => r.workspaceId === ref.id)?.playbookId;
  return stores.workspace.load(ref, false, async (workspace) => {
    if (!workspace.listPlaybooks().some((p) => p.id === lastPlaybook)) return;
    // A playbook that cannot be read is the view's to report (it opens it again and says so).
    await workspace.openPlaybook(lastPlaybook!);
  });
}

/** Provides the app's stores (made at boot by `createAppStores`) to everything below. */
export function AppProvider(props: { stores: AppStores; children: ReactNode }) {
  return <AppContext.Provider value={props.stores}>{props.children}</AppContext.Provider>;
}
