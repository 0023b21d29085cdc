import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../../../../electron/main/security/secureWebPreferences';

describe('the Duet window runs its page like a web page, not like a Node program', () => {
  const prefs = secureWebPreferences('/app/out/preload/index.cjs');

  it('isolates the page from the preload and sandboxes the renderer', () => {
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true });
  });

  it('gives no Node.js to the page, its workers or its frames', () => {
    expect(prefs).toMatchObject({
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security on and every risky feature off', () => {
    expect(prefs).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
  });

  it('spellchecks what the user writes and loads exactly the bundled preload', () => {
    expect(prefs.spellcheck).toBe(true);
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('sets nothing beyond the reviewed list', () => {
    expect(Object.keys(prefs).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'experimentalFeatures',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });

  it('refuses a preload that is not the bundled CommonJS file (a sandboxed preload cannot load modules)', () => {
    expect(() => secureWebPreferences('/app/out/preload/index.js')).toThrow(/\.cjs/);
    expect(() => secureWebPreferences(undefined as unknown as string)).toThrow();
  });
});
