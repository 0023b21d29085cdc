/**
 * Finds the Electron executable without loading the `electron` package: its index.js downloads the binary
 * when it is missing, which must never happen from a test run (there may be no network, and a test must
 * not install things). Reads node_modules/electron/path.txt, as that package does, and checks the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The executable, or why there is none. */
export type ElectronBinary = { found: true; executablePath: string } | { found: false; reason: string };

const INSTALL_HINT = 'run `npx install-electron` where it can be downloaded';

/** Looks for the binary installed under `<projectRoot>/node_modules/electron`. */
export function findElectronBinary(projectRoot: string): ElectronBinary {
  const packageDir = join(projectRoot, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return { found: false, reason: `Electron binary not installed (cannot be downloaded here) — ${INSTALL_HINT}` };
  }
  const executablePath = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(executablePath)) {
    return { found: false, reason: `Electron binary missing at ${executablePath} — ${INSTALL_HINT}` };
  }
  return { found: true, executablePath };
}
