import { describe, expect, it, vi } from 'vitest';
import { fail, ok } from '@shared/result';
import { createOpenedFiles, MAX_WAITING_FILES } from '../../../../../electron/main/files/openedFiles';

function setup() {
  const read = vi.fn(async (path: string) =>
    path.includes('gone')
      ? fail('io', `${path} could not be read`)
      : ok({ fileName: path, bytes: new Uint8Array([1]) }),
  );
  const files = createOpenedFiles(read);
  const hooks = { announce: vi.fn(), remember: vi.fn() };
  return { files, read, hooks };
}

describe('files the OS hands to Duet wait until the page takes them', () => {
  it('keeps a file opened before the app is ready, and the page takes it at start', async () => {
    const { files, read, hooks } = setup();
    expect(files.open('/home/ana/Acme.duet')).toEqual(ok(null));
    expect(read).not.toHaveBeenCalled();
    files.connect(hooks);
    expect(await files.take()).toEqual(ok({ fileName: '/home/ana/Acme.duet', bytes: new Uint8Array([1]) }));
    expect(hooks.remember).toHaveBeenCalledWith('/home/ana/Acme.duet');
    expect(await files.take()).toEqual(ok(null));
  });

  it('announces each file to the page once it is connected', () => {
    const { files, hooks } = setup();
    files.connect(hooks);
    files.open('/a.duet');
    expect(hooks.announce).toHaveBeenCalledTimes(1);
  });

  it('refuses anything that is not a .duet path, without reading it', async () => {
    const { files, read } = setup();
    expect(files.open('/etc/passwd')).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(files.open(42)).toMatchObject({ ok: false });
    expect(files.waiting).toBe(0);
    await files.take();
    expect(read).not.toHaveBeenCalled();
  });

  it('passes a read failure to the page and does not remember the file', async () => {
    const { files, hooks } = setup();
    files.connect(hooks);
    files.open('/mnt/gone/Acme.duet');
    expect(await files.take()).toMatchObject({ ok: false, error: { code: 'io' } });
    expect(hooks.remember).not.toHaveBeenCalled();
  });

  it('imports the same file opened twice once, and keeps at most a handful waiting', async () => {
    const { files } = setup();
    files.open('/a.duet');
    files.open('/a.duet');
    expect(files.waiting).toBe(1);
    for (let i = 0; i < 50; i++) files.open(`/flood-${i}.duet`);
    expect(files.waiting).toBe(MAX_WAITING_FILES);
    expect(await files.take()).toMatchObject({
      ok: true,
      value: { fileName: `/flood-${50 - MAX_WAITING_FILES}.duet` },
    });
  });
});
