/**
 * The handler behind each IPC channel. Thin: each checks its arguments (they come from a renderer and are
 * `unknown` until proven otherwise) and delegates to a module that takes its Electron parts as parameters.
 *
 * Argument rule: a channel whose contract returns a `Result` answers bad arguments with 'invalid-input';
 * a channel that takes no arguments and returns a plain value throws when given any, since only a bug
 * (or a hostile page) sends them.
 */
import type { AppInfo } from '@shared/ipc/contract';
import { fail, ok, type Result } from '@shared/result';
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
      return deps.settings.update(args[0]);
    },
    'workspace:export': async (...args) => {
      if (args.length !== 2) return fail('invalid-input', 'The export needs the workspace data and a file name.');
      return exportWorkspace(deps.exportDeps, args[0], args[1]);
    },
    'workspace:import': async (...args) => {
      if (args.length !== 0) return fail('invalid-input', 'The import takes no arguments.');
      return importWorkspace(deps.importDeps);
    },
    'shell:openExternal': async (...args) => openExternalLink(deps.openExternal, args),
    'secrets:get': async (...args) =>
      args.length === 1 ? deps.secrets.get(args[0]) : fail('invalid-input', 'Expected one secret name.'),
    'secrets:set': async (...args) =>
      args.length === 2 ? deps.secrets.set(args[0], args[1]) : fail('invalid-input', 'Expected a name and a value.'),
  };
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
