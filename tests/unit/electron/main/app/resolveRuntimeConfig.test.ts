import { describe, expect, it } from 'vitest';
import { resolveRuntimeConfig } from '../../../../../electron/main/app/resolveRuntimeConfig';
import { isTrustedUrl } from '../../../../../electron/main/security/trustedOrigins';

describe('the installed app always loads its own files', () => {
  it('loads app://duet/ and trusts only that origin', () => {
    const config = resolveRuntimeConfig({}, true);
    expect(config).toMatchObject({ rendererUrl: 'app://duet/', isDev: false, userDataDir: null });
    expect(config.trustedOrigins).toEqual([{ protocol: 'app:', host: 'duet' }]);
  });

  it('ignores a dev server URL and a profile override in an installed app', () => {
    const config = resolveRuntimeConfig(
      { ELECTRON_RENDERER_URL: 'http://localhost:5173', DUET_USER_DATA_DIR: '/tmp/x' },
      true,
    );
    expect(config.rendererUrl).toBe('app://duet/');
    expect(config.userDataDir).toBeNull();
    expect(isTrustedUrl('http://localhost:5173/', config.trustedOrigins)).toBe(false);
  });
});

describe('development loads the Vite dev server', () => {
  it('loads and trusts the dev server next to app://duet', () => {
    const config = resolveRuntimeConfig({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false);
    expect(config.rendererUrl).toBe('http://localhost:5173/');
    expect(config.isDev).toBe(true);
    expect(isTrustedUrl('http://localhost:5173/src/main.tsx', config.trustedOrigins)).toBe(true);
    expect(isTrustedUrl('app://duet/', config.trustedOrigins)).toBe(true);
  });

  it.each([
    'https://evil.example',
    'http://192.168.1.20:5173',
    'file:///tmp/index.html',
    'localhost:5173',
    'javascript:1',
  ])('refuses to start with ELECTRON_RENDERER_URL=%s', (url) => {
    expect(() => resolveRuntimeConfig({ ELECTRON_RENDERER_URL: url }, false)).toThrow(/ELECTRON_RENDERER_URL/);
  });

  it('lets tests use their own profile folder, which must be absolute', () => {
    expect(resolveRuntimeConfig({ DUET_USER_DATA_DIR: '/tmp/duet-test' }, false).userDataDir).toBe('/tmp/duet-test');
    expect(() => resolveRuntimeConfig({ DUET_USER_DATA_DIR: 'relative/dir' }, false)).toThrow(/absolute/);
  });

  it('a built but unpackaged app (npm start, Electron tests) serves app://duet with dev menus', () => {
    expect(resolveRuntimeConfig({}, false)).toMatchObject({ rendererUrl: 'app://duet/', isDev: true });
  });
});
