/**
 * A stand-in for the `electron` module, for tests that load the wiring files through `vi.mock('electron')`.
 * The real package must never load in a Node test: its index.js tries to download the binary.
 */
import { EventEmitter } from 'node:events';
import { vi, type Mock } from 'vitest';

/** The fake of a window's webContents. */
export class FakeWebContents extends EventEmitter {
  readonly send: Mock = vi.fn();
  readonly mainFrame = { url: 'app://duet/', parent: null };
  windowOpenHandler: unknown = null;
  isDestroyed(): boolean {
    return false;
  }
  setWindowOpenHandler(handler: unknown): void {
    this.windowOpenHandler = handler;
  }
}

/** The fake of a BrowserWindow; each fake module has its own subclass and list of instances. */
export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  readonly loadURL: Mock<(url: string) => Promise<void>> = vi.fn(async () => {});
  readonly maximize: Mock = vi.fn();
  readonly show: Mock = vi.fn();
  readonly focus: Mock = vi.fn();
  readonly restore: Mock = vi.fn();
  constructor(
    readonly options: Record<string, unknown>,
    instances: FakeBrowserWindow[],
  ) {
    super();
    instances.push(this);
  }
  isDestroyed(): boolean {
    return false;
  }
  isMinimized(): boolean {
    return false;
  }
  isMaximized(): boolean {
    return false;
  }
  isFullScreen(): boolean {
    return false;
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { x: 0, y: 0, width: 1280, height: 820 };
  }
}

/** The fake `app`: an EventEmitter with the methods main calls. */
export interface FakeApp extends EventEmitter {
  isPackaged: boolean;
  name: string;
  whenReady: Mock<() => Promise<void>>;
  getPath: Mock<(name: string) => string>;
  setPath: Mock;
  getVersion: () => string;
  enableSandbox: Mock;
  requestSingleInstanceLock: Mock<() => boolean>;
  setAppUserModelId: Mock;
  quit: Mock;
  exit: Mock;
  addRecentDocument: Mock;
  clearRecentDocuments: Mock;
}

interface FakeDisplay {
  id: number;
  workArea: { x: number; y: number; width: number; height: number };
}

/** What `import ... from 'electron'` returns under the mock. */
export interface FakeElectron {
  app: FakeApp;
  BrowserWindow: (new (options: Record<string, unknown>) => FakeBrowserWindow) & {
    instances: FakeBrowserWindow[];
    getAllWindows: () => FakeBrowserWindow[];
  };
  Menu: { buildFromTemplate: Mock; setApplicationMenu: Mock };
  dialog: { showSaveDialog: Mock; showOpenDialog: Mock; showErrorBox: Mock };
  ipcMain: { handle: Mock; removeHandler: Mock };
  protocol: { handle: Mock; registerSchemesAsPrivileged: Mock };
  session: { defaultSession: { setPermissionRequestHandler: Mock; setPermissionCheckHandler: Mock } };
  shell: { openExternal: Mock<(url: string) => Promise<void>> };
  safeStorage: {
    isEncryptionAvailable: () => boolean;
    encryptString: (s: string) => Buffer;
    decryptString: (b: Buffer) => string;
  };
  screen: { getPrimaryDisplay: () => FakeDisplay; getAllDisplays: () => FakeDisplay[] };
  nativeTheme: { themeSource: 'system' | 'light' | 'dark'; shouldUseDarkColors: boolean };
}

/** Builds a fresh fake module; `lock` is what requestSingleInstanceLock answers. */
export function createFakeElectron(lock = true): FakeElectron {
  const app: FakeApp = Object.assign(new EventEmitter(), {
    isPackaged: false,
    name: 'Duet',
    whenReady: vi.fn(() => Promise.resolve()),
    getPath: vi.fn((name: string) => `/fake/${name}`),
    setPath: vi.fn(),
    getVersion: () => '0.1.0',
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => lock),
    setAppUserModelId: vi.fn(),
    quit: vi.fn(),
    exit: vi.fn(),
    addRecentDocument: vi.fn(),
    clearRecentDocuments: vi.fn(),
  });
  // A class per fake module, so every test's windows are its own.
  const instances: FakeBrowserWindow[] = [];
  const BrowserWindow = Object.assign(
    class extends FakeBrowserWindow {
      constructor(options: Record<string, unknown>) {
        super(options, instances);
      }
    },
    { instances, getAllWindows: () => instances },
  );
  const display: FakeDisplay = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } };
  return {
    app,
    BrowserWindow,
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
    dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn(), showErrorBox: vi.fn() },
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    protocol: { handle: vi.fn(), registerSchemesAsPrivileged: vi.fn() },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
    shell: { openExternal: vi.fn(async () => {}) },
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (s: string) => Buffer.from(s),
      decryptString: (b: Buffer) => b.toString(),
    },
    screen: { getPrimaryDisplay: () => display, getAllDisplays: () => [display] },
    nativeTheme: { themeSource: 'system', shouldUseDarkColors: false },
  };
}
