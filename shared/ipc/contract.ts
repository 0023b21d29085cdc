/**
 * The typed IPC contract between the renderer and the main process: the only place channels, argument types
 * and result types are declared. The preload exposes exactly `MAIN_CHANNELS`, main registers exactly these
 * handlers, and the browser client implements the same `MainApi` without Electron.
 */
import type { Result } from '../result';
import type { ExportKind } from '../deck/exportFileName';
import type { PrintParts } from '../deck/printDocument';
import type { Role, Settings, SettingsPatch } from '../domain/settings';

/** Largest workspace file either side will read or write (a workspace of text is far smaller). */
export const MAX_WORKSPACE_FILE_BYTES = 256 * 1024 * 1024;

/** A file the user picked to import. */
export interface PickedFile {
  fileName: string;
  bytes: Uint8Array;
}

/** Facts about the running app, for the About box and diagnostics. */
export interface AppInfo {
  version: string;
  platform: string;
  /** 'electron' in the desktop app, 'browser' in the web client. */
  shell: 'electron' | 'browser';
}

/** "Host on this computer": how to run the embedded sync server. */
export interface HostStartOptions {
  /** 1024–65535. */
  port: number;
  /** Listen on every network interface (0.0.0.0) instead of this computer only (127.0.0.1). */
  shareOnNetwork: boolean;
}

/** Where a running host can be reached, and how it stores. */
export interface HostRunning {
  port: number;
  shareOnNetwork: boolean;
  /** ws://127.0.0.1:PORT — what this computer's own app connects to. */
  localUrl: string;
  /** ws://ADDRESS:PORT for each IPv4 network address (empty unless shared on the network). */
  lanUrls: string[];
  /** 'sqlite' (node:sqlite) or 'files' (plain files, where node:sqlite is missing). */
  storage: 'sqlite' | 'files';
  /** The data folder, for the `npm run sync-server -- invite --data …` command. */
  dataDir: string;
}

/** The host's state. */
export type HostStatus = { state: 'stopped' | 'starting' | 'stopping' } | ({ state: 'running' } & HostRunning);

/** Who to invite to the hosted server. */
export interface HostInviteInput {
  workspaceId: string;
  /** 1–80 characters. */
  name: string;
  role: Role;
}

/** A minted invite. */
export interface HostInvite {
  token: string;
  memberId: string;
}

/** A member of the hosted server, as the host dialog lists them. Times are Unix seconds. */
export interface HostMember {
  id: string;
  name: string;
  role: Role;
  createdAt: number;
  /** When a connection of theirs last opened or closed (recorded at most once a minute); null: never. */
  lastSeenAt: number | null;
  /** Devices connected now (Duet's app counts once however many documents it has open). */
  devices: number;
  /** When they were revoked, or null while active. */
  revokedAt: number | null;
}

/** A role change on the hosted server. */
export interface HostRoleChange {
  memberId: string;
  role: Role;
}

