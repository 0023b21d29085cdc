/**
 * 'deck:printToPdf': renders the deck's print layout to PDF in a hidden window and saves it where the user
 * chooses. The window is built to be unable to reach anything: sandboxed, no preload, JavaScript off, an
 * in-memory session whose every request except `data:` is cancelled, and a document whose CSP allows no
 * script, no network and no files. The renderer's markup is checked against an allowlist first.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { buildPrintDocument, checkPrintParts } from '@shared/deck/printDocument';
import { fail, type Result } from '@shared/result';

/** The in-memory session the print window uses (no "persist:" prefix: nothing is stored on disk). */
export const PRINT_PARTITION = 'duet-deck-print';

/** The hidden window's options. */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 1280,
    height: 720,
    webPreferences: {
      partition: PRINT_PARTITION,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      javascript: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      experimentalFeatures: false,
    },
  };
}

/** True for the only requests the print window may make: the document and its images, all `data:`. */
export function isPrintRequestAllowed(url: string): boolean {
  return url.startsWith('data:');
}

/** The part of Electron's Session the lock-down uses. */
export interface PrintSessionLike {
  webRequest: {
    onBeforeRequest(
      listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void,
    ): void;
  };
}

/** Cancels every request of the print session that is not `data:` (remote, file://, app://, anything). */
export function lockDownPrintSession(session: PrintSessionLike): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isPrintRequestAllowed(details.url);
    if (!allowed) console.warn(`[deck] print layout request blocked: ${details.url.slice(0, 80)}`);
    callback({ cancel: !allowed });
  });
}

/** The part of a BrowserWindow the printing uses. */
export interface PrintWindowLike {
  loadURL(url: string): Promise<void>;
  webContents: { printToPDF(options: Record<string, unknown>): Promise<Uint8Array> };
  destroy(): void;
  isDestroyed(): boolean;
}

/** What printing needs. */
export interface PrintDeckDeps {
  createPrintWindow: () => PrintWindowLike;
  /** Saves the PDF bytes (save dialog + atomic write), as 'deck:save' with kind 'pdf'. */
  save: (bytes: Uint8Array, suggestedName: string) => Promise<Result<{ path: string } | null>>;
}

/** Validates the layout, prints it to PDF and saves it. Cancel → ok(null). */
export async function printDeckToPdf(
  deps: PrintDeckDeps,
  layout: unknown,
  suggestedName: unknown,
): Promise<Result<{ path: string } | null>> {
  const checked = checkPrintParts(layout);
  if (!checked.ok) return fail('invalid-input', checked.reason);
  if (typeof suggestedName !== 'string') return fail('invalid-input', 'The PDF needs a file name.');
  const html = buildPrintDocument(checked.parts);
  const url = `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
  const win = deps.createPrintWindow();
  let pdf: Uint8Array;
  try {
    await win.loadURL(url);
    pdf = await win.webContents.printToPDF({
      printBackground: true,
      preferCSSPageSize: true,
      margins: { marginType: 'none' },
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail('io', `The PDF could not be made: ${reason}`);
  } finally {
    if (!win.isDestroyed()) win.destroy();
  }
  return deps.save(new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength), suggestedName);
}
