/**
 * The browser implementation of the main-process contract, for the web client (and the end-to-end tests
 * that drive the renderer in plain Chromium). Settings live in localStorage, exports are downloads,
 * imports come from a file picker, and links open in a new tab with no opener.
 */
import {
  MAIN_CHANNELS,
  MAX_SECRET_LENGTH,
  SECRET_KEY_PATTERN,
  type MainApi,
  type MainChannel,
} from '@shared/ipc/contract';
import { quickSettings } from '@shared/domain/quickSettings';
import type { Settings } from '@shared/domain/settings';
import { fail, ok } from '@shared/result';
import { PART_NOT_LOADED, retryingImport } from './retryingImport';

const SETTINGS_KEY = 'duet.settings';

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
export async function readBrowserSettings(): Promise<Settings> {
  const stored = storedSettings();
  return quickSettings(stored) ?? (await loadSettingsSchema()).coerceSettings(stored);
}

/** The rest of the contract (exports, imports, links, decks, hosting), loaded on its first call. */
const loadLater = retryingImport(() => import('./browserMainApiLater'));

/** The calls answered here, at once: what the first screen asks for. */
const EAGER_CHANNELS = [
  'app:info',
  'settings:get',
  'settings:update',
  'workspace:takeOpened',
  'secrets:get',
  'secrets:set',
] as const satisfies readonly MainChannel[];

/** Every other call: answered by browserMainApiLater.ts, once it has loaded on the first of them. */
export type LaterChannel = Exclude<MainChannel, (typeof EAGER_CHANNELS)[number]>;

const LATER_CHANNELS = MAIN_CHANNELS.filter(
  (channel): channel is LaterChannel => !(EAGER_CHANNELS as readonly MainChannel[]).includes(channel),
);

/**
 * Each of those calls, loading the module on first use. A file that cannot be loaded (missing after an
 * update, a dropped connection) is an answer like the call's own failures, not an exception.
 */
function laterCalls(): Pick<MainApi, LaterChannel> {
  const call =
    (channel: LaterChannel) =>
    async (...args: unknown[]) => {
      const loaded = await loadLater().catch((error: unknown) => {
        console.error('[platform] could not load', channel, error);
        return null;
      });
      if (loaded === null) return fail('io', PART_NOT_LOADED);
      return (loaded.browserMainApiLater[channel] as (...a: unknown[]) => Promise<unknown>)(...args);
    };
  // Every channel of the list is mapped, so the object is the Pick it is declared as.
  return Object.fromEntries(LATER_CHANNELS.map((channel) => [channel, call(channel)])) as Pick<MainApi, LaterChannel>;
}

/** MainApi for a plain browser. */
export const browserMainApi: MainApi = {
  'app:info': async () => ({ version: __APP_VERSION__, platform: navigator.platform, shell: 'browser' }),

  'settings:get': () => readBrowserSettings(),

  'settings:update': async (patch) => {
    const { coerceSettings, settingsPatchSchema } = await loadSettingsSchema();
    const parsed = settingsPatchSchema.safeParse(patch);
    if (!parsed.success) return fail('invalid-input', 'Those settings are not valid.');
    // Read, merged and written with no wait in between, so two writes never lose each other's change.
    const next = coerceSettings({ ...coerceSettings(storedSettings()), ...parsed.data });
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(next));
    return ok(next);
  },

  // A browser page is never handed files by the OS; dropped files reach the page directly.
  'workspace:takeOpened': async () => ok(null),

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
  ...laterCalls(),
};
