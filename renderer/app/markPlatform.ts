/**
 * Marks `<html data-os="linux">` on Linux before the first render, so the stylesheet can use the desktop's
 * own typefaces there (base.css says why). Read from `navigator.platform`, as the shortcuts are.
 */

/** True on a Linux desktop (ChromeOS reports the same, and its system-ui is a fine choice too). */
export const IS_LINUX = typeof navigator !== 'undefined' && /Linux/.test(navigator.platform);

/** Sets `data-os` on `root` where the stylesheet has platform rules. */
export function markPlatform(root: HTMLElement): void {
  if (IS_LINUX) root.dataset.os = 'linux';
}
