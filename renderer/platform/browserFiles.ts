/**
 * The browser host's file picker and print frame (browserMainApi.ts), apart from it: a start needs neither, so
 * they load on the first import or PDF export.
 */
import type { PrintParts } from '@shared/deck/printDocument';
import { WORKSPACE_FILE_EXTENSION } from '@shared/format/workspaceFileExtension';

/** Asks for a .duet file with the browser's file picker; null when the person cancelled. */
export function pickFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = `.${WORKSPACE_FILE_EXTENSION}`;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve(null);
      input.remove();
    });
    document.body.append(input);
    input.click();
  });
}

/**
 * Prints the deck's print layout through the browser's print dialog: a hidden same-origin frame (it inherits
 * the app's CSP, so nothing remote or file:// loads) gets the markup and the stylesheet, adopted through
 * the CSSOM because the CSP forbids inline styles.
 */
export async function printLayout(parts: PrintParts): Promise<void> {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.position = 'fixed';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.style.border = '0';
  document.body.append(frame);
  try {
    const win = frame.contentWindow;
    const doc = frame.contentDocument;
    if (win === null || doc === null) throw new Error('[deck] the print frame has no document');
    // A constructed sheet can only be adopted by the document whose window constructed it.
    const sheet = new (win as unknown as typeof globalThis).CSSStyleSheet();
    sheet.replaceSync(parts.css);
    doc.adoptedStyleSheets = [sheet];
    doc.body.innerHTML = parts.bodyHtml; // checked by checkPrintParts: allowlisted tags, escaped text
    win.focus();
    win.print();
  } finally {
    setTimeout(() => frame.remove(), 1000);
  }
}
