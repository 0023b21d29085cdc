/**
 * Locks down one web contents: applied from app 'web-contents-created', so it covers the main window and
 * anything else Chromium creates (devtools, a stray frame), not only the windows we construct ourselves.
 */
import { decideNavigation, decideWindowOpen } from './navigationPolicy';
import type { TrustedOrigin } from './trustedOrigins';

/** The navigation events we police; each carries the target URL and can be cancelled. */
type NavigationEvent = 'will-navigate' | 'will-frame-navigate' | 'will-redirect';

interface CancellableNavigation {
  readonly url: string;
  preventDefault(): void;
}

/** The part of Electron's WebContents this module touches (structural, so tests pass a fake). */
export interface HardenableContents {
  on(event: NavigationEvent, listener: (details: CancellableNavigation) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  off(event: NavigationEvent, listener: (details: CancellableNavigation) => void): unknown;
  off(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** What hardening needs from the outside world. */
export interface HardeningOptions {
  origins: readonly TrustedOrigin[];
  /** Opens a URL in the user's browser or mail client (shell.openExternal). */
  openExternal: (url: string) => Promise<void>;
}

const NAVIGATION_EVENTS: readonly NavigationEvent[] = ['will-navigate', 'will-frame-navigate', 'will-redirect'];

/** Installs the navigation, window-open and webview guards; returns the disposer that removes them. */
export function hardenWebContents(contents: HardenableContents, options: HardeningOptions): () => void {
  const handleNavigation = (details: CancellableNavigation): void => {
    if (decideNavigation(details.url, options.origins) === 'deny') {
      details.preventDefault();
      console.warn(`[security] blocked navigation to ${describeUrl(details.url)}`);
    }
  };
  // <webview> is disabled in webPreferences; refusing the attach as well covers any contents that slipped by.
  const handleAttachWebview = (event: { preventDefault(): void }): void => {
    event.preventDefault();
    console.warn('[security] blocked a <webview>');
  };

  for (const name of NAVIGATION_EVENTS) contents.on(name, handleNavigation);
  contents.on('will-attach-webview', handleAttachWebview);
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url, options.origins);
    if (decision.openExternal !== undefined) {
      options.openExternal(decision.openExternal).catch((error: unknown) => {
        console.error(`[security] could not open ${describeUrl(decision.openExternal)} externally`, error);
      });
    } else {
      console.warn(`[security] blocked a new window for ${describeUrl(url)}`);
    }
    return { action: 'deny' };
  });

  return () => {
    for (const name of NAVIGATION_EVENTS) contents.off(name, handleNavigation);
    contents.off('will-attach-webview', handleAttachWebview);
    // Dropping the handler would let Chromium open windows again, so the disposer keeps "deny".
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  };
}

/** Logs never carry a hostile multi-megabyte URL in full. */
function describeUrl(url: unknown): string {
  const text = String(url);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
