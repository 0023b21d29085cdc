/**
 * The renderer's single way to reach the host: in the desktop app through the preload's `window.duet`
 * bridge (IPC to the main process), in a browser through the browser implementation of the same contract.
 * Nothing else in the renderer knows which one it runs in.
 */
import type { DuetBridge, MainApi, MainChannel, MenuCommand } from '@shared/ipc/contract';
import { browserMainApi } from './browserMainApi';
import { listenForBrowserShortcuts } from './browserShortcuts';

declare global {
  interface Window {
    /** Present only in the desktop app (exposed by the preload). */
    duet?: DuetBridge;
  }
}

/** What the renderer uses to talk to its host. */
export interface Platform {
  readonly shell: 'electron' | 'browser';
  invoke<C extends MainChannel>(channel: C, ...args: Parameters<MainApi[C]>): ReturnType<MainApi[C]>;
  /** Subscribes to menu commands (native menu, or keyboard shortcuts in the browser); returns the disposer. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

function createPlatform(): Platform {
  const bridge = window.duet;
  if (bridge) {
    return {
      shell: 'electron',
      invoke: (channel, ...args) => bridge.invoke(channel, ...args),
      onMenuCommand: (listener) => bridge.onMenuCommand(listener),
    };
  }
  return {
    shell: 'browser',
    invoke: (channel, ...args) =>
      (browserMainApi[channel] as (...a: unknown[]) => ReturnType<MainApi[typeof channel]>)(...args),
    onMenuCommand: (listener) => listenForBrowserShortcuts(listener),
  };
}

/** The platform of this renderer. */
export const platform: Platform = createPlatform();
