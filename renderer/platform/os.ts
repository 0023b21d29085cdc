/**
 * Which operating system the renderer runs on, read once from `navigator.platform` (the same in the desktop
 * app and a browser). The one place the renderer asks.
 */

/** True on macOS, where the primary modifier is ⌘ instead of Ctrl. */
export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** True on a Linux desktop (ChromeOS reports the same, and its system-ui is a fine choice too). */
export const IS_LINUX = typeof navigator !== 'undefined' && /Linux/.test(navigator.platform);
