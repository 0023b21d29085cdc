import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ELECTRON_DIR = join(import.meta.dirname, '../../../electron');

/** The only files allowed to load electron (or electron-store, which loads it) at runtime. */
const RUNTIME_FILES = new Set([
  'main/index.ts',
  'main/startMainProcess.ts',
  'main/window/createMainWindow.ts',
  'main/settings/openSettingsBacking.ts',
  'preload/index.ts',
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('the desktop shell stays testable without the Electron binary', () => {
  const files = sourceFiles(ELECTRON_DIR).map((path) => ({
    name: relative(ELECTRON_DIR, path).split('\\').join('/'),
    text: readFileSync(path, 'utf8'),
  }));

  it('only the wiring files import electron at runtime; every other module imports types only', () => {
    const runtimeImport = /^\s*import\s+(?!type\b)[^;]*from\s+['"](electron|electron-store)['"]/m;
    const offenders = files.filter((file) => runtimeImport.test(file.text) && !RUNTIME_FILES.has(file.name));
    expect(offenders.map((file) => file.name)).toEqual([]);
  });

  it('no module requires electron dynamically', () => {
    const dynamic = /(require|import)\(\s*['"]electron/;
    expect(files.filter((file) => dynamic.test(file.text)).map((file) => file.name)).toEqual([]);
  });

  it('the preload exposes one global, window.duet', () => {
    const preload = files.find((file) => file.name === 'preload/index.ts')?.text ?? '';
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toContain("exposeInMainWorld('duet', createBridge(ipcRenderer))");
  });
});
