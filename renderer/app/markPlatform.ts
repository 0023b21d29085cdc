/**
 * Marks `<html data-os="linux">` on Linux before the first render, so the stylesheet can use the desktop's
 * own typefaces there (base.css says why).
 */
import { IS_LINUX } from '../platform/os';

/** Sets `data-os` on `root` where the stylesheet has platform rules. */
export function markPlatform(root: HTMLElement): void {
  if (IS_LINUX) root.dataset.os = 'linux';
}
