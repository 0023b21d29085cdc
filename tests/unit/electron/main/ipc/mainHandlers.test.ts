import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '@shared/domain/settings';
import { ok } from '@shared/result';
import { createMainHandlers, type MainHandlerDeps } from '../../../../../electron/main/ipc/mainHandlers';
import { createSecretStore } from '../../../../../electron/main/secrets/secretStore';
import { createSettingsStore } from '../../../../../electron/main/settings/settingsStore';

function setup(overrides: Partial<MainHandlerDeps> = {}) {
  const showSaveDialog = vi.fn(async () => ({ canceled: true, filePath: '' }));
  const showOpenDialog = vi.fn(async () => ({ canceled: true, filePaths: [] }));
  const openExternal = vi.fn(async (_url: string) => {});
  const deps: MainHandlerDeps = {
    appInfo: { version: '1.2.3', platform: 'linux' },
    settings: createSettingsStore({ store: {} }),
    exportDeps: {
      showSaveDialog,
      fs: {
        open: vi.fn(),
        rename: vi.fn(),
        unlink: vi.fn(),
        access: vi.fn(),
      },
      defaultDirectory: '/home/u/Documents',
    },
    importDeps: { showOpenDialog, fs: { open: vi.fn() }, defaultDirectory: '/home/u/Documents' },
    openExternal,
    secrets: createSecretStore(
      {
        isEncryptionAvailable: () => true,
        encryptString: (plain) => Buffer.from(`enc:${plain}`),
        decryptString: (data) => data.toString().slice(4),
      },
      { read: () => null, write: () => {} },
    ),
    ...overrides,
  };
  return { handlers: createMainHandlers(deps), openExternal, showSaveDialog, showOpenDialog };
}

describe('the About box learns the version and platform', () => {
  it('reports version, platform and the electron shell', async () => {
    const { handlers } = setup();
    await expect(handlers['app:info']()).resolves.toEqual({ version: '1.2.3', platform: 'linux', shell: 'electron' });
  });

  it('treats arguments to an argument-less call as a bug', async () => {
    const { handlers } = setup();
    await expect(handlers['app:info']('extra')).rejects.toThrow(/no arguments/);
    await expect(handlers['settings:get']({})).rejects.toThrow(/no arguments/);
  });
});

describe('settings reach the renderer only in valid shape', () => {
  it('returns defaults on first start and the saved values afterwards', async () => {
    const { handlers } = setup();
    await expect(handlers['settings:get']()).resolves.toEqual(DEFAULT_SETTINGS);
    const updated = await handlers['settings:update']({ displayName: 'Ada' });
    expect(updated).toEqual(ok({ ...DEFAULT_SETTINGS, displayName: 'Ada' }));
    await expect(handlers['settings:get']()).resolves.toMatchObject({ displayName: 'Ada' });
  });

  it('refuses a malformed call with a message instead of throwing', async () => {
    const { handlers } = setup();
    expect(await handlers['settings:update']()).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await handlers['settings:update']({}, {})).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

describe('the page can open web and mail links, and nothing else', () => {
  it.each(['https://example.com/', 'http://example.com/a?b=c', 'mailto:team@example.com'])('opens %s', async (url) => {
    const { handlers, openExternal } = setup();
    expect(await handlers['shell:openExternal'](url)).toEqual(ok(null));
    expect(openExternal).toHaveBeenCalledWith(url);
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://attacker/share',
    'ms-msdt:/id PCWDiagnostic',
    'C:\\Windows\\System32\\calc.exe',
    '/usr/bin/xcalc',
    `https://example.com/${'a'.repeat(5000)}`,
    42,
    null,
    { href: 'https://example.com' },
  ])('refuses %s without calling the OS', async (url) => {
    const { handlers, openExternal } = setup();
    expect(await handlers['shell:openExternal'](url)).toMatchObject({ ok: false, error: { code: 'denied' } });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('refuses extra arguments', async () => {
    const { handlers, openExternal } = setup();
    expect((await handlers['shell:openExternal']('https://a.b/', 'x')).ok).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('tells the user when the OS cannot open the link', async () => {
    const { handlers } = setup({ openExternal: () => Promise.reject(new Error('No application for mailto')) });
    expect(await handlers['shell:openExternal']('mailto:a@b.co')).toMatchObject({
      ok: false,
      error: { code: 'io', message: expect.stringContaining('No application') },
    });
  });
});

describe('workspace calls check their arguments before any dialog opens', () => {
  it('export refuses wrong argument counts and types', async () => {
    const { handlers, showSaveDialog } = setup();
    expect((await handlers['workspace:export'](new Uint8Array(1))).ok).toBe(false);
    expect((await handlers['workspace:export']('bytes', 'name')).ok).toBe(false);
    expect((await handlers['workspace:export']([1, 2, 3], 'name')).ok).toBe(false);
    expect((await handlers['workspace:export'](new Uint8Array(1), 42)).ok).toBe(false);
    expect(showSaveDialog).not.toHaveBeenCalled();
  });

  it('import refuses arguments and otherwise shows the dialog', async () => {
    const { handlers, showOpenDialog } = setup();
    expect((await handlers['workspace:import']('/etc/passwd')).ok).toBe(false);
    expect(showOpenDialog).not.toHaveBeenCalled();
    expect(await handlers['workspace:import']()).toEqual(ok(null));
    expect(showOpenDialog).toHaveBeenCalledTimes(1);
  });
});
