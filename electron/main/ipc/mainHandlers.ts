/**
 * The handler behind each IPC channel. Thin: each checks its arguments (they come from a renderer and are
 * `unknown` until proven otherwise) and delegates to a module that takes its Electron parts as parameters.
 *
 * Argument rule: a channel whose contract returns a `Result` answers bad arguments with 'invalid-input';
 * a channel that takes no arguments and returns a plain value throws when given any, since only a bug
 * (or a hostile page) sends them.
 */
import type { Settings } from '@shared/domain/settings';
import type { AppInfo } from '@shared/ipc/contract';
import { fail, ok, type Result } from '@shared/result';
import type { Host } from '../host/createHost';
import {
  parseHostInvite,
  parseHostMemberId,
  parseHostRoleChange,
  parseHostStart,
  parseHostWorkspace,
} from '../host/hostInputs';
import type { OpenedFiles } from '../files/openedFiles';
import { printDeckToPdf, type PrintDeckDeps } from '../deck/printDeckToPdf';
import { saveExportFile, type SaveExportDeps } from '../deck/saveExportFile';
import { isSafeExternalUrl } from '../security/navigationPolicy';
import type { SecretStore } from '../secrets/secretStore';
import type { SettingsStore } from '../settings/settingsStore';
import { exportWorkspace, type ExportWorkspaceDeps } from '../workspace/exportWorkspace';
import { importWorkspace, type ImportWorkspaceDeps } from '../workspace/importWorkspace';
import type { MainHandlers } from './registerIpcHandlers';

/** Everything the handlers need, injected so they run in plain Node tests. */
export interface MainHandlerDeps {
  appInfo: { version: string; platform: string };
  settings: SettingsStore;
  exportDeps: ExportWorkspaceDeps;
  importDeps: ImportWorkspaceDeps;
  /** shell.openExternal */
  openExternal: (url: string) => Promise<void>;
  secrets: SecretStore;
  /** Deck and Markdown exports: the save dialog and file system, and the hidden print window. */
  deck: { save: SaveExportDeps; createPrintWindow: PrintDeckDeps['createPrintWindow'] };
  /** "Host on this computer". */
  host: Host;
  /** Shows a native notification; false where the system has none. */
  notify: (title: string, body: string) => boolean;
  /** Workspace files the OS handed to Duet, waiting for the renderer. */
  openedFiles: Pick<OpenedFiles, 'take'>;
  /** Told the path of each workspace file exported (File → Open Recent). */
  workspaceFileSaved?: (path: string) => void;
  /** Told after the renderer changed settings (the appearance drives nativeTheme). */
  settingsChanged?: (settings: Settings) => void;
}

