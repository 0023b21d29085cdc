/**
 * Main process entry. Only what must happen before `ready` is here: the profile folder, the sandbox, the
 * app:// scheme's privileges and the single-instance lock. The rest is in startMainProcess.
 */
import { app, dialog, protocol } from 'electron';
import { resolveRuntimeConfig } from './app/resolveRuntimeConfig';
import { APP_SCHEME_PRIVILEGES } from './protocol/appProtocol';
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
  startMainProcess(config).catch((error: unknown) => {
    console.error('[main] startup failed', error);
    dialog.showErrorBox('Duet could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}
