/**
 * Commands of the playbook's features pressed before those features are in. The notes, versions and
 * governance load a moment after the text shows (PlaybookFeatures.tsx), and the notes' own handlers a moment
 * after that (the "Add note" offer once the notes document is open); a person who opens a playbook and at
 * once presses "Log deal", "Open review" or "Add a note" must not have the key swallowed. While the playbook
 * is shown this hook offers those commands as fallbacks — heard only while no real handler is registered,
 * so the palette lists them and the shortcuts are heard in the gap — and remembers what was asked. Each is
 * run through the features' own handler as soon as one accepts it, and only within a few seconds, so a
 * command is never carried out long after the person has moved on.
 */
import { useEffect, useRef } from 'react';
import type { CommandId } from '@shared/commands/commandRegistry';
import { onCommandsChanged, registerCommand, runCommand } from '../../commands';

/** The commands the features handle. */
const FEATURE_COMMANDS = ['review:open', 'deal:log', 'note:add'] as const satisfies readonly CommandId[];
/** How long a command pressed early waits for the features to accept it. */
export const EARLY_COMMAND_MS = 4000;

interface Asked {
  id: CommandId;
  at: number;
}

/**
 * Offers the features' commands until their own handlers are registered and runs the ones asked for once a
 * handler accepts them; tried again whenever a handler comes or goes and whenever `parts` (the features'
 * latest render) changes, until each is accepted or too old. `canWriteNotes` says whether this person may
 * log deals and add notes at all.
 */
export function useEarlyCommands(parts: unknown, canWriteNotes: boolean): void {
  const asked = useRef<Asked[]>([]);
  const flush = useRef(() => {
    const now = performance.now();
    asked.current = asked.current.filter(
      (a) => now - a.at < EARLY_COMMAND_MS && !runCommand(a.id, { fallbacks: false }),
    );
  });

  useEffect(() => {
    let pending = false;
    const ask = (id: CommandId): void => {
      if (!asked.current.some((a) => a.id === id)) asked.current.push({ id, at: performance.now() });
    };
    // A handler registers in its component's effect: it is run once that commit is over, not inside it.
    const flushSoon = (): void => {
      if (pending || asked.current.length === 0) return;
      pending = true;
      queueMicrotask(() => {
        pending = false;
        flush.current();
      });
    };
    // The palette and the shortcuts (listenForPlaybookShortcuts) reach these stand-ins like the real ones.
    const disposers = FEATURE_COMMANDS.map((id) =>
      registerCommand(id, {
        run: () => ask(id),
        enabled: id === 'review:open' || canWriteNotes,
        fallback: true,
      }),
    );
    disposers.push(onCommandsChanged(flushSoon));
    return () => {
      for (const dispose of disposers) dispose();
    };
  }, [canWriteNotes]);

  useEffect(() => {
    if (asked.current.length > 0) flush.current();
  }, [parts]);
}
