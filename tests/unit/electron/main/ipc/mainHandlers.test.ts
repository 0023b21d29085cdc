import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '@shared/domain/settings';
import { fail, ok } from '@shared/result';
import type { Host } from '../../../../../electron/main/host/createHost';
import { createMainHandlers, type MainHandlerDeps } from '../../../../../electron/main/ipc/mainHandlers';
import { createSecretStore } from '../../../../../electron/main/secrets/secretStore';
import { createSettingsStore } from '../../../../../electron/main/settings/settingsStore';

function fakeHost(): Host {
  return {
    start: vi.fn(async ({ port, shareOnNetwork }) =>
      ok({
        port,
        shareOnNetwork,
        localUrl: `ws://127.0.0.1:${port}`,
        lanUrls: [],
        storage: 'files' as const,
        dataDir: '/data',
      }),
    ),
    stop: vi.fn(async () => ok(null)),
    status: vi.fn(() => ({ state: 'stopped' as const })),
    invite: vi.fn(async () => ok({ token: 't.s', memberId: 'm1' })),
    members: vi.fn(async () => ok([])),
    setRole: vi.fn(async ({ memberId, role }) =>
      ok({ id: memberId, name: 'Sam', role, createdAt: 1, lastSeenAt: null, devices: 0, revokedAt: null }),
    ),
    revoke: vi.fn(async (memberId) =>
      ok({
        id: memberId,
        name: 'Sam',
        role: 'sales' as const,
        createdAt: 1,
        lastSeenAt: null,
        devices: 0,
        revokedAt: 2,
      }),
    ),
  };
}

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
    deck: {
      save: {
        showSaveDialog,
        fs: { open: vi.fn(), rename: vi.fn(), unlink: vi.fn(), access: vi.fn() },
        defaultDirectory: '/home/u/Documents',
      },
      createPrintWindow: vi.fn(),
    },
    openExternal,
    secrets: createSecretStore(
      {
        isEncryptionAvailable: () => true,
        encryptString: (plain) => Buffer.from(`enc:${plain}`),
        decryptString: (data) => data.toString().slice(4),
      },
      { read: () => null, write: () => {} },
    ),
    host: fakeHost(),
    notify: vi.fn(() => true),
    openedFiles: { take: vi.fn(async () => ok(null)) },
    ...overrides,
  };
  return { handlers: createMainHandlers(deps), openExternal, showSaveDialog, showOpenDialog, host: deps.host };
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

describe('the appearance setting reaches the main process', () => {
  it('tells the main process after a valid change, and not after a refused one', async () => {
    const settingsChanged = vi.fn();
    const { handlers } = setup({ settingsChanged });
    await handlers['settings:update']({ theme: 'dark' });
    expect(settingsChanged).toHaveBeenCalledWith(expect.objectContaining({ theme: 'dark' }));
    await handlers['settings:update']({ theme: 'purple' });
    expect(settingsChanged).toHaveBeenCalledTimes(1);
  });
});

