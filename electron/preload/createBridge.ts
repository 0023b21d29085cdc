/**
 * Builds `window.duet`, the page's only door to the main process. It is the DuetBridge of the contract and
 * nothing more: no ipcRenderer, no event objects (they carry `sender`, an ipcRenderer handle), no channel
 * outside MAIN_CHANNELS, and menu commands only when they are known commands.
 */
import {
  MENU_EVENT_CHANNEL,
  isMainChannel,
  isMenuCommand,
  type DuetBridge,
  type MainApi,
  type MainChannel,
  type MenuCommand,
} from '@shared/ipc/contract';

/** The part of Electron's ipcRenderer used (structural, so tests pass a fake). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** The bridge over `ipc`, frozen so page scripts in the same world (tests) cannot swap its methods. */
export function createBridge(ipc: IpcRendererLike): DuetBridge {
  const invoke = <C extends MainChannel>(channel: C, ...args: Parameters<MainApi[C]>): ReturnType<MainApi[C]> => {
    if (!isMainChannel(channel)) {
      const name = String(channel).slice(0, 100);
      return Promise.reject(new Error(`[preload] refused unknown IPC channel "${name}"`)) as ReturnType<MainApi[C]>;
    }
    return ipc.invoke(channel, ...args) as ReturnType<MainApi[C]>;
  };

  const onMenuCommand = (listener: (command: MenuCommand) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('[preload] onMenuCommand needs a function');
    const handleMessage = (_event: unknown, command: unknown): void => {
      // Main only sends known commands; anything else means the two sides disagree, which is worth a log.
      if (!isMenuCommand(command)) {
        console.warn(`[preload] ignored unknown menu command ${String(command).slice(0, 100)}`);
        return;
      }
      listener(command);
    };
    ipc.on(MENU_EVENT_CHANNEL, handleMessage);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipc.removeListener(MENU_EVENT_CHANNEL, handleMessage);
    };
  };

  return Object.freeze({ invoke, onMenuCommand });
}
