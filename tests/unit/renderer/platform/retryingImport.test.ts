import { describe, expect, it } from 'vitest';
import { failedModuleUrl, retryingImport, withoutRetryQuery } from '../../../../renderer/platform/retryingImport';

describe('failedModuleUrl (which file "Try again" must fetch afresh)', () => {
  it('reads the URL from Chromium’s and Firefox’s messages', () => {
    expect(
      failedModuleUrl(
        new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1:5174/assets/Help-Dt.js'),
      ),
    ).toBe('http://127.0.0.1:5174/assets/Help-Dt.js');
    expect(
      failedModuleUrl(new TypeError('error loading dynamically imported module: app://duet/assets/Review-x1.js')),
    ).toBe('app://duet/assets/Review-x1.js');
  });

  it('leaves off the query of an earlier retry, so retries do not pile up queries', () => {
    expect(
      failedModuleUrl(
        new TypeError('Failed to fetch dynamically imported module: file:///opt/Duet/assets/Deck-9.js?retry=2'),
      ),
    ).toBe('file:///opt/Duet/assets/Deck-9.js');
  });

  it('is null when the message names no module (Safari), so the part imports as the first time', () => {
    expect(failedModuleUrl(new TypeError('Importing a module script failed.'))).toBeNull();
    expect(failedModuleUrl('network down')).toBeNull();
  });
});

describe('retryingImport', () => {
  it('imports as written first, and again after a failure that names no file', async () => {
    let calls = 0;
    const load = retryingImport(async () => {
      calls += 1;
      if (calls === 1) throw new TypeError('Importing a module script failed.');
      return { ok: true };
    });
    await expect(load()).rejects.toThrow('Importing a module script failed.');
    await expect(load()).resolves.toEqual({ ok: true });
    expect(calls).toBe(2);
  });

  it('fetches a failed file afresh, with a new query each time, instead of replaying the failure', async () => {
    let calls = 0;
    const load = retryingImport(async () => {
      calls += 1;
      throw new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1:9/assets/SyncLink-x.js');
    });
    await expect(load()).rejects.toThrow('SyncLink-x.js');
    // Node cannot import http: URLs; what matters is that the retry asked for the file itself, not `load()`.
    await expect(load()).rejects.toThrow(/http:/);
    expect(calls).toBe(1);
  });

  it('shows a message without the query a retry added', () => {
    expect(withoutRetryQuery('Failed to fetch dynamically imported module: app://duet/assets/Help-1.js?retry=3')).toBe(
      'Failed to fetch dynamically imported module: app://duet/assets/Help-1.js',
    );
  });
});
