import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { denyAllPermissions } from '../../../../../electron/main/security/denyAllPermissions';
import { hardenWebContents, type HardenableContents } from '../../../../../electron/main/security/hardenWebContents';
import { APP_TRUSTED_ORIGIN } from '../../../../../electron/main/security/trustedOrigins';

/** A stand-in for Electron's WebContents: an EventEmitter with a window-open handler slot. */
class FakeContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  /** Emits a navigation event and reports whether it was cancelled. */
  navigate(event: string, url: string): boolean {
    let prevented = false;
    this.emit(event, { url, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

function setup() {
  const contents = new FakeContents();
  const openExternal = vi.fn(async (_url: string) => {});
  const dispose = hardenWebContents(contents as unknown as HardenableContents, {
    origins: [APP_TRUSTED_ORIGIN],
    openExternal,
  });
  return { contents, openExternal, dispose };
}

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

describe('a page cannot take the Duet window somewhere else', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('cancels %s to another site', (event) => {
    const { contents } = setup();
    expect(contents.navigate(event, 'https://evil.example/')).toBe(true);
    expect(contents.navigate(event, 'file:///etc/passwd')).toBe(true);
    expect(contents.navigate(event, 'app://duet/')).toBe(false);
  });

  it('refuses to attach a <webview>', () => {
    const { contents } = setup();
    const preventDefault = vi.fn();
    contents.emit('will-attach-webview', { preventDefault });
    expect(preventDefault).toHaveBeenCalled();
  });

  it('never opens a window, and opens safe links in the browser instead', () => {
    const { contents, openExternal } = setup();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://example.com/');
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('reports a link the OS could not open instead of losing the error', async () => {
    const contents = new FakeContents();
    const failure = new Error('no browser');
    hardenWebContents(contents as unknown as HardenableContents, {
      origins: [APP_TRUSTED_ORIGIN],
      openExternal: () => Promise.reject(failure),
    });
    contents.windowOpenHandler?.({ url: 'https://example.com/' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('could not open'), failure);
  });

  it('the disposer removes the listeners but keeps new windows denied', () => {
    const { contents, dispose } = setup();
    dispose();
    expect(contents.listenerCount('will-navigate')).toBe(0);
    expect(contents.listenerCount('will-redirect')).toBe(0);
    expect(contents.listenerCount('will-attach-webview')).toBe(0);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });
});

describe('the page gets no browser permission', () => {
  it('denies every permission request and check', () => {
    let request: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
    let check: ((wc: unknown, permission: string) => boolean) | undefined;
    denyAllPermissions({
      setPermissionRequestHandler: (handler) => (request = handler),
      setPermissionCheckHandler: (handler) => (check = handler),
    });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid']) {
      const callback = vi.fn();
      request?.(null, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(check?.(null, permission)).toBe(false);
    }
  });
});
