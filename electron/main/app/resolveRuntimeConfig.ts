/**
 * Where the renderer comes from and which origins are Duet's, decided once at startup from the environment.
 * Environment variables only take effect in an unpackaged build: in an installed app, an environment
 * variable must not be able to point the privileged window (preload and IPC) at another server.
 */
import { APP_ORIGIN } from '@shared/security/csp';
import { isAbsolute } from 'node:path';
import { APP_TRUSTED_ORIGIN, originOf, parseUrl, type TrustedOrigin } from '../security/trustedOrigins';

/** The startup decisions. */
export interface RuntimeConfig {
  /** The URL the main window loads. */
  rendererUrl: string;
  /** Origins allowed to navigate to and to call IPC. */
  trustedOrigins: readonly TrustedOrigin[];
  /** Development conveniences (reload, devtools in the menu). */
  isDev: boolean;
  /** A separate profile folder for tests, or null for the OS default. */
  userDataDir: string | null;
}

/** Hosts a dev server may run on; anything else would put a remote page in the privileged window. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * `ELECTRON_RENDERER_URL` is set by `electron-vite dev`; `DUET_USER_DATA_DIR` by the Electron tests so they
 * never touch the user's real settings. Misconfiguration throws: starting with a wrong origin is worse.
 */
export function resolveRuntimeConfig(
  env: Readonly<Record<string, string | undefined>>,
  isPackaged: boolean,
): RuntimeConfig {
  const devUrl = isPackaged ? undefined : env.ELECTRON_RENDERER_URL;
  const userDataDir = isPackaged ? null : (env.DUET_USER_DATA_DIR ?? null);
  if (userDataDir !== null && !isAbsolute(userDataDir)) {
    throw new Error(`[main] DUET_USER_DATA_DIR must be an absolute path, got ${userDataDir}`);
  }
  if (devUrl === undefined || devUrl === '') {
    return { rendererUrl: `${APP_ORIGIN}/`, trustedOrigins: [APP_TRUSTED_ORIGIN], isDev: !isPackaged, userDataDir };
  }
  const url = parseUrl(devUrl);
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:') || !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new Error(`[main] ELECTRON_RENDERER_URL must be an http(s) URL on this machine, got ${devUrl}`);
  }
  return {
    rendererUrl: url.href,
    trustedOrigins: [APP_TRUSTED_ORIGIN, originOf(url.href)],
    isDev: true,
    userDataDir,
  };
}
