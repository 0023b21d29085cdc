/**
 * The one set of webPreferences every Duet window gets. Kept in a pure function so a test pins each flag:
 * a regression here (say, a re-enabled nodeIntegration) would hand a compromised page the whole machine.
 */
import type { WebPreferences } from 'electron';

/** The secure preferences, with `preloadPath` (the bundled out/preload/index.cjs) as the only privileged code. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  if (typeof preloadPath !== 'string' || !preloadPath.endsWith('.cjs')) {
    // A sandboxed preload must be one bundled CommonJS file; anything else fails at runtime in a confusing way.
    throw new Error(`[security] preload must be the bundled .cjs file, got ${String(preloadPath)}`);
  }
  return {
    preload: preloadPath,
    // The page and the preload live in separate JS worlds; the page only sees what contextBridge exposes.
    contextIsolation: true,
    // The renderer process runs in Chromium's OS sandbox, and the preload gets no Node APIs.
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    // Duet is a writing tool: the OS spellchecker is a feature, and it runs outside the page.
    spellcheck: true,
  };
}
