import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { findWorkspaceFileArg, isWorkspaceFilePath } from '../../../../../electron/main/files/workspaceFileArgs';

describe('a double-clicked .duet file reaches Duet as an argument', () => {
  it('finds the file among Chromium’s switches in a second instance’s argv', () => {
    const argv = ['/opt/Duet/duet', '--allow-file-access-from-files', '--enable-features=X', '/home/ana/Acme.duet'];
    expect(findWorkspaceFileArg(argv, '/home/ana')).toBe('/home/ana/Acme.duet');
  });

  it('makes a relative path absolute against the launching directory', () => {
    expect(findWorkspaceFileArg(['duet', 'exports/Acme.DUET'], '/home/ana')).toBe(
      resolve('/home/ana', 'exports/Acme.DUET'),
    );
  });

  it('opens nothing when no argument is a workspace file (a dev launch, a plain start)', () => {
    expect(findWorkspaceFileArg(['electron', '.'], '/src/duet')).toBeNull();
    expect(findWorkspaceFileArg(['/opt/Duet/duet'], '/')).toBeNull();
    expect(findWorkspaceFileArg([], '/')).toBeNull();
  });

  it('never takes the executable itself, a switch or a non-string for a file', () => {
    expect(findWorkspaceFileArg(['/tmp/evil.duet'], '/')).toBeNull();
    expect(findWorkspaceFileArg(['duet', '--open=/tmp/a.duet'], '/')).toBeNull();
    expect(findWorkspaceFileArg(['duet', 42, null, { path: 'a.duet' }], '/')).toBeNull();
  });

  it('accepts only plausible .duet paths', () => {
    expect(isWorkspaceFilePath('C:\\Users\\Ana\\Acme.duet')).toBe(true);
    expect(isWorkspaceFilePath('/home/ana/notes.txt')).toBe(false);
    expect(isWorkspaceFilePath('/home/ana/.duet')).toBe(true);
    expect(isWorkspaceFilePath('.duet')).toBe(false);
    expect(isWorkspaceFilePath('/tmp/a\0.duet')).toBe(false);
    expect(isWorkspaceFilePath(`/${'a'.repeat(40_000)}.duet`)).toBe(false);
    expect(isWorkspaceFilePath(undefined)).toBe(false);
  });
});
