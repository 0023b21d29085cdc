/**
 * Zod settings for the renderer. Imported first by main.tsx: zod probes for eval (`new Function`) as soon as
 * an object schema is built — at import time of shared/ — to decide whether to compile validators. Under our
 * CSP the probe is blocked and Chromium reports a CSP violation for it, although zod catches the error.
 * Validation is the same without compilation, so it must never probe.
 */
import { config } from 'zod/mini';

config({ jitless: true });
