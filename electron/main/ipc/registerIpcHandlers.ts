/**
 * Connects the contract's channels to their handlers. Exactly MAIN_CHANNELS are registered, each behind the
 * sender check: a refused call rejects in the renderer with an error and is logged here, because it means
 * either a bug in our own wiring or a page that should not be there.
 */
import { MAIN_CHANNELS, type MainApi, type MainChannel } from '@shared/ipc/contract';
import type { SenderEventLike } from './isTrustedSender';

/**
 * One function per channel. Arguments arrive as `unknown`: they crossed a process boundary from a renderer
 * we do not trust blindly, so every handler checks them before use.
 */
export type MainHandlers = {
  [C in MainChannel]: (...args: unknown[]) => ReturnType<MainApi[C]>;
};

/** The part of Electron's ipcMain we use. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: SenderEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** Registers every channel; returns the disposer that removes them all again. */
export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  handlers: MainHandlers,
  isTrusted: (event: SenderEventLike) => boolean,
): () => void {
  for (const channel of MAIN_CHANNELS) {
    const handler = handlers[channel];
    if (typeof handler !== 'function') throw new Error(`[ipc] no handler for ${channel}`);
    ipcMain.handle(channel, async (event, ...args) => {
      if (!isTrusted(event)) {
        const from = describeSender(event);
        console.warn(`[ipc] refused ${channel} from untrusted sender ${from}`);
        throw new Error(`[ipc] ${channel} refused: the sender is not Duet's window`);
      }
      return handler(...args);
    });
  }
  return () => {
    for (const channel of MAIN_CHANNELS) ipcMain.removeHandler(channel);
  };
}

function describeSender(event: SenderEventLike): string {
  const url = event.senderFrame?.url;
  if (typeof url !== 'string') return '(no frame)';
  return url.length > 200 ? `${url.slice(0, 200)}…` : url;
}
