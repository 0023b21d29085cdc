/**
 * Delivery of menu commands to the renderer over the single main → renderer channel.
 */
import { MENU_EVENT_CHANNEL, type MenuCommand } from '@shared/ipc/contract';

/** The part of a WebContents used to deliver a command. */
export interface CommandTarget {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

/**
 * Returns the `send` function for `buildMenuTemplate`. With no live window (macOS keeps the menu after the
 * last window closes) the command has nowhere to go; that is reported, not thrown, because it is the user
 * pressing a shortcut, not a bug.
 */
export function createMenuCommandSender(getTarget: () => CommandTarget | null): (command: MenuCommand) => void {
  return (command) => {
    const target = getTarget();
    if (target === null || target.isDestroyed()) {
      console.log(`[menu] ${command} ignored: no Duet window is open`);
      return;
    }
    target.send(MENU_EVENT_CHANNEL, command);
  };
}
