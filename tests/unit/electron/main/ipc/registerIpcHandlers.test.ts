import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAIN_CHANNELS } from '@shared/ipc/contract';
import {
  createSenderCheck,
  isTrustedSender,
  type SenderEventLike,
} from '../../../../../electron/main/ipc/isTrustedSender';
import {
  registerIpcHandlers,
  type IpcMainLike,
  type MainHandlers,
} from '../../../../../electron/main/ipc/registerIpcHandlers';
import { APP_TRUSTED_ORIGIN, originOf } from '../../../../../electron/main/security/trustedOrigins';

type Listener = (event: SenderEventLike, ...args: unknown[]) => Promise<unknown>;

/** ipcMain stand-in that records handlers and lets a test call them as a renderer would. */
class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  call(channel: string, event: SenderEventLike, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return listener(event, ...args);
  }
}

const ourContents = { id: 1 };
const otherContents = { id: 2 };
const mainFrame = (url: string) => ({ url, parent: null });

function fakeHandlers(): MainHandlers {
  return {
    'app:info': vi.fn(async () => ({ version: '0.1.0', platform: 'linux', shell: 'electron' as const })),
    'settings:get': vi.fn(),
    'settings:update': vi.fn(),
    'workspace:export': vi.fn(),
    'workspace:import': vi.fn(),
    'workspace:takeOpened': vi.fn(),
    'shell:openExternal': vi.fn(async () => ({ ok: true as const, value: null })),
    'secrets:get': vi.fn(),
    'secrets:set': vi.fn(),
    'deck:save': vi.fn(),
    'deck:printToPdf': vi.fn(),
    'host:start': vi.fn(),
    'host:stop': vi.fn(),
    'host:status': vi.fn(),
    'host:invite': vi.fn(),
    'host:members': vi.fn(),
    'host:setRole': vi.fn(),
    'host:revoke': vi.fn(),
    'notify:show': vi.fn(),
  } as unknown as MainHandlers;
}

function setup(origins = [APP_TRUSTED_ORIGIN]) {
  const ipc = new FakeIpcMain();
  const handlers = fakeHandlers();
  const isTrusted = createSenderCheck({ origins, isAppContents: (sender) => sender === ourContents });
  const dispose = registerIpcHandlers(ipc, handlers, isTrusted);
  return { ipc, handlers, dispose };
}

beforeEach(() => vi.spyOn(console, 'warn').mockImplementation(() => {}));
afterEach(() => vi.restoreAllMocks());

describe('a page from another origin cannot call the IPC', () => {
  it('answers Duet’s own page', async () => {
    const { ipc } = setup();
    const info = await ipc.call('app:info', { sender: ourContents, senderFrame: mainFrame('app://duet/') });
    expect(info).toMatchObject({ shell: 'electron' });
  });

  it.each([
    'https://evil.example/',
    'app://evil/',
    'app://duet.evil.com/',
    'app://duet@evil/',
    'file:///home/user/evil.html',
    'data:text/html,hi',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'http://localhost:5173/',
  ])('refuses a frame showing %s, without running the handler', async (url) => {
    const { ipc, handlers } = setup();
    await expect(
      ipc.call('shell:openExternal', { sender: ourContents, senderFrame: mainFrame(url) }, 'https://x.example/'),
    ).rejects.toThrow(/refused/);
    expect(handlers['shell:openExternal']).not.toHaveBeenCalled();
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('untrusted sender'));
  });

  it('refuses an iframe inside Duet’s page, even one on Duet’s origin', async () => {
    const { ipc, handlers } = setup();
    const event = { sender: ourContents, senderFrame: { url: 'app://duet/', parent: mainFrame('app://duet/') } };
    await expect(ipc.call('app:info', event)).rejects.toThrow(/refused/);
    expect(handlers['app:info']).not.toHaveBeenCalled();
  });

  it('refuses a frame that is gone (navigated away or destroyed)', async () => {
    const { ipc } = setup();
    await expect(ipc.call('app:info', { sender: ourContents, senderFrame: null })).rejects.toThrow(/refused/);
  });

  it('refuses another web contents (devtools, a stray window) even if it shows app://duet', async () => {
    const { ipc } = setup();
    await expect(
      ipc.call('app:info', { sender: otherContents, senderFrame: mainFrame('app://duet/') }),
    ).rejects.toThrow(/refused/);
  });

  it('trusts the dev server only when it is configured', async () => {
    const dev = setup([APP_TRUSTED_ORIGIN, originOf('http://localhost:5173')]);
    await expect(
      dev.ipc.call('app:info', { sender: ourContents, senderFrame: mainFrame('http://localhost:5173/') }),
    ).resolves.toMatchObject({ shell: 'electron' });
    expect(isTrustedSender('http://localhost:5173/', [APP_TRUSTED_ORIGIN])).toBe(false);
  });
});

describe('only the contract’s channels exist', () => {
  it('registers exactly MAIN_CHANNELS', () => {
    const { ipc } = setup();
    expect([...ipc.handlers.keys()].sort()).toEqual([...MAIN_CHANNELS].sort());
  });

  it('passes the renderer’s arguments to the handler', async () => {
    const { ipc, handlers } = setup();
    await ipc.call(
      'shell:openExternal',
      { sender: ourContents, senderFrame: mainFrame('app://duet/') },
      'https://a.b/',
    );
    expect(handlers['shell:openExternal']).toHaveBeenCalledWith('https://a.b/');
  });

  it('refuses to start with a channel left without a handler', () => {
    const handlers = fakeHandlers() as Partial<MainHandlers>;
    delete handlers['workspace:import'];
    expect(() => registerIpcHandlers(new FakeIpcMain(), handlers as MainHandlers, () => true)).toThrow(
      /workspace:import/,
    );
  });

  it('the disposer removes every channel', () => {
    const { ipc, dispose } = setup();
    dispose();
    expect(ipc.handlers.size).toBe(0);
  });
});
