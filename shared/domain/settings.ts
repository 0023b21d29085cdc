/**
 * User settings, stored by the main process (electron-store) or the browser client (localStorage).
 * The zod schema is the single truth: the TypeScript type is inferred from it, and both stores validate
 * everything they read or receive against it.
 */
import { z } from '../zod';
import {
  DEFAULT_SETTINGS as FIRST_START,
  ROLES,
  SETTINGS_LIMITS as LIMITS,
  SYNC_URL_PATTERN,
  THEMES,
} from './settingsDefaults';

export {
  pushRecent,
  ROLES,
  SETTINGS_LIMITS,
  SYNC_URL_PATTERN,
  THEMES,
  type Role,
  type Theme,
} from './settingsDefaults';

const idSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/));

/** A sync server address: ws(s):// or http(s):// (the app turns http into ws), no credentials. */
export const syncUrlSchema = z.string().check(
  z.maxLength(LIMITS.syncUrl),
  z.refine((value) => SYNC_URL_PATTERN.test(value), 'Enter an address like ws://192.168.1.20:4455'),
);

/** A workspace known on this device. */
export const workspaceRefSchema = z.object({
  id: idSchema,
  name: z.string().check(z.minLength(1), z.maxLength(LIMITS.workspaceName)),
  /** True for the bundled sample workspace, which the UI labels as such. */
  sample: z.optional(z.boolean()),
  /** Set when the workspace is joined to a sync server; its invite token is kept as a secret. */
  server: z.optional(z.object({ url: syncUrlSchema })),
});
export type WorkspaceRef = z.infer<typeof workspaceRefSchema>;

const boundsSchema = z.object({
  x: z.int(),
  y: z.int(),
  width: z.int().check(z.minimum(LIMITS.windowSizeMin), z.maximum(LIMITS.windowSizeMax)),
  height: z.int().check(z.minimum(LIMITS.windowSizeMin), z.maximum(LIMITS.windowSizeMax)),
  maximized: z.optional(z.boolean()),
});
export type WindowBounds = z.infer<typeof boundsSchema>;

/** "Host on this computer" settings, remembered so hosting resumes when the app starts again. */
const hostSettingsSchema = z.object({
  port: z.int().check(z.minimum(LIMITS.portMin), z.maximum(LIMITS.portMax)),
  shareOnNetwork: z.boolean(),
});

/** Everything we remember about the user and their device. */
export const settingsSchema = z.object({
  displayName: z.string().check(z.maxLength(LIMITS.displayName)),
  role: z.enum(ROLES),
  workspaces: z.array(workspaceRefSchema).check(z.maxLength(LIMITS.workspaces)),
  activeWorkspaceId: z.nullable(idSchema),
  recentPlaybooks: z
    .array(z.object({ workspaceId: idSchema, playbookId: idSchema }))
    .check(z.maxLength(LIMITS.recentPlaybooks)),
  windowBounds: z.nullable(boundsSchema),
  /** Set while this computer hosts a sync server; null otherwise. */
  host: z.nullable(hostSettingsSchema),
  /** A desktop notification when a storyteller approves or sends back a narrative this person owns. */
  notifyDecisions: z.boolean(),
  /** 'system' follows the OS (Electron's nativeTheme, the browser's prefers-color-scheme). */
  theme: z.enum(THEMES),
  /** Workspace files (.duet) opened or saved lately, newest first, for File → Open Recent. */
  recentFiles: z
    .array(z.string().check(z.minLength(1), z.maxLength(LIMITS.recentFilePath)))
    .check(z.maxLength(LIMITS.recentFiles)),
});
export type Settings = z.infer<typeof settingsSchema>;

/** Settings of a first start (settingsDefaults.ts), checked here against the schema's type. */
export const DEFAULT_SETTINGS: Settings = FIRST_START;

/** What the renderer may change. Window bounds and recent files belong to the main process alone. */
export const settingsPatchSchema = z.strictObject(
  z.partial(z.omit(settingsSchema, { windowBounds: true, recentFiles: true })).shape,
);
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

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
