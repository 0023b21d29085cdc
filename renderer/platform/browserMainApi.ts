/**
 * The browser implementation of the main-process contract, for the web client (and the end-to-end tests
 * that drive the renderer in plain Chromium). Settings live in localStorage, exports are downloads,
 * imports come from a file picker, and links open in a new tab with no opener.
 */
import {
  MAX_SECRET_LENGTH,
  MAX_WORKSPACE_FILE_BYTES,
  SECRET_KEY_PATTERN,
  type MainApi,
  type PickedFile,
} from '@shared/ipc/contract';
import { quickSettings } from '@shared/domain/quickSettings';
import type { Settings } from '@shared/domain/settings';
import { isSafeLinkUrl } from '@shared/domain/url';
import { fail, ok, type Result } from '@shared/result';
import { downloadBytes } from './downloadBytes';

const SETTINGS_KEY = 'duet.settings';
const HOSTING_NEEDS_DESKTOP =
  'Hosting needs the desktop app. Ask a teammate with Duet installed to host, or run the sync server.';

/**
 * The settings' schema (with zod), loaded when a check needs it: on a write, or when what is stored is not
 * plainly valid (quickSettings). Settings the app wrote are read without it, so the first screen does not
 * wait for zod.
 */
const loadSettingsSchema = () => import('@shared/domain/settings');

/** What is stored, parsed; {} when nothing is, or what was could not be parsed (then it is kept aside). */
function storedSettings(): unknown {
  const raw = localStorage.getItem(SETTINGS_KEY);
  if (raw === null) return {};
  try {
    return JSON.parse(raw) as unknown;
  } catch (error) {
    // Unparseable settings are not worth refusing to start over; keep the old text beside the new one.
    console.warn('[settings] stored settings were unreadable and were reset', error);
    localStorage.setItem(`${SETTINGS_KEY}.unreadable`, raw);
    return {};
  }
}

/** The stored settings, validated: every field that is not valid falls back to its default. */
async function readSettings(): Promise<Settings> {
  const stored = storedSettings();
  return quickSettings(stored) ?? (await loadSettingsSchema()).coerceSettings(stored);
}

/** The file picker and the print frame, loaded on the first import or PDF export. */
const loadBrowserFiles = () => import('./browserFiles');

const EXPORT_TYPES = {
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  pdf: 'application/pdf',
  md: 'text/markdown;charset=utf-8',
} as const;

/** MainApi for a plain browser. */
export const browserMainApi: MainApi = {
  'app:info': async () => ({ version: __APP_VERSION__, platform: navigator.platform, shell: 'browser' }),

  'settings:get': () => readSettings(),

  'settings:update': async (patch) => {
    const { coerceSettings, settingsPatchSchema } = await loadSettingsSchema();
    const parsed = settingsPatchSchema.safeParse(patch);
    if (!parsed.success) return fail('invalid-input', 'Those settings are not valid.');
    // Read, merged and written with no wait in between, so two writes never lose each other's change.
    const next = coerceSettings({ ...coerceSettings(storedSettings()), ...parsed.data });
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(next));
    return ok(next);
  },

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

  // A browser page is never handed files by the OS; dropped files reach the page directly.
  'workspace:takeOpened': async () => ok(null),

  'shell:openExternal': async (url) => {
    if (!isSafeLinkUrl(url)) return fail('denied', 'Only web (http, https) and email (mailto) links can be opened.');
    window.open(url, '_blank', 'noopener,noreferrer');
    return ok(null);
  },

  // The browser has no OS keychain: tokens live in this origin's storage, like any web app's session.
  'secrets:get': async (key) => {
    if (!SECRET_KEY_PATTERN.test(key)) return fail('invalid-input', 'Invalid secret name.');
    return ok(localStorage.getItem(`duet.secret.${key}`));
  },

  'secrets:set': async (key, value) => {
    if (!SECRET_KEY_PATTERN.test(key)) return fail('invalid-input', 'Invalid secret name.');
    if (value === null) localStorage.removeItem(`duet.secret.${key}`);
    else if (value.length > MAX_SECRET_LENGTH) return fail('invalid-input', 'That token is not valid.');
    else localStorage.setItem(`duet.secret.${key}`, value);
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
    if (!(await readSettings()).notifyDecisions) return fail('denied', 'Notifications are turned off in the settings.');
    if (typeof Notification === 'undefined' || Notification.permission !== 'granted')
      return fail('denied', 'This browser does not allow notifications from Duet.');
    new Notification(note.title.slice(0, 120), { body: note.body.slice(0, 400) });
    return ok(null);
  },
};
