/**
 * Commands of the playbook's features pressed before those features are in. The notes, versions and
 * governance load a moment after the text shows (PlaybookFeatures.tsx); a person who opens a playbook and at
 * once presses "Log deal", "Open review" or "Add a note" must not have the key swallowed. Until the features
 * are ready this hook offers those commands (the palette lists them, the shortcuts are heard) and remembers
 * what was asked; once they are ready it runs each through the features' own handlers — as soon as they
 * accept it (the deal log opens a moment after the features mount) and only within a few seconds, so a
 * command is never carried out long after the person has moved on.
 */
import { useEffect, useRef } from 'react';
import type { CommandId } from '@shared/commands/commandRegistry';
import { registerCommand, runCommand } from '../../commands';

/** The commands the features handle. */
const FEATURE_COMMANDS = ['review:open', 'deal:log', 'note:add'] as const satisfies readonly CommandId[];
/** How long a command pressed early waits for the features to accept it. */
export const EARLY_COMMAND_MS = 4000;

interface Asked {
  id: CommandId;
  at: number;
}

/**
 * Offers the features' commands while `ready` is false and runs the ones asked for once it is true; retried
 * whenever `parts` (the features' latest render) changes until each is accepted or too old.
 * `canWriteNotes` says whether this person may log deals and add notes at all.
 */
export function useEarlyCommands(ready: boolean, parts: unknown, canWriteNotes: boolean): void {
  const asked = useRef<Asked[]>([]);

  useEffect(() => {
    if (ready) return;
    const ask = (id: CommandId): void => {
      if (!asked.current.some((a) => a.id === id)) asked.current.push({ id, at: performance.now() });
    };
    // The palette and the shortcuts (listenForPlaybookShortcuts) reach these stand-ins like the real ones.
    const disposers = FEATURE_COMMANDS.map((id) =>
      registerCommand(id, { run: () => ask(id), enabled: id === 'review:open' || canWriteNotes }),
    );
    return () => {
      for (const dispose of disposers) dispose();
    };
  }, [ready, canWriteNotes]);

  useEffect(() => {
    if (!ready || asked.current.length === 0) return;
    const now = performance.now();
    asked.current = asked.current.filter((a) => now - a.at < EARLY_COMMAND_MS && !runCommand(a.id));
  }, [ready, parts]);
}
