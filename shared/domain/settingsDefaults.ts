/**
 * The plain values of the settings — roles, themes, limits, the settings of a first start, the recent
 * list — apart from their zod schema (settings.ts, which re-exports all of this): the renderer's first screen
 * uses these and must not load zod for them (see exactSettings.ts).
 */
/** Roles a person can have in a workspace (the sync server enforces what each may write). */
export const ROLES = ['storyteller', 'marketing', 'sales', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Appearance: follow the operating system's light or dark mode, or force one. */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** The bounds the schema and its zod-free check (exactSettings.ts) both hold settings to. */
export const SETTINGS_LIMITS = {
  displayName: 80,
  workspaceName: 120,
  workspaces: 200,
  syncUrl: 500,
  recentPlaybooks: 20,
  windowSizeMin: 200,
  windowSizeMax: 20000,
  portMin: 1024,
  portMax: 65535,
  recentFiles: 10,
  recentFilePath: 4096,
} as const;

/** A sync server address: ws(s):// or http(s):// (the app turns http into ws), no credentials. */
export const SYNC_URL_PATTERN = /^(wss?|https?):\/\/[^/\s@]+(\/[^\s]*)?$/i;

/**
 * Settings of a first start. Typed by their values here (this file cannot import the schema's type
 * without importing settings.ts, which imports this file); settings.ts re-exports them as `Settings`, so
 * the compiler checks them against the schema there.
 */
export const DEFAULT_SETTINGS = {
  displayName: '',
  role: 'storyteller' as Role,
  workspaces: [],
  activeWorkspaceId: null,
  recentPlaybooks: [],
  windowBounds: null,
  host: null,
  notifyDecisions: false,
  theme: 'system' as Theme,
  recentFiles: [],
};

/** Adds a playbook to the front of the recent list, without duplicates, keeping at most 20. */
export function pushRecent<T extends { workspaceId: string; playbookId: string }>(recent: readonly T[], entry: T): T[] {
  const rest = recent.filter((r) => r.workspaceId !== entry.workspaceId || r.playbookId !== entry.playbookId);
  return [entry, ...rest].slice(0, SETTINGS_LIMITS.recentPlaybooks);
}
