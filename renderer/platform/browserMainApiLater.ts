/**
 * The browser client's main-process contract beyond what its first screen needs (browserMainApi.ts): exports
 * and imports, links, decks, notifications and the hosting calls a web page cannot make. Loaded on the first
 * such call, so the first screen parses none of it.
 */
import { MAX_WORKSPACE_FILE_BYTES, type MainApi, type PickedFile } from '@shared/ipc/contract';
import { isSafeLinkUrl } from '@shared/domain/url';
import { fail, ok, type Result } from '@shared/result';
import { downloadBytes } from './downloadBytes';
import { readBrowserSettings, type LaterChannel } from './browserMainApi';

const HOSTING_NEEDS_DESKTOP =
  'Hosting needs the desktop app. Ask a teammate with Duet installed to host, or run the sync server.';

/** The file picker and the print frame, loaded on the first import or PDF export. */
const loadBrowserFiles = () => import('./browserFiles');

const EXPORT_TYPES = {
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  pdf: 'application/pdf',
  md: 'text/markdown;charset=utf-8',
} as const;

/** Those calls, for a plain browser. */
export const browserMainApiLater: Pick<MainApi, LaterChannel> = {
  'workspace:export': async (bytes, suggestedName) => {
    if (bytes.byteLength > MAX_WORKSPACE_FILE_BYTES) return fail('too-large', 'This workspace is too large to export.');
    downloadBytes(bytes, suggestedName, 'application/octet-stream');
    return ok({ path: suggestedName });
  },

  'workspace:import': async (): Promise<Result<PickedFile | null>> => {
    const file = await (await loadBrowserFiles()).pickFile();
    if (file === null) return ok(null);
    if (file.size > MAX_WORKSPACE_FILE_BYTES) {
      return fail(
        'too-large',
        `${file.name} is larger than ${MAX_WORKSPACE_FILE_BYTES / 1024 / 1024} MB and was not read.`,
      );
    }
    return ok({ fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  },

  'shell:openExternal': async (url) => {
    if (!isSafeLinkUrl(url)) return fail('denied', 'Only web (http, https) and email (mailto) links can be opened.');
    window.open(url, '_blank', 'noopener,noreferrer');
    return ok(null);
  },

  'deck:save': async (bytes, suggestedName, kind) => {
    // Loaded on the first export, like the deck builder that asks for it.
    const { isExportKind, sanitizeExportFileName } = await import('@shared/deck/exportFileName');
    if (!isExportKind(kind)) return fail('invalid-input', 'Duet exports PowerPoint, PDF and Markdown files only.');
    const fileName = sanitizeExportFileName(suggestedName, kind);
    downloadBytes(bytes, fileName, EXPORT_TYPES[kind]);
    return ok({ path: fileName });
  },

  'deck:printToPdf': async (layout) => {
    const { checkPrintParts } = await import('@shared/deck/printDocument');
    const checked = checkPrintParts(layout);
    if (!checked.ok) return fail('invalid-input', checked.reason);
    await (await loadBrowserFiles()).printLayout(checked.parts);
    return ok(null); // the print dialog decides where the PDF goes; the page is not told
  },

  // A web page cannot open a listening socket: hosting is the desktop app's (the UI hides it here).
  'host:start': async () => fail('denied', HOSTING_NEEDS_DESKTOP),
  'host:stop': async () => fail('denied', HOSTING_NEEDS_DESKTOP),
  'host:status': async () => fail('denied', HOSTING_NEEDS_DESKTOP),
  'host:invite': async () => fail('denied', HOSTING_NEEDS_DESKTOP),
  'host:members': async () => fail('denied', HOSTING_NEEDS_DESKTOP),
  'host:setRole': async () => fail('denied', HOSTING_NEEDS_DESKTOP),
  'host:revoke': async () => fail('denied', HOSTING_NEEDS_DESKTOP),

  // The web client uses the browser's notifications when the person allowed them for this site.
  'notify:show': async (note) => {
    if (!(await readBrowserSettings()).notifyDecisions)
      return fail('denied', 'Notifications are turned off in the settings.');
    if (typeof Notification === 'undefined' || Notification.permission !== 'granted')
      return fail('denied', 'This browser does not allow notifications from Duet.');
    new Notification(note.title.slice(0, 120), { body: note.body.slice(0, 400) });
    return ok(null);
  },
};
