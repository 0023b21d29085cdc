import * as fs from 'node:fs/promises';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_WORKSPACE_FILE_BYTES } from '@shared/ipc/contract';
import {
  importWorkspace,
  type ImportWorkspaceDeps,
  type ReadableFileHandle,
} from '../../../../../electron/main/workspace/importWorkspace';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'duet-import-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function deps(picked: string | null, open: ImportWorkspaceDeps['fs']['open'] = (path, flags) => fs.open(path, flags)) {
  const showOpenDialog = vi.fn(async () =>
    picked === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [picked] },
  );
  return { showOpenDialog, fs: { open }, defaultDirectory: dir } satisfies ImportWorkspaceDeps;
}

describe('importing a workspace reads the file the user picked', () => {
  it('shows the open dialog for .duet files', async () => {
    const d = deps(null);
    await importWorkspace(d);
    expect(d.showOpenDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        filters: [{ name: 'Duet workspace', extensions: ['duet'] }],
        properties: ['openFile'],
      }),
    );
  });

  it('returns the file name and its bytes as a plain Uint8Array', async () => {
    const path = join(dir, 'Acme.duet');
    await writeFile(path, new Uint8Array([1, 2, 3]));
    const result = await importWorkspace(deps(path));
    expect(result.ok).toBe(true);
    if (!result.ok || result.value === null) throw new Error('expected a file');
    expect(result.value.fileName).toBe('Acme.duet');
    expect(result.value.bytes).toEqual(new Uint8Array([1, 2, 3]));
    expect(Object.getPrototypeOf(result.value.bytes)).toBe(Uint8Array.prototype);
    // IPC sends the whole underlying buffer: it must hold exactly the file, nothing from a shared pool.
    expect(result.value.bytes.buffer.byteLength).toBe(3);
  });

  it('returns null when the user cancels', async () => {
    expect(await importWorkspace(deps(null))).toEqual({ ok: true, value: null });
  });

  it('explains a file that vanished or a folder that was picked', async () => {
    expect(await importWorkspace(deps(join(dir, 'gone.duet')))).toMatchObject({
      ok: false,
      error: { code: 'io', message: expect.stringContaining('gone.duet') },
    });
    await mkdir(join(dir, 'folder.duet'));
    expect(await importWorkspace(deps(join(dir, 'folder.duet')))).toMatchObject({ ok: false });
  });
});

describe('a huge file is refused before it is read', () => {
  function fakeOpen(size: number, readBytes = 0) {
    const handle: ReadableFileHandle & { readFile: ReturnType<typeof vi.fn>; close: ReturnType<typeof vi.fn> } = {
      stat: async () => ({ size, isFile: () => true }),
      readFile: vi.fn(async () => new Uint8Array(readBytes)),
      close: vi.fn(async () => {}),
    };
    return { handle, open: async () => handle };
  }

  it('refuses a file over the limit with its size in the message, without reading it', async () => {
    const { handle, open } = fakeOpen(MAX_WORKSPACE_FILE_BYTES + 1);
    const result = await importWorkspace(deps('/x/Big.duet', open));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'too-large', message: expect.stringMatching(/Big\.duet is 256 MB.*up to 256 MB/) },
    });
    expect(handle.readFile).not.toHaveBeenCalled();
    expect(handle.close).toHaveBeenCalled();
  });

  it('accepts a file of exactly the limit', async () => {
    const { open } = fakeOpen(MAX_WORKSPACE_FILE_BYTES, 4);
    expect((await importWorkspace(deps('/x/Ok.duet', open))).ok).toBe(true);
  });

  it('refuses a file that grew past the limit while it was read', async () => {
    const { open } = fakeOpen(10, 0);
    const grown = async () => {
      const handle = await open();
      return { ...handle, readFile: async () => ({ byteLength: MAX_WORKSPACE_FILE_BYTES + 1 }) as Uint8Array };
    };
    expect(await importWorkspace(deps('/x/Growing.duet', grown))).toMatchObject({
      ok: false,
      error: { code: 'too-large' },
    });
  });
});
