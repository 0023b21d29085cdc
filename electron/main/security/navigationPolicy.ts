/**
 * What a Duet window may navigate to and open. The page never leaves Duet: navigations and redirects to
 * other origins are cancelled, and new windows are never created. Safe links (http, https, mailto) the
 * page tries to open in a new window go to the user's browser or mail client instead.
 */
import { isSafeLinkUrl } from '@shared/domain/url';
import { isTrustedUrl, type TrustedOrigin } from './trustedOrigins';

/** Whether a navigation or redirect may proceed. */
export type NavigationDecision = 'allow' | 'deny';

/** What to do with a `window.open` (or target=_blank link): always deny, maybe hand the URL to the OS. */
export interface WindowOpenDecision {
  action: 'deny';
  /** Set when the URL is a safe external link the OS should open. */
  openExternal?: string;
}

/** The same rule as the editor's links: http, https and mailto only (see shared/domain/url.ts). */
export const isSafeExternalUrl: (raw: unknown) => raw is string = isSafeLinkUrl;

/** Navigations and redirects stay inside Duet's own origins. */
export function decideNavigation(url: unknown, origins: readonly TrustedOrigin[]): NavigationDecision {
  return isTrustedUrl(url, origins) ? 'allow' : 'deny';
}

/**
 * Duet has a single window, so the page never gets a second one. An external safe link is opened by the OS;
 * a URL of our own origin is simply refused (there is no second window to show it in).
 */
export function decideWindowOpen(url: unknown, origins: readonly TrustedOrigin[]): WindowOpenDecision {
  if (isSafeExternalUrl(url) && !isTrustedUrl(url, origins)) return { action: 'deny', openExternal: url };
  return { action: 'deny' };
}
