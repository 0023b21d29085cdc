/** Subscribes a component to menu commands (native menu or browser shortcuts) for as long as it is mounted. */
import { useEffect, useRef } from 'react';
import type { MenuCommand } from '@shared/ipc/contract';
import { platform } from '../../platform/platform';

/** Calls `handler` for every menu command; the latest handler is used without re-subscribing. */
export function useMenuCommand(handler: (command: MenuCommand) => void): void {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => platform.onMenuCommand((command) => ref.current(command)), []);
}
