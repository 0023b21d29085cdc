/**
 * A .duet file the OS hands to the running desktop app (a double-click: 'open-file' on macOS, a second
 * launch elsewhere), through the desktop shell: the main process's real queue reads the file and announces
 * it, the page takes it ('workspace:takeOpened'), asks before importing, and imports when confirmed — the
 * path the Electron-only test (tests/electron/desktopFiles.spec.ts) drives where the binary can run.
 */
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { installDesktopShell } from './support/desktopShell';
import { createWorkspace, toast } from './support/duet';
import { writeEmptyWorkspaceFile } from './support/workspaceFiles';

test('a .duet file opened from the OS is offered for import, and imported when confirmed', async ({ page }) => {
  const shell = await installDesktopShell(page);
  try {
    const file = join(shell.dir, 'Harbor.duet');
    writeEmptyWorkspaceFile(file, { id: 'harbor', name: 'Harbor' });
    await createWorkspace(page, 'Acme marketing');
    expect(shell.openedFiles.open(file)).toEqual({ ok: true, value: null });
    const confirm = page.getByTestId('import-confirm');
    await expect(confirm).toContainText('Harbor.duet holds the workspace “Harbor”');
    await confirm.getByRole('button', { name: 'Import workspace' }).click();
    await expect(toast(page, /^Imported “Harbor”/)).toBeVisible();
    await expect(page.locator('.workspace-name')).toHaveText('Harbor');
    expect(shell.openedFiles.waiting).toBe(0);
  } finally {
    await shell.dispose();
  }
});