describe('workspace files handed to Duet by the OS', () => {
  it('hands the renderer the waiting file and refuses arguments', async () => {
    const file = { fileName: 'Acme.duet', bytes: new Uint8Array([1]) };
    const take = vi.fn(async () => ok(file));
    const { handlers } = setup({ openedFiles: { take } });
    expect((await handlers['workspace:takeOpened']('/etc/passwd')).ok).toBe(false);
    expect(take).not.toHaveBeenCalled();
    expect(await handlers['workspace:takeOpened']()).toEqual(ok(file));
  });

  it('remembers an exported file for File → Open Recent', async () => {
    const workspaceFileSaved = vi.fn();
    const { handlers, showSaveDialog } = setup({ workspaceFileSaved });
    showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await handlers['workspace:export'](new Uint8Array(4), 'Acme.duet');
    expect(workspaceFileSaved).not.toHaveBeenCalled();
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

describe('hosting is driven only with well-formed requests', () => {
  it('starts on a chosen port and reports the status', async () => {
    const { handlers, host } = setup();
    expect(await handlers['host:start']({ port: 4455, shareOnNetwork: true })).toMatchObject({
      ok: true,
      value: { port: 4455, shareOnNetwork: true },
    });
    expect(host.start).toHaveBeenCalledWith({ port: 4455, shareOnNetwork: true });
    expect(await handlers['host:status']()).toEqual(ok({ state: 'stopped' }));
    expect(await handlers['host:stop']()).toEqual(ok(null));
  });

  it.each([
    [[]],
    [[{ port: 80, shareOnNetwork: false }]],
    [[{ port: 70_000, shareOnNetwork: false }]],
    [[{ port: 4455.5, shareOnNetwork: false }]],
    [[{ port: '4455', shareOnNetwork: false }]],
    [[{ port: 4455, shareOnNetwork: 'yes' }]],
    [[{ port: 4455, shareOnNetwork: false, host: '0.0.0.0' }]],
    [[{ port: 4455, shareOnNetwork: false }, 'extra']],
  ])('refuses start arguments %j without starting anything', async (args) => {
    const { handlers, host } = setup();
    expect(await handlers['host:start'](...args)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(host.start).not.toHaveBeenCalled();
  });

  it('invites with a known role and a bounded name', async () => {
    const { handlers, host } = setup();
    const input = { workspaceId: 'acme', name: '  Sam  ', role: 'sales' };
    expect(await handlers['host:invite'](input)).toEqual(ok({ token: 't.s', memberId: 'm1' }));
    expect(host.invite).toHaveBeenCalledWith({ workspaceId: 'acme', name: 'Sam', role: 'sales' });
  });

  it.each([
    [{ workspaceId: 'acme', name: 'Sam', role: 'admin' }, /role/],
    [{ workspaceId: 'acme', name: '', role: 'sales' }, /name/],
    [{ workspaceId: 'acme', name: 'x'.repeat(81), role: 'sales' }, /name/],
    [{ workspaceId: '../etc', name: 'Sam', role: 'sales' }, /workspace/],
    [null, /workspace/],
  ])('refuses the invite %j', async (input, message) => {
    const { handlers, host } = setup();
    const result = await handlers['host:invite'](input);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', message } });
    expect(host.invite).not.toHaveBeenCalled();
  });

  it('manages members only with a member id and a known role', async () => {
    const { handlers, host } = setup();
    expect(await handlers['host:members']('acme')).toEqual(ok([]));
    expect(await handlers['host:setRole']({ memberId: 'm1', role: 'marketing' })).toMatchObject({
      ok: true,
      value: { role: 'marketing' },
    });
    expect(await handlers['host:revoke']('m1')).toMatchObject({ ok: true, value: { revokedAt: 2 } });
    for (const [channel, args, message] of [
      ['host:members', ['../etc'], /workspace/],
      ['host:members', [], /workspace/],
      ['host:setRole', [{ memberId: 'm1', role: 'admin' }], /role/],
      ['host:setRole', [{ memberId: 'm1', role: 'sales', extra: 1 }], /member/],
      ['host:setRole', ['m1', 'sales'], /member/],
      ['host:revoke', [{ memberId: 'm1' }], /member/],
      ['host:revoke', ['m1', 'm2'], /member/],
    ] as const) {
      const handler = handlers[channel] as (...a: unknown[]) => Promise<unknown>;
      expect(await handler(...args), `${channel} ${JSON.stringify(args)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid-input', message },
      });
    }
    expect(host.members).toHaveBeenCalledTimes(1);
    expect(host.setRole).toHaveBeenCalledTimes(1);
    expect(host.revoke).toHaveBeenCalledTimes(1);
  });

  it('passes the host’s own refusals through as values', async () => {
    const host = fakeHost();
    vi.mocked(host.start).mockResolvedValueOnce(fail('io', 'Port 4455 is already in use — choose another.'));
    const { handlers } = setup({ host });
    expect(await handlers['host:start']({ port: 4455, shareOnNetwork: false })).toEqual(
      fail('io', 'Port 4455 is already in use — choose another.'),
    );
  });

  it('shows a decision notification only while the person has turned them on, within limits', async () => {
    const notify = vi.fn(() => true);
    const settings = createSettingsStore({ store: {} });
    const { handlers } = setup({ notify, settings });
    expect(await handlers['notify:show']({ title: 'Approved', body: '“Positioning” was approved' })).toMatchObject({
      ok: false,
      error: { code: 'denied' },
    });
    expect(notify).not.toHaveBeenCalled();
    settings.update({ notifyDecisions: true });
    expect(await handlers['notify:show']({ title: 'Approved', body: 'x'.repeat(5000) })).toEqual(ok(null));
    expect(notify).toHaveBeenCalledWith('Approved', 'x'.repeat(400));
    const bad = handlers['notify:show'] as (...a: unknown[]) => Promise<unknown>;
    expect(await bad('Approved')).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await bad({ title: 1, body: '' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
