import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MAIN_CHANNELS, MENU_EVENT_CHANNEL } from '@shared/ipc/contract';
import { APP_TRUSTED_ORIGIN } from '../../../../electron/main/security/trustedOrigins';
import { createFakeElectron, type FakeBrowserWindow, type FakeElectron } from './fakeElectron';

// Never the real package (it would try to download the binary): the fake, and an in-memory settings file.
vi.mock('electron', async () => (await import('./fakeElectron')).createFakeElectron());
vi.mock('../../../../electron/main/settings/openSettingsBacking', () => ({
  openSettingsBacking: () => ({ store: {} }),
}));

let electron: FakeElectron;
let win: FakeBrowserWindow;

// A fresh fake Electron and a fresh start for every test, so no test sees another's windows or listeners.
beforeEach(async () => {
  vi.resetModules();
  vi.doMock('electron', () => createFakeElectron());
  electron = (await import('electron')) as unknown as FakeElectron;
  const { startMainProcess } = await import('../../../../electron/main/startMainProcess');
  await startMainProcess({
    rendererUrl: 'app://duet/',
    trustedOrigins: [APP_TRUSTED_ORIGIN],
    isDev: false,
    userDataDir: null,
  });
  win = electron.BrowserWindow.instances[0]!;
});

type IpcListener = (event: unknown, ...args: unknown[]) => Promise<unknown>;
function ipcListener(channel: string): IpcListener {
  const call = electron.ipcMain.handle.mock.calls.find(([name]) => name === channel);
  if (!call) throw new Error(`no handler for ${channel}`);
  return call[1] as IpcListener;
}

describe('starting Duet wires the secure shell together', () => {
  it('opens one sandboxed window on app://duet/ with the bundled preload', () => {
    expect(electron.BrowserWindow.instances).toHaveLength(1);
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(String(prefs.preload)).toMatch(/preload[/\\]index\.cjs$/);
    expect(win.options).toMatchObject({ width: 1280, height: 820, show: false });
    expect(win.loadURL).toHaveBeenCalledWith('app://duet/');
  });

  it('serves app:// and denies every permission', () => {
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(electron.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
  });

  it('registers exactly the contract’s channels', () => {
    expect(electron.ipcMain.handle.mock.calls.map(([name]) => name).sort()).toEqual([...MAIN_CHANNELS].sort());
  });

  it('answers the window’s page and refuses anyone else', async () => {
    const info = ipcListener('app:info');
    await expect(
      info({ sender: win.webContents, senderFrame: { url: 'app://duet/', parent: null } }),
    ).resolves.toMatchObject({
      shell: 'electron',
      version: '0.1.0',
    });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await expect(
      info({ sender: new EventEmitter(), senderFrame: { url: 'app://duet/', parent: null } }),
    ).rejects.toThrow(/refused/);
    await expect(
      info({ sender: win.webContents, senderFrame: { url: 'https://evil.example/', parent: null } }),
    ).rejects.toThrow(/refused/);
  });

  it('menu clicks reach the window’s page', () => {
    const [template] = electron.Menu.buildFromTemplate.mock.calls[0] as [
      Array<{ submenu?: Array<{ id?: string; click?: () => void }> }>,
    ];
    const find = template.flatMap((menu) => menu.submenu ?? []).find((item) => item.id === 'edit:find');
    find?.click?.();
    expect(win.webContents.send).toHaveBeenCalledWith(MENU_EVENT_CHANNEL, 'edit:find');
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalled();
  });

  it('hardens every web contents Chromium creates', () => {
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    electron.app.emit('web-contents-created', {}, contents);
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-redirect')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
  });

  it('a second launch focuses the existing window instead of opening another', () => {
    electron.app.emit('second-instance');
    expect(electron.BrowserWindow.instances).toHaveLength(1);
    expect(win.focus).toHaveBeenCalled();
  });
});

describe('the desktop app follows the appearance setting and remembers workspace files', () => {
  it('sets nativeTheme from a saved change of appearance', async () => {
    const sender = { sender: win.webContents, senderFrame: { url: 'app://duet/', parent: null } };
    expect(electron.nativeTheme.themeSource).toBe('system');
    await expect(ipcListener('settings:update')(sender, { theme: 'dark' })).resolves.toMatchObject({ ok: true });
    expect(electron.nativeTheme.themeSource).toBe('dark');
  });

  it('offers File → Open Recent, empty at first', () => {
    const [template] = electron.Menu.buildFromTemplate.mock.calls.at(-1) as [
      Array<{ submenu?: Array<{ id?: string; submenu?: Array<{ label?: string }> }> }>,
    ];
    const recent = template.flatMap((menu) => menu.submenu ?? []).find((item) => item.id === 'file:recent');
    expect(recent?.submenu?.map((i) => i.label)).toEqual(['No recent workspaces']);
  });

  it('answers the page’s question at start: no file waits after a plain launch', async () => {
    const sender = { sender: win.webContents, senderFrame: { url: 'app://duet/', parent: null } };
    await expect(ipcListener('workspace:takeOpened')(sender)).resolves.toEqual({ ok: true, value: null });
  });

  it('a file opened from the OS is announced to the page, and the window comes forward', async () => {
    const { createOpenedFiles } = await import('../../../../electron/main/files/openedFiles');
    const { startMainProcess } = await import('../../../../electron/main/startMainProcess');
    const read = vi.fn(async (path: string) => ({
      ok: true as const,
      value: { fileName: path, bytes: new Uint8Array([7]) },
    }));
    const files = createOpenedFiles(read);
    files.open('/home/ana/Acme.duet'); // before the app is ready, as macOS does
    electron.BrowserWindow.instances.length = 0;
    await startMainProcess(
      { rendererUrl: 'app://duet/', trustedOrigins: [APP_TRUSTED_ORIGIN], isDev: false, userDataDir: null },
      files,
    );
    const second = electron.BrowserWindow.instances[0]!;
    files.open('/home/ana/Fernway.duet');
    expect(second.webContents.send).toHaveBeenCalledWith(MENU_EVENT_CHANNEL, 'workspace:open-file');
    expect(second.focus).toHaveBeenCalled();
    expect(await files.take()).toMatchObject({ ok: true, value: { fileName: '/home/ana/Acme.duet' } });
    // Read successfully: remembered for File → Open Recent and the OS's recent documents.
    expect(electron.app.addRecentDocument).toHaveBeenCalledWith('/home/ana/Acme.duet');
  });
});
