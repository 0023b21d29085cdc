import { describe, expect, it } from 'vitest';
import { failedModuleUrl } from '../../../../renderer/ui/lazyPart';

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
