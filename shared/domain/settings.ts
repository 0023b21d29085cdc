/**
 * User settings, stored by the main process (electron-store) or the browser client (localStorage).
 * The zod schema is the single truth: the TypeScript type is inferred from it, and both stores validate
 * everything they read or receive against it.
 */
import { z } from '../zod';

/** Roles a person can have in a workspace (the sync server enforces what each may write). */
export const ROLES = ['storyteller', 'marketing', 'sales', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

const idSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/));

/** A sync server address: ws(s):// or http(s):// (the app turns http into ws), no credentials. */
export const syncUrlSchema = z.string().check(
  z.maxLength(500),
  z.refine(
    (value) => /^(wss?|https?):\/\/[^/\s@]+(\/[^\s]*)?$/i.test(value),
    'Enter an address like ws://192.168.1.20:4455',
  ),
);

/** A workspace known on this device. */
export const workspaceRefSchema = z.object({
  id: idSchema,
  name: z.string().check(z.minLength(1), z.maxLength(120)),
  /** True for the bundled sample workspace, which the UI labels as such. */
  sample: z.optional(z.boolean()),
  /** Set when the workspace is joined to a sync server; its invite token is kept as a secret. */
  server: z.optional(z.object({ url: syncUrlSchema })),
});
export type WorkspaceRef = z.infer<typeof workspaceRefSchema>;

const boundsSchema = z.object({
  x: z.int(),
  y: z.int(),
  width: z.int().check(z.minimum(200), z.maximum(20000)),
  height: z.int().check(z.minimum(200), z.maximum(20000)),
  maximized: z.optional(z.boolean()),
});
export type WindowBounds = z.infer<typeof boundsSchema>;

/** "Host on this computer" settings, remembered so hosting resumes when the app starts again. */
const hostSettingsSchema = z.object({
  port: z.int().check(z.minimum(1024), z.maximum(65535)),
  shareOnNetwork: z.boolean(),
});

/** Appearance: follow the operating system's light or dark mode, or force one. */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** Everything we remember about the user and their device. */
export const settingsSchema = z.object({
  displayName: z.string().check(z.maxLength(80)),
  role: z.enum(ROLES),
  workspaces: z.array(workspaceRefSchema).check(z.maxLength(200)),
  activeWorkspaceId: z.nullable(idSchema),
  recentPlaybooks: z.array(z.object({ workspaceId: idSchema, playbookId: idSchema })).check(z.maxLength(20)),
  windowBounds: z.nullable(boundsSchema),
  /** Set while this computer hosts a sync server; null otherwise. */
  host: z.nullable(hostSettingsSchema),
  /** A desktop notification when a storyteller approves or sends back a narrative this person owns. */
  notifyDecisions: z.boolean(),
  /** 'system' follows the OS (Electron's nativeTheme, the browser's prefers-color-scheme). */
  theme: z.enum(THEMES),
  /** Workspace files (.duet) opened or saved lately, newest first, for File → Open Recent. */
  recentFiles: z.array(z.string().check(z.minLength(1), z.maxLength(4096))).check(z.maxLength(10)),
});
export type Settings = z.infer<typeof settingsSchema>;

/** What the renderer may change. Window bounds and recent files belong to the main process alone. */
export const settingsPatchSchema = z.strictObject(
  z.partial(z.omit(settingsSchema, { windowBounds: true, recentFiles: true })).shape,
);
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** Settings of a first start. */
export const DEFAULT_SETTINGS: Settings = {
  displayName: '',
  role: 'storyteller',
  workspaces: [],
  activeWorkspaceId: null,
  recentPlaybooks: [],
  windowBounds: null,
  host: null,
  notifyDecisions: false,
  theme: 'system',
  recentFiles: [],
};

/**
 * Reads whatever was stored (possibly from an older version or hand-edited) into valid settings:
 * each field that fails validation falls back to its default instead of losing the whole file.
 */
export function coerceSettings(raw: unknown): Settings {
  const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(settingsSchema.shape) as (keyof Settings)[]) {
    const field = settingsSchema.shape[key].safeParse(source[key]);
    if (field.success) out[key] = field.data;
  }
  return settingsSchema.parse(out);
}

/** Adds a playbook to the front of the recent list, without duplicates, keeping at most 20. */
export function pushRecent(
  recent: Settings['recentPlaybooks'],
  entry: Settings['recentPlaybooks'][number],
): Settings['recentPlaybooks'] {
  const rest = recent.filter((r) => r.workspaceId !== entry.workspaceId || r.playbookId !== entry.playbookId);
  return [entry, ...rest].slice(0, 20);
}
