// `npm start`: builds Duet and launches the desktop app. Where the Electron binary is not installed yet it
// is downloaded once; where that is impossible (no network to Electron's servers) the same renderer is
// served as the browser client instead, and the reason is printed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveRenderer } from './serveRenderer.mjs';

const root = resolve(import.meta.dirname, '..');
const electronDir = join(root, 'node_modules', 'electron');

/** Path of the Electron executable if it is installed, else null (never triggers a download). */
export function installedElectron() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : null;
}

/** Serves the browser client on `preferred`, or the next free port after it (another Duet may be running). */
async function serveOnFreePort(preferred) {
  for (let port = preferred; port < preferred + 20; port++) {
    try {
      return await serveRenderer({ port });
    } catch (error) {
      if (error.code !== 'EADDRINUSE') throw error;
    }
  }
  return serveRenderer({ port: 0 });
}

const build = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

let electron = installedElectron();
if (electron === null) {
  console.log('[start] Electron is not installed yet; downloading it once…');
  const install = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: root,
    stdio: 'inherit',
    timeout: 180_000,
  });
  electron = install.status === 0 ? installedElectron() : null;
}

if (electron !== null) {
  const child = spawn(electron, [root], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const { url } = await serveOnFreePort(Number(process.env.PORT ?? 5174));
  console.log(
    '\n[start] The Electron binary could not be downloaded on this machine, so Duet runs as its browser client.\n' +
      `[start] Open ${url} in Chromium, Chrome, Edge or Firefox. Press Ctrl+C to stop.`,
  );
}
