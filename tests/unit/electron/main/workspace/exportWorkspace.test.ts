import * as fs from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_WORKSPACE_FILE_BYTES } from '@shared/ipc/contract';
import { exportWorkspace, type ExportWorkspaceDeps } from '../../../../../electron/main/workspace/exportWorkspace';
import { sanitizeWorkspaceFileName } from '../../../../../electron/main/workspace/workspaceFileName';
import { writeFileAtomic, type AtomicWriteFs } from '../../../../../electron/main/workspace/writeFileAtomic';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'duet-export-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

const realFs = {
  open: fs.open,
  rename: fs.rename,
  unlink: fs.unlink,
  access: fs.access,
} as unknown as ExportWorkspaceDeps['fs'];

function deps(filePath: string | null, fsImpl = realFs) {
  const showSaveDialog = vi.fn(async () =>
    filePath === null ? { canceled: true, filePath: '' } : { canceled: false, filePath },
  );
  return { showSaveDialog, fs: fsImpl, defaultDirectory: '/home/u/Documents' } satisfies ExportWorkspaceDeps;
}

const BYTES = new Uint8Array([0x44, 0x55, 0x45, 0x54, 1, 2, 3]);

describe('exporting a workspace writes a .duet file where the user chose', () => {
  it('offers a sanitized name with the .duet filter in Documents', async () => {
    const d = deps(null);
    await exportWorkspace(d, BYTES, 'Q3 / Pricing: "final"');
    expect(d.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        defaultPath: join('/home/u/Documents', 'Q3 - Pricing- -final-.duet'),
        filters: [{ name: 'Duet workspace', extensions: ['duet'] }],
      }),
    );
  });

  it('writes the bytes and returns the path', async () => {
    const target = join(dir, 'Acme.duet');
    expect(await exportWorkspace(deps(target), BYTES, 'Acme')).toEqual({ ok: true, value: { path: target } });
    expect(new Uint8Array(await readFile(target))).toEqual(BYTES);
    expect(await readdir(dir)).toEqual(['Acme.duet']);
  });

  it('returns null when the user cancels, and writes nothing', async () => {
    expect(await exportWorkspace(deps(null), BYTES, 'Acme')).toEqual({ ok: true, value: null });
    expect(await readdir(dir)).toEqual([]);
  });

  it('adds the extension a Linux dialog left off', async () => {
    const result = await exportWorkspace(deps(join(dir, 'Acme')), BYTES, 'Acme');
    expect(result).toEqual({ ok: true, value: { path: join(dir, 'Acme.duet') } });
  });

  it('does not silently replace a file the user never confirmed overwriting', async () => {
    await writeFile(join(dir, 'Acme.duet'), 'precious');
    const result = await exportWorkspace(deps(join(dir, 'Acme')), BYTES, 'Acme');
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await readFile(join(dir, 'Acme.duet'), 'utf8')).toBe('precious');
  });

  it('replaces a file the user confirmed in the dialog', async () => {
    await writeFile(join(dir, 'Acme.duet'), 'old');
    expect((await exportWorkspace(deps(join(dir, 'Acme.duet')), BYTES, 'Acme')).ok).toBe(true);
    expect(new Uint8Array(await readFile(join(dir, 'Acme.duet')))).toEqual(BYTES);
  });

  it('refuses data that is not bytes, or too large, before showing a dialog', async () => {
    const d = deps(join(dir, 'x.duet'));
    expect(await exportWorkspace(d, 'text', 'x')).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await exportWorkspace(d, new Uint16Array(4), 'x')).toMatchObject({ ok: false });
    const huge = { byteLength: MAX_WORKSPACE_FILE_BYTES + 1 };
    // A real 256 MB buffer would slow the suite; a view over a small buffer with a fake length is not a
    // Uint8Array, so check the limit with a subclass reporting the size instead.
    class Huge extends Uint8Array {
      override get byteLength(): number {
        return huge.byteLength;
      }
    }
    expect(await exportWorkspace(d, new Huge(1), 'x')).toMatchObject({
      ok: false,
      error: { code: 'too-large', message: expect.stringContaining('256 MB') },
    });
    expect(d.showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('an export never leaves a half-written file', () => {
  it('keeps the old file intact and removes the temporary one when the disk fills up', async () => {
    const target = join(dir, 'Acme.duet');
    await writeFile(target, 'previous export');
    const fullDisk: AtomicWriteFs = {
      ...realFs,
      open: async (path, flags, mode) => {
        const handle = await fs.open(path, flags, mode);
        return {
          writeFile: async (data: Uint8Array) => {
            await handle.writeFile(data.subarray(0, 2)); // a partial write, then the disk is full
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    const result = await writeFileAtomic(fullDisk, target, BYTES);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'io', message: expect.stringContaining('disk is full') },
    });
    expect(await readFile(target, 'utf8')).toBe('previous export');
    expect(await readdir(dir)).toEqual(['Acme.duet']);
  });

  it('cleans up when the final rename fails', async () => {
    const target = join(dir, 'Acme.duet');
    const failingRename: AtomicWriteFs = {
      ...realFs,
      rename: async () => {
        throw Object.assign(new Error('EXDEV'), { code: 'EXDEV' });
      },
    };
    expect((await writeFileAtomic(failingRename, target, BYTES)).ok).toBe(false);
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports a folder it may not write to', async () => {
    const denied: AtomicWriteFs = {
      ...realFs,
      open: async () => {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      },
    };
    expect(await writeFileAtomic(denied, join(dir, 'a.duet'), BYTES)).toMatchObject({
      ok: false,
      error: { code: 'io', message: expect.stringContaining('not allowed') },
    });
  });

  it('lets a bug throw instead of disguising it as a disk error', async () => {
    const buggy: AtomicWriteFs = {
      ...realFs,
      open: async () => {
        throw new TypeError('bug');
      },
    };
    await expect(writeFileAtomic(buggy, join(dir, 'a.duet'), BYTES)).rejects.toThrow('bug');
  });
});

describe('exported file names are valid on every OS', () => {
  it.each([
    ['Acme', 'Acme.duet'],
    ['Acme.duet', 'Acme.duet'],
    ['Acme.DUET', 'Acme.duet'],
    ['../../etc/passwd', 'etc-passwd.duet'],
    ['..\\..\\Windows\\win.ini', 'Windows-win.ini.duet'],
    ['a/b\\c:d*e?f"g<h>i|j', 'a-b-c-d-e-f-g-h-i-j.duet'],
    ['  spaced   out  ', 'spaced out.duet'],
    ['.hidden', 'hidden.duet'],
    ['trailing dots...', 'trailing dots.duet'],
    ['line\nbreak\u0000nul', 'line break-nul.duet'],
    ['evil\u202Etxt.exe', 'evil-txt.exe.duet'],
    ['CON', '_CON.duet'],
    ['com1', '_com1.duet'],
    ['', 'Workspace.duet'],
    ['...', 'Workspace.duet'],
    [42, 'Workspace.duet'],
    [null, 'Workspace.duet'],
  ])('%j → %s', (input, expected) => {
    expect(sanitizeWorkspaceFileName(input)).toBe(expected);
  });

  it('keeps names short', () => {
    expect(sanitizeWorkspaceFileName('x'.repeat(500)).length).toBe(100 + '.duet'.length);
  });
});
