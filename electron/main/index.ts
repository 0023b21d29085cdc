/**
 * Main process entry. Only what must happen before `ready` is here: the profile folder, the sandbox, the
 * app:// scheme's privileges and the single-instance lock. The rest is in startMainProcess.
 */
import { app, dialog, protocol } from 'electron';
import { open } from 'node:fs/promises';
import { resolveRuntimeConfig } from './app/resolveRuntimeConfig';
import { receiveOpenedFiles } from './files/receiveOpenedFiles';
import { APP_SCHEME_PRIVILEGES } from './protocol/appProtocol';
import { readWorkspaceFile } from './workspace/importWorkspace';
import { startMainProcess } from './startMainProcess';

const config = resolveRuntimeConfig(process.env, app.isPackaged);
// Before the lock: the lock is per profile, so a test profile never collides with the user's running Duet.
if (config.userDataDir !== null) app.setPath('userData', config.userDataDir);
if (process.platform === 'win32') app.setAppUserModelId('com.duet.app');

// Every renderer runs in the OS sandbox, including any Chromium creates that we did not configure.
app.enableSandbox();
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

if (!app.requestSingleInstanceLock()) {
  // Another Duet is running; it receives 'second-instance' and comes to the front.
  app.quit();
} else {
  // Files the OS hands over wait here until the renderer takes them: a double-clicked .duet file arrives in
  // argv (Windows, Linux), as 'open-file' even before ready (macOS), or from a second launch.
  const { files: openedFiles } = receiveOpenedFiles(app, { argv: process.argv, cwd: process.cwd() }, (path) =>
    readWorkspaceFile({ open: (p, flags) => open(p, flags) }, path),
  );
  startMainProcess(config, openedFiles).catch((error: unknown) => {
    console.error('[main] startup failed', error);
    dialog.showErrorBox('Duet could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}
