/** Offers a command while a component is mounted (see commandHandlers.ts). */
import { useEffect, useRef } from 'react';
import type { CommandId } from '@shared/commands/commandRegistry';
import { registerCommand } from './commandHandlers';

/** Handles `id` while mounted; `enabled` false keeps it out of the palette and ignores it. */
export function useCommand(id: CommandId, handler: () => void, enabled = true): void {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => registerCommand(id, { run: () => ref.current(), enabled }), [id, enabled]);
}
