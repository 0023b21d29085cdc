import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_SCHEME_PRIVILEGES } from '../../../../electron/main/protocol/appProtocol';
import { createFakeElectron, type FakeElectron } from './fakeElectron';

// Never the real package (it would try to download the binary). Each launch installs a fresh fake whose
// single-instance lock gives the answer the test needs, and replaces the start with a spy.
const state = vi.hoisted(() => ({ start: null as null | ((config: unknown) => Promise<void>) }));
vi.mock('electron', async () => (await import('./fakeElectron')).createFakeElectron());
vi.mock('../../../../electron/main/startMainProcess', () => ({
  startMainProcess: (config: unknown) => state.start!(config),
}));

async function launch(lock: boolean) {
  const start = vi.fn(async (_config: unknown) => {});
  state.start = start;
  vi.resetModules();
  vi.doMock('electron', () => createFakeElectron(lock));
  await import('../../../../electron/main/index');
  const electron = (await import('electron')) as unknown as FakeElectron;
  return { electron, start };
}

beforeEach(() => {
  delete process.env.ELECTRON_RENDERER_URL;
  delete process.env.DUET_USER_DATA_DIR;
});
afterEach(() => vi.restoreAllMocks());

describe('before the app is ready', () => {
  it('sandboxes every renderer and registers app:// as privileged', async () => {
    const { electron } = await launch(true);
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES]);
  });

  it('starts when it is the only Duet running', async () => {
    const { electron, start } = await launch(true);
    expect(start).toHaveBeenCalledWith(expect.objectContaining({ rendererUrl: 'app://duet/' }));
    expect(electron.app.quit).not.toHaveBeenCalled();
  });

  it('a second Duet quits at once and leaves the first one in charge', async () => {
    const { electron, start } = await launch(false);
    expect(electron.app.quit).toHaveBeenCalled();
    expect(start).not.toHaveBeenCalled();
  });

  it('tests get their own profile, set before the single-instance lock', async () => {
    process.env.DUET_USER_DATA_DIR = '/tmp/duet-profile';
    const { electron } = await launch(true);
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', '/tmp/duet-profile');
    const setPathOrder = electron.app.setPath.mock.invocationCallOrder[0]!;
    expect(setPathOrder).toBeLessThan(electron.app.requestSingleInstanceLock.mock.invocationCallOrder[0]!);
  });
});
