/**
 * Zod settings for the renderer. Imported first by main.tsx: zod probes for eval (`new Function`) as soon as
 * an object schema is built — at import time of shared/ — to decide whether to compile validators. Under our
 * CSP the probe is blocked and Chromium reports a CSP violation for it, although zod catches the error.
 * Validation is the same without compilation, so it must never probe.
 *
 * Set on the config object zod adopts when it loads (`globalThis.__zod_globalConfig`, read by zod/v4/core as
 * its global config), so this module imports no zod: the first screen loads none (a returning user's settings
 * are checked without it, shared/domain/exactSettings.ts), and every schema is built by a chunk loaded later.
 */
const holder = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
(holder.__zod_globalConfig ??= {}).jitless = true;

export {}; // a module (imported for its effect), not a script
