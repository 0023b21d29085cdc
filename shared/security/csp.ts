/**
 * The Content-Security-Policy of the renderer: one string, sent by the app:// protocol handler in Electron,
 * by the static server of the browser client and in the page's meta tag, so no path serves a weaker one.
 * No remote scripts, no inline scripts, no eval, no plugins, no framing, no form posts.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "worker-src 'self' blob:",
].join('; ');

/** The custom scheme and host the desktop app serves the renderer from (never file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'duet';
/** The renderer's origin in the desktop app; storage is keyed by it, so it must never change. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
