/**
 * Wires the pure modules to Electron once the app is ready. Nothing here decides anything; every branch
 * worth testing lives in a module that takes these Electron objects as parameters.
 */
import {
  BrowserWindow,
  Menu,
  Notification,
  app,
  dialog,
  ipcMain,
  nativeTheme,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import { existsSync } from 'node:fs';
import { open, readFile, access, rename, unlink } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { APP_SCHEME } from '@shared/security/csp';
import { startSyncServer } from '../../server/http/startSyncServer';
import { openServerStores } from '../../server/storage/openServerStores';
import { focusWindow, installAppLifecycle } from './app/installAppLifecycle';
import { applyThemeSetting, windowBackground } from './app/nativeThemeSetting';
import type { RuntimeConfig } from './app/resolveRuntimeConfig';
import { lockDownPrintSession, printWindowOptions } from './deck/printDeckToPdf';
import { createOpenedFiles, type OpenedFiles } from './files/openedFiles';
import { createRecentFiles } from './files/recentFiles';
import { createHost } from './host/createHost';
import { stopHostOnQuit } from './host/stopHostOnQuit';
import { createSenderCheck } from './ipc/isTrustedSender';
import { createMainHandlers } from './ipc/mainHandlers';
import { registerIpcHandlers } from './ipc/registerIpcHandlers';
import { buildMenuTemplate } from './menu/buildMenuTemplate';
import { buildRecentWorkspacesMenu } from './menu/recentWorkspacesMenu';
import { createMenuCommandSender } from './menu/sendMenuCommand';
import { createAppProtocolHandler } from './protocol/appProtocol';
import { denyAllPermissions } from './security/denyAllPermissions';
import { hardenWebContents } from './security/hardenWebContents';
import { secretFileAt } from './secrets/secretFile';
import { createSecretStore } from './secrets/secretStore';
import { openSettingsBacking } from './settings/openSettingsBacking';
import { createSettingsStore } from './settings/settingsStore';
import { readWorkspaceFile } from './workspace/importWorkspace';
import { createMainWindow } from './window/createMainWindow';

/** Paths of the build next to this file: out/main/index.js → out/preload, out/renderer. */
const PRELOAD_PATH = join(import.meta.dirname, '../preload/index.cjs');
const RENDERER_ROOT = join(import.meta.dirname, '../renderer');

/** Installs hardening right away, the rest after `app.whenReady()`; `openedFiles` may already hold files. */
export async function startMainProcess(
  config: RuntimeConfig,
  openedFiles: OpenedFiles = createOpenedFiles((path) => readWorkspaceFile({ open }, path)),
): Promise<void> {
  // Every web contents, ours or Chromium's, is hardened the moment it exists. It lives as long as the app.
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { origins: config.trustedOrigins, openExternal: (url) => shell.openExternal(url) });
  });

  await app.whenReady();
  denyAllPermissions(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ rootDir: RENDERER_ROOT, readFile: (path) => readFile(path) }));

  const settings = createSettingsStore(openSettingsBacking(app.getPath('userData')));
  applyThemeSetting(nativeTheme, settings.get().theme);
  let mainWindow: BrowserWindow | null = null;
  const liveWindow = (): BrowserWindow | null => (mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : null);

  const documents = app.getPath('documents');
  let printSessionLocked = false;
  const host = createHost({
    startSyncServer,
    openStores: openServerStores,
    dataDir: join(app.getPath('userData'), 'sync-host'),
    listInterfaces: networkInterfaces,
    // Teammates without the app open http://ADDRESS:PORT/ in a browser and join with their token.
    webRoot: existsSync(RENDERER_ROOT) ? RENDERER_ROOT : undefined,
  });
  stopHostOnQuit(app, host);
  // Hosting resumes where it was left: teammates' apps reconnect without anyone reopening the dialog.
  const hosted = settings.get().host;
  if (hosted) {
    void host.start(hosted).then((started) => {
      if (!started.ok) console.warn(`[host] could not resume hosting: ${started.error.message}`);
    });
  }
  const send = createMenuCommandSender(() => liveWindow()?.webContents ?? null);
  const setMenu = (recent: readonly string[]): void =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          platform: process.platform,
          send,
          isDev: config.isDev,
          appName: app.name,
          recentWorkspaces: buildRecentWorkspacesMenu(recent, {
            open: (path) => void openedFiles.open(path),
            clear: () => recentFiles.clear(),
          }),
        }),
      ),
    );
  const recentFiles = createRecentFiles({
    read: () => settings.get().recentFiles,
    write: (next) => settings.setRecentFiles(next),
    addRecentDocument: (path) => app.addRecentDocument(path),
    clearRecentDocuments: () => app.clearRecentDocuments(),
    changed: setMenu,
  });
  openedFiles.connect({
    announce: () => {
      const win = liveWindow();
      if (win) focusWindow(win);
      send('workspace:open-file');
    },
    remember: (path) => recentFiles.add(path),
  });

  registerIpcHandlers(
    ipcMain,
    createMainHandlers({
      appInfo: { version: app.getVersion(), platform: process.platform },
      settings,
      exportDeps: {
        showSaveDialog: (options) =>
          withParent(
            (win) => dialog.showSaveDialog(win, options),
            () => dialog.showSaveDialog(options),
          ),
        fs: { open, rename, unlink, access },
        defaultDirectory: documents,
      },
      importDeps: {
        showOpenDialog: (options) =>
          withParent(
            (win) => dialog.showOpenDialog(win, options),
            () => dialog.showOpenDialog(options),
          ),
        fs: { open: (path, flags) => open(path, flags) },
        defaultDirectory: documents,
        remember: (path) => recentFiles.add(path),
      },
      openExternal: (url) => shell.openExternal(url),
      notify: (title, body) => {
        if (!Notification.isSupported()) return false;
        new Notification({ title, body }).show();
        return true;
      },
      secrets: createSecretStore(safeStorage, secretFileAt(join(app.getPath('userData'), 'secrets.json'))),
      deck: {
        save: {
          showSaveDialog: (options) =>
            withParent(
              (win) => dialog.showSaveDialog(win, options),
              () => dialog.showSaveDialog(options),
            ),
          fs: { open, rename, unlink, access },
          defaultDirectory: documents,
        },
        createPrintWindow: () => {
          const win = new BrowserWindow(printWindowOptions());
          // The print partition's session exists once a window uses it; lock it down before anything loads.
          if (!printSessionLocked) {
            denyAllPermissions(win.webContents.session);
            lockDownPrintSession(win.webContents.session);
            printSessionLocked = true;
          }
          return win;
        },
      },
      host,
      openedFiles,
      workspaceFileSaved: (path) => recentFiles.add(path),
      settingsChanged: (next) => applyThemeSetting(nativeTheme, next.theme),
    }),
    createSenderCheck({
      origins: config.trustedOrigins,
      isAppContents: (sender) => sender === liveWindow()?.webContents,
    }),
  );

  function withParent<T>(attached: (win: BrowserWindow) => Promise<T>, detached: () => Promise<T>): Promise<T> {
    const win = liveWindow();
    return win ? attached(win) : detached();
  }

  setMenu(recentFiles.list());

  const showMainWindow = (): void => {
    const existing = liveWindow();
    if (existing) return focusWindow(existing);
    mainWindow = createMainWindow({
      preloadPath: PRELOAD_PATH,
      url: config.rendererUrl,
      savedBounds: settings.get().windowBounds,
      backgroundColor: windowBackground(nativeTheme.shouldUseDarkColors),
      saveBounds: (bounds) => {
        const saved = settings.setWindowBounds(bounds);
        if (!saved.ok) console.warn(`[window] ${saved.error.message}`);
      },
    });
  };
  installAppLifecycle(app, {
    platform: process.platform,
    windowCount: () => BrowserWindow.getAllWindows().length,
    showMainWindow,
  });
  showMainWindow();
}
