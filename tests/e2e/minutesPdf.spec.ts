/**
 * The minutes as a real PDF file, made the way the desktop app makes it: "Minutes (PDF)" sends the print
 * layout to the main process's 'deck:printToPdf' handler (the real one, through the desktop shell), which
 * prints it in a script-less page with Chromium's printing (page.pdf(), the path Electron's printToPDF
 * takes) and saves the file. The file's text (pdftotext) holds the decisions and the action items, and its
 * first page is rendered to a PNG (pdftoppm) for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { installDesktopShell } from './support/desktopShell';
import { createPlaybook, createWorkspace } from './support/duet';

const SCREENS = resolve(import.meta.dirname, '../../test-results/screens');

test('the minutes PDF holds the decisions and action items, on readable pages', async ({ page }) => {
  const shell = await installDesktopShell(page);
  try {
    await createWorkspace(page, 'Acme marketing', 'Maya Okafor');
    await createPlaybook(page, 'Launch story');
    await page.getByTestId('open-meetings').click();
    await page.getByTestId('new-meeting').click();
    const dialog = page.getByTestId('new-meeting-dialog');
    await dialog.getByTestId('new-agenda-item').fill('Pricing page');
    await dialog.getByRole('button', { name: 'Add item' }).click();
    await dialog.getByRole('button', { name: 'Create meeting' }).click();
    await expect(page.getByTestId('meeting-room')).toBeVisible();

    await page.getByTestId('new-decision').fill('Lead the launch with the ROI story');
    await page.getByRole('button', { name: 'Add decision' }).click();
    await page.getByTestId('new-action').fill('Refresh the pricing slide');
    await page.getByTestId('action-due').fill('2026-12-18');
    await page.getByRole('button', { name: 'Add action' }).click();
    await expect(page.getByTestId('action')).toContainText('Refresh the pricing slide');
    await page.getByTestId('item-notes').fill('Customers ask for payback within a year.');

    await page.getByTestId('minutes-pdf').click();
    await expect(page.locator('.toast').filter({ hasText: /Minutes saved to .+\.pdf/ })).toBeVisible({
      timeout: 15_000,
    });
    const pdf = shell.saved.at(-1)!;
    expect(pdf).toMatch(/Joint review.* minutes\.pdf$/);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const expected = [
      'Pricing page',
      'Lead the launch with the ROI story',
      'Refresh the pricing slide — Maya Okafor, due 2026-12-18',
      'Customers ask for payback within a year.',
    ];
    for (const line of expected) expect(text, `the PDF's text:\n${text}`).toContain(line);

    // The first page as an image, kept with the screens for a person to look at.
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(shell.dir, 'page')]);
    expect(existsSync(join(shell.dir, 'page.png'))).toBe(true);
    mkdirSync(SCREENS, { recursive: true });
    copyFileSync(join(shell.dir, 'page.png'), join(SCREENS, '47-minutes-pdf-page-1.png'));
  } finally {
    await shell.dispose();
  }
});
