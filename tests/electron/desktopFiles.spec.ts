/**
 * A .duet file handed to the real desktop app on its command line (what a double-click does on Windows and
 * Linux): the window asks before importing it, and the import follows the user's answer. Runs where the
 * Electron binary is installed; elsewhere it is skipped with the reason printed (see electronBinary.ts).
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeEmptyWorkspaceFile } from '../e2e/support/workspaceFiles';
import { findElectronBinary } from './electronBinary';

const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
const binary = findElectronBinary(PROJECT_ROOT);
if (!binary.found) console.log(`[electron-tests] skipped: ${binary.reason}`);

test.describe('workspace files from the desktop', () => {
  test.skip(!binary.found, binary.found ? '' : binary.reason);

  test('a .duet file on the command line is offered for import, and imported when confirmed', async () => {
    if (!binary.found) return;
    const entry = join(PROJECT_ROOT, 'out', 'main', 'index.js');
    if (!existsSync(entry)) throw new Error(`[electron-tests] ${entry} is missing: run \`npm run build\` first`);
    const profile = mkdtempSync(join(tmpdir(), 'duet-electron-files-'));
    const file = join(profile, 'Harbor.duet');
    writeEmptyWorkspaceFile(file, { id: 'harbor', name: 'Harbor' });
    const env: Record<string, string> = { ...(process.env as Record<string, string>), DUET_USER_DATA_DIR: profile };
    delete env.ELECTRON_RENDERER_URL;
    const app = await electron.launch({
      executablePath: binary.executablePath,
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), PROJECT_ROOT, file],
      env,
    });
    try {
      const page = await app.firstWindow();
      const confirm = page.getByTestId('import-confirm');
      await expect(confirm).toContainText('Harbor.duet holds the workspace “Harbor”');
      await confirm.getByRole('button', { name: 'Import workspace' }).click();
      await expect(page.getByTestId('workspace-empty')).toBeVisible();
      await expect(page.locator('.workspace-name')).toHaveText('Harbor');
    } finally {
      await app.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