/** Renderer → main calls. Every call returns a promise; expected failures are `Result` values. */
export interface MainApi {
  'app:info': () => Promise<AppInfo>;
  'settings:get': () => Promise<Settings>;
  'settings:update': (patch: SettingsPatch) => Promise<Result<Settings>>;
  /** Shows a save dialog and writes `bytes`; `null` value when the user cancelled. */
  'workspace:export': (bytes: Uint8Array, suggestedName: string) => Promise<Result<{ path: string } | null>>;
  /** Shows an open dialog and reads the chosen file; `null` value when the user cancelled. */
  'workspace:import': () => Promise<Result<PickedFile | null>>;
  /**
   * The next workspace file the OS handed to Duet (double-click, "Open with", File → Open Recent), read
   * with the import's checks; `null` value when none waits. Asked at start and after each
   * 'workspace:open-file' menu command; the renderer validates and confirms it like an import.
   */
  'workspace:takeOpened': () => Promise<Result<PickedFile | null>>;
  /** Opens an http(s)/mailto link in the user's browser or mail client; anything else is refused. */
  'shell:openExternal': (url: string) => Promise<Result<null>>;
  /** Reads a secret (e.g. a sync server invite token) kept with the OS's secure storage; null if none. */
  'secrets:get': (key: string) => Promise<Result<string | null>>;
  /** Stores a secret, or deletes it when `value` is null. */
  'secrets:set': (key: string, value: string | null) => Promise<Result<null>>;
  /** Shows a save dialog for an exported deck or playbook and writes `bytes`; `null` value when cancelled. */
  'deck:save': (bytes: Uint8Array, suggestedName: string, kind: ExportKind) => Promise<Result<{ path: string } | null>>;
  /** Prints the deck's print layout to a PDF and saves it (the browser opens the print dialog); `null` when cancelled. */
  'deck:printToPdf': (layout: PrintParts, suggestedName: string) => Promise<Result<{ path: string } | null>>;
  /** Starts the sync server inside the desktop app ("Host on this computer"). */
  'host:start': (options: HostStartOptions) => Promise<Result<HostRunning>>;
  /** Stops it, after every received update is stored. */
  'host:stop': () => Promise<Result<null>>;
  'host:status': () => Promise<Result<HostStatus>>;
  /** Adds a member to the hosted server and returns their invite token. */
  'host:invite': (input: HostInviteInput) => Promise<Result<HostInvite>>;
  /** Members of a workspace on the hosted server, revoked ones last. */
  'host:members': (workspaceId: string) => Promise<Result<HostMember[]>>;
  /** Changes a member's role; their open connections reconnect with it within a few seconds. */
  'host:setRole': (change: HostRoleChange) => Promise<Result<HostMember>>;
  /** Revokes a member: their invite stops working and their devices are disconnected within a few seconds. */
  'host:revoke': (memberId: string) => Promise<Result<HostMember>>;
  /** Shows a native notification (only while the user has turned decision notifications on). */
  'notify:show': (note: { title: string; body: string }) => Promise<Result<null>>;
}

/** The channel names, as a runtime list the preload and main check against. */
export const MAIN_CHANNELS = [
  'app:info',
  'settings:get',
  'settings:update',
  'workspace:export',
  'workspace:import',
  'workspace:takeOpened',
  'shell:openExternal',
  'secrets:get',
  'secrets:set',
  'deck:save',
  'deck:printToPdf',
  'host:start',
  'host:stop',
  'host:status',
  'host:invite',
  'host:members',
  'host:setRole',
  'host:revoke',
  'notify:show',
] as const satisfies readonly (keyof MainApi)[];

/** Secret keys: short, printable, no separators that could escape a file or key namespace. */
export const SECRET_KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,120}$/;
/** Longest secret value accepted (an invite token is well under 1 KiB). */
export const MAX_SECRET_LENGTH = 4096;

/** Channel name type. */
export type MainChannel = (typeof MAIN_CHANNELS)[number];

// Compile-time proof that MAIN_CHANNELS lists every key of MainApi (and nothing else).
type Missing = Exclude<keyof MainApi, MainChannel>;
const everyChannelListed: Missing extends never ? true : never = true;
void everyChannelListed;

/** Commands the native menu sends to the renderer (main → renderer, one event channel). */
export const MENU_COMMANDS = [
  'playbook:new',
  'workspace:export',
  'workspace:import',
  'edit:find',
  'search:open',
  'view:toggle-outline',
  'help:shortcuts',
  'help:about',
  /** A workspace file is waiting: take it with 'workspace:takeOpened'. */
  'workspace:open-file',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** The single main → renderer event channel. */
export const MENU_EVENT_CHANNEL = 'menu:command';

/** True when `value` is a known channel (the preload and main refuse anything else). */
export function isMainChannel(value: unknown): value is MainChannel {
  return typeof value === 'string' && (MAIN_CHANNELS as readonly string[]).includes(value);
}

/** True when `value` is a known menu command. */
export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/**
 * What the preload puts on `window.duet`. Kept minimal: one typed `invoke` and one subscription, so the
 * renderer cannot reach any other IPC channel even if it is compromised.
 */
export interface DuetBridge {
  invoke<C extends MainChannel>(channel: C, ...args: Parameters<MainApi[C]>): ReturnType<MainApi[C]>;
  /** Subscribes to menu commands; returns the disposer. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
