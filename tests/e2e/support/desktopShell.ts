/**
 * The desktop app's shell for end-to-end tests in plain Chromium, where no Electron binary can run: the
 * page gets a `window.duet` bridge (what the preload exposes) whose every call goes to the REAL main-process
 * handlers (electron/main/ipc/mainHandlers.ts) running here in Node — settings, secrets, exports, the opened
 * files queue, "Host on this computer" with a real sync server. Only Electron's own parts are stand-ins, at
 * the boundary the main process already injects: the save/open dialogs (answered with a file in a temp
 * folder, or cancelled), `safeStorage`, the native menu (`menu()` sends a command as a menu click does) and
 * the hidden print window (a JavaScript-less Chromium page printed with `page.pdf()`, the printing path
 * Electron's `webContents.printToPDF` takes).
 */
import { access, mkdtemp, open, rename, rm, unlink } from 'node:fs/promises';
import { networkInterfaces, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { MainChannel, MenuCommand } from '../../../shared/ipc/contract';
import { createOpenedFiles, type OpenedFiles } from '../../../electron/main/files/openedFiles';
import { createHost, type Host } from '../../../electron/main/host/createHost';
import { createMainHandlers } from '../../../electron/main/ipc/mainHandlers';
import { createSecretStore } from '../../../electron/main/secrets/secretStore';
import { createSettingsStore } from '../../../electron/main/settings/settingsStore';
import { readWorkspaceFile } from '../../../electron/main/workspace/importWorkspace';
import { startSyncServer } from '../../../server/http/startSyncServer';
import { openServerStores } from '../../../server/storage/openServerStores';

/** The shell of one page. */
export interface DesktopShell {
  /** The temp folder standing in for Documents (saved files land here) and the profile. */
  readonly dir: string;
  /** Paths of the files the app saved (exports, PDFs), in order. */
  readonly saved: string[];
  readonly host: Host;
  readonly openedFiles: OpenedFiles;
  /** Sends a command as the native menu does (Help → About Duet is 'help:about'). */
  menu(command: MenuCommand): Promise<void>;
  /** Stops the hosted server (if any) and removes the temp folder. */
  dispose(): Promise<void>;
}

type Wire = unknown;

// Typed arrays cross the page boundary as tagged number arrays, both ways.
function toNode(value: Wire): unknown {
  if (Array.isArray(value)) return value.map(toNode);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (Array.isArray(record.__bytes)) return Uint8Array.from(record.__bytes as number[]);
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, toNode(v)]));
  }
  return value;
}

function toPage(value: unknown): Wire {
  if (value instanceof Uint8Array) return { __bytes: Array.from(value) };
  if (Array.isArray(value)) return value.map(toPage);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPage(v)]));
  return value;
}

/** The preload's bridge, as the page sees it (runs in the page before the app's scripts). */
function pageBridge(): void {
  const listeners = new Set<(command: string) => void>();
  const wire = (value: unknown): unknown => {
    if (value instanceof Uint8Array) return { __bytes: Array.from(value) };
    if (Array.isArray(value)) return value.map(wire);
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wire(v)]));
    return value;
  };
  const unwire = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(unwire);
    if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (Array.isArray(record.__bytes)) return Uint8Array.from(record.__bytes as number[]);
      return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, unwire(v)]));
    }
    return value;
  };
  const w = window as unknown as Record<string, unknown>;
  const main = w.__duetMain as (channel: string, args: unknown) => Promise<unknown>;
  w.duet = Object.freeze({
    invoke: async (channel: string, ...args: unknown[]) => unwire(await main(channel, wire(args))),
    onMenuCommand: (listener: (command: string) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  w.__duetMenu = (command: string) => listeners.forEach((listener) => listener(command));
}

/**
 * The hidden print window: a page that runs no script, printed by Chromium. Electron's destroy() returns at
 * once; here the context's close is kept in `closing`, for the shell's dispose to wait for: a context still
 * closing when the test ends failed the worker's next test before its first step ("Target page, context or
 * browser has been closed").
 */
function printWindow(browser: Browser, closing: Promise<void>[]) {
  let context: BrowserContext | null = null;
  let page: Page | null = null;
  let destroyed = false;
  return {
    async loadURL(url: string) {
      context = await browser.newContext({ javaScriptEnabled: false });
      page = await context.newPage();
      await page.goto(url);
    },
    webContents: {
      async printToPDF(options: Record<string, unknown>) {
        if (page === null) throw new Error('[e2e] nothing loaded to print');
        return page.pdf({
          printBackground: options.printBackground === true,
          preferCSSPageSize: options.preferCSSPageSize === true,
          margin: { top: '0', right: '0', bottom: '0', left: '0' },
        });
      },
    },
    destroy() {
      destroyed = true;
      if (context !== null) closing.push(context.close());
    },
    isDestroyed: () => destroyed,
  };
}

/** Installs the shell on `page` (before its first navigation). */
export async function installDesktopShell(page: Page): Promise<DesktopShell> {
  const dir = await mkdtemp(join(tmpdir(), 'duet-desktop-'));
  const saved: string[] = [];
  const closing: Promise<void>[] = [];
  const fs = { open, rename, unlink, access };
  // The save dialog: the user accepts the suggested name in the Documents folder.
  const showSaveDialog = async (options: { defaultPath?: string }) => {
    const filePath = join(dir, basename(options.defaultPath ?? 'untitled'));
    saved.push(filePath);
    return { canceled: false, filePath };
  };
  const showOpenDialog = async () => ({ canceled: true, filePaths: [] as string[] });
  const host = createHost({
    startSyncServer,
    openStores: openServerStores,
    dataDir: join(dir, 'sync-host'),
    listInterfaces: networkInterfaces,
  });
  const openedFiles = createOpenedFiles((path) => readWorkspaceFile({ open: (p, flags) => open(p, flags) }, path));
  let secretFile: string | null = null;
  const handlers = createMainHandlers({
    appInfo: { version: '0.0.0-e2e', platform: 'linux' },
    settings: createSettingsStore({ store: {} }),
    exportDeps: { showSaveDialog, fs, defaultDirectory: dir },
    importDeps: { showOpenDialog, fs: { open }, defaultDirectory: dir },
    openExternal: async () => {},
    secrets: createSecretStore(
      {
        isEncryptionAvailable: () => true,
        encryptString: (plain) => Buffer.from(plain, 'utf8'),
        decryptString: (data) => data.toString('utf8'),
      },
      { read: () => secretFile, write: (text) => void (secretFile = text) },
    ),
    deck: {
      save: { showSaveDialog, fs, defaultDirectory: dir },
      createPrintWindow: () => printWindow(page.context().browser()!, closing),
    },
    host,
    notify: () => true,
    openedFiles,
  });
  const menu = (command: MenuCommand): Promise<void> =>
    page.evaluate((c) => (window as unknown as { __duetMenu: (c: string) => void }).__duetMenu(c), command);
  openedFiles.connect({ announce: () => void menu('workspace:open-file'), remember: () => {} });

  await page.exposeFunction('__duetMain', async (channel: MainChannel, args: Wire) => {
    const handler = handlers[channel] as ((...a: unknown[]) => Promise<unknown>) | undefined;
    if (!handler) throw new Error(`[e2e] no main handler for ${channel}`);
    return toPage(await handler(...(toNode(args) as unknown[])));
  });
  await page.addInitScript(pageBridge);
  return {
    dir,
    saved,
    host,
    openedFiles,
    menu,
    async dispose() {
      await Promise.all(closing);
      await host.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