/** Builds the handler map for `registerIpcHandlers`. */
export function createMainHandlers(deps: MainHandlerDeps): MainHandlers {
  return {
    'app:info': async (...args) => {
      expectNoArguments('app:info', args);
      const info: AppInfo = { version: deps.appInfo.version, platform: deps.appInfo.platform, shell: 'electron' };
      return info;
    },
    'settings:get': async (...args) => {
      expectNoArguments('settings:get', args);
      return deps.settings.get();
    },
    'settings:update': async (...args) => {
      if (args.length !== 1) return fail('invalid-input', 'Settings were not saved (expected one change set).');
      const updated = deps.settings.update(args[0]);
      if (updated.ok) deps.settingsChanged?.(updated.value);
      return updated;
    },
    'workspace:export': async (...args) => {
      if (args.length !== 2) return fail('invalid-input', 'The export needs the workspace data and a file name.');
      const saved = await exportWorkspace(deps.exportDeps, args[0], args[1]);
      if (saved.ok && saved.value) deps.workspaceFileSaved?.(saved.value.path);
      return saved;
    },
    'workspace:import': async (...args) => {
      if (args.length !== 0) return fail('invalid-input', 'The import takes no arguments.');
      return importWorkspace(deps.importDeps);
    },
    'workspace:takeOpened': async (...args) =>
      args.length === 0 ? deps.openedFiles.take() : fail('invalid-input', 'Taking an opened file takes no arguments.'),
    'shell:openExternal': async (...args) => openExternalLink(deps.openExternal, args),
    'secrets:get': async (...args) =>
      args.length === 1 ? deps.secrets.get(args[0]) : fail('invalid-input', 'Expected one secret name.'),
    'secrets:set': async (...args) =>
      args.length === 2 ? deps.secrets.set(args[0], args[1]) : fail('invalid-input', 'Expected a name and a value.'),
    'deck:save': async (...args) =>
      args.length === 3
        ? saveExportFile(deps.deck.save, args[0], args[1], args[2])
        : fail('invalid-input', 'Saving needs the file, a name and its kind.'),
    'deck:printToPdf': async (...args) =>
      args.length === 2
        ? printDeckToPdf(
            {
              createPrintWindow: deps.deck.createPrintWindow,
              save: (bytes, name) => saveExportFile(deps.deck.save, bytes, name, 'pdf'),
            },
            args[0],
            args[1],
          )
        : fail('invalid-input', 'Printing needs the print layout and a name.'),
    'host:start': async (...args) => {
      const options = args.length === 1 ? parseHostStart(args[0]) : parseHostStart(undefined);
      return options.ok ? deps.host.start(options.value) : options;
    },
    'host:stop': async (...args) =>
      args.length === 0 ? deps.host.stop() : fail('invalid-input', 'Stopping takes no arguments.'),
    'host:status': async (...args) =>
      args.length === 0 ? ok(deps.host.status()) : fail('invalid-input', 'The status takes no arguments.'),
    'host:invite': async (...args) => {
      const input = args.length === 1 ? parseHostInvite(args[0]) : fail('invalid-input', 'Expected one invite.');
      return input.ok ? deps.host.invite(input.value) : input;
    },
    'host:members': async (...args) => {
      const workspaceId = args.length === 1 ? parseHostWorkspace(args[0]) : parseHostWorkspace(undefined);
      return workspaceId.ok ? deps.host.members(workspaceId.value) : workspaceId;
    },
    'host:setRole': async (...args) => {
      const change = args.length === 1 ? parseHostRoleChange(args[0]) : parseHostRoleChange(undefined);
      return change.ok ? deps.host.setRole(change.value) : change;
    },
    'notify:show': async (...args) => showNotification(deps, args),
    'host:revoke': async (...args) => {
      const id = args.length === 1 ? parseHostMemberId(args[0]) : parseHostMemberId(undefined);
      return id.ok ? deps.host.revoke(id.value) : id;
    },
  };
}

/** Notification limits: a title and a sentence, never a page of text. */
const NOTE_LIMITS = { title: 120, body: 400 } as const;

function showNotification(deps: MainHandlerDeps, args: unknown[]): Result<null> {
  const [note] = args;
  const { title, body } = (typeof note === 'object' && note !== null ? note : {}) as Record<string, unknown>;
  if (args.length !== 1 || typeof title !== 'string' || typeof body !== 'string')
    return fail('invalid-input', 'A notification needs a title and a text.');
  // The setting is checked here too: a page cannot notify unless the person turned notifications on.
  if (!deps.settings.get().notifyDecisions) return fail('denied', 'Notifications are turned off in the settings.');
  const shown = deps.notify(title.slice(0, NOTE_LIMITS.title), body.slice(0, NOTE_LIMITS.body));
  return shown ? ok(null) : fail('denied', 'This system does not show notifications.');
}

async function openExternalLink(open: (url: string) => Promise<void>, args: unknown[]): Promise<Result<null>> {
  const [url] = args;
  if (args.length !== 1 || !isSafeExternalUrl(url)) {
    return fail('denied', 'Duet only opens web (http, https) and email (mailto) links.');
  }
  try {
    await open(url);
    return ok(null);
  } catch (error) {
    // The OS refused (no browser or mail app registered, for example): the user can fix that, so it is a Result.
    const reason = error instanceof Error ? error.message : String(error);
    return fail('io', `The link could not be opened: ${reason}`);
  }
}

function expectNoArguments(channel: string, args: unknown[]): void {
  if (args.length !== 0) throw new Error(`[ipc] ${channel} takes no arguments, got ${args.length}`);
}
