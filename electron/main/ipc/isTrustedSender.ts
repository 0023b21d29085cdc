/**
 * Who may call the main process. Every IPC message is checked, because anything loaded into a renderer
 * (an injected iframe, a page navigated elsewhere) can reach ipcRenderer through a preload if one slipped.
 * A sender is trusted only when it is the main frame of our own window, showing our own origin.
 */
import { isTrustedUrl, type TrustedOrigin } from '../security/trustedOrigins';

/** The part of an IPC event's sender frame we read (Electron's WebFrameMain). */
export interface SenderFrameLike {
  readonly url: string;
  readonly parent: unknown;
}

/** The part of an IpcMainInvokeEvent we read. */
export interface SenderEventLike {
  readonly sender: unknown;
  readonly senderFrame: SenderFrameLike | null;
}

/** True when a frame URL belongs to one of Duet's origins (app://duet, or the dev server in development). */
export function isTrustedSender(senderFrameUrl: unknown, origins: readonly TrustedOrigin[]): boolean {
  return isTrustedUrl(senderFrameUrl, origins);
}

/** What the sender check needs to know about the running app. */
export interface SenderCheckOptions {
  origins: readonly TrustedOrigin[];
  /** True when `sender` is the webContents of a window Duet created (not devtools, not something else). */
  isAppContents: (sender: unknown) => boolean;
}

/** Builds the per-event check `registerIpcHandlers` runs before any handler. */
export function createSenderCheck(options: SenderCheckOptions): (event: SenderEventLike) => boolean {
  return (event) => {
    const frame = event.senderFrame;
    // The frame is null once it navigated away or was destroyed: its message is stale, so it is refused.
    if (frame === null || frame === undefined) return false;
    if (frame.parent !== null) return false; // subframes never talk to main
    if (!options.isAppContents(event.sender)) return false;
    return isTrustedSender(frame.url, options.origins);
  };
}
