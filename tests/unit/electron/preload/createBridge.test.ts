import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAIN_CHANNELS, MENU_EVENT_CHANNEL, type MainChannel } from '@shared/ipc/contract';
import { createBridge, type IpcRendererLike } from '../../../../electron/preload/createBridge';

class FakeIpcRenderer extends EventEmitter implements IpcRendererLike {
  invoke = vi.fn(async (channel: string, ...args: unknown[]) => ({ channel, args }));
}

afterEach(() => vi.restoreAllMocks());

describe('the page gets exactly invoke and onMenuCommand', () => {
  it('exposes nothing else, and the bridge cannot be altered', () => {
    const bridge = createBridge(new FakeIpcRenderer());
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onMenuCommand']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('forwards every contract channel with its arguments', async () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createBridge(ipc);
    for (const channel of MAIN_CHANNELS) {
      await bridge.invoke(channel as 'shell:openExternal', 'arg');
      expect(ipc.invoke).toHaveBeenLastCalledWith(channel, 'arg');
    }
  });
});

describe('a compromised page cannot reach other IPC channels', () => {
  it.each([
    'menu:command',
    'ELECTRON_BROWSER_REQUIRE',
    'app:quit',
    'settings:GET',
    '',
    'app:info ',
    '__proto__',
    'constructor',
  ])('rejects %j without touching IPC', async (channel) => {
    const ipc = new FakeIpcRenderer();
    await expect(createBridge(ipc).invoke(channel as MainChannel)).rejects.toThrow(/unknown IPC channel/);
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it.each([null, undefined, 42, {}, ['app:info'], { toString: () => 'app:info' }])(
    'rejects a non-string channel %s',
    async (channel) => {
      const ipc = new FakeIpcRenderer();
      await expect(createBridge(ipc).invoke(channel as unknown as MainChannel)).rejects.toThrow(Error);
      expect(ipc.invoke).not.toHaveBeenCalled();
    },
  );
});

describe('menu commands reach the page, and unsubscribing really stops them', () => {
  it('delivers known commands without the IPC event object', () => {
    const ipc = new FakeIpcRenderer();
    const listener = vi.fn();
    createBridge(ipc).onMenuCommand(listener);
    ipc.emit(MENU_EVENT_CHANNEL, { sender: ipc }, 'edit:find');
    expect(listener).toHaveBeenCalledExactlyOnceWith('edit:find');
  });

  it('drops unknown commands', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const ipc = new FakeIpcRenderer();
    const listener = vi.fn();
    createBridge(ipc).onMenuCommand(listener);
    ipc.emit(MENU_EVENT_CHANNEL, {}, 'shell:rm-rf');
    ipc.emit(MENU_EVENT_CHANNEL, {}, { command: 'edit:find' });
    expect(listener).not.toHaveBeenCalled();
  });

  it('the disposer removes exactly its own listener, once', () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createBridge(ipc);
    const first = vi.fn();
    const second = vi.fn();
    const disposeFirst = bridge.onMenuCommand(first);
    bridge.onMenuCommand(second);
    disposeFirst();
    disposeFirst();
    ipc.emit(MENU_EVENT_CHANNEL, {}, 'help:about');
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith('help:about');
    expect(ipc.listenerCount(MENU_EVENT_CHANNEL)).toBe(1);
  });

  it('refuses a listener that is not a function', () => {
    expect(() => createBridge(new FakeIpcRenderer()).onMenuCommand('alert(1)' as never)).toThrow(TypeError);
  });
});
