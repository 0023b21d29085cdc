/**
 * The exact command an admin runs to invite someone (`server/cli/memberCommands.ts` reads it), built in one
 * place for every screen that shows it: the browser client's "Invite people" and the desktop host dialog.
 */
import type { Role } from '../domain/settings';

/** The data folder the docs start the server with; the admin's own may differ. */
export const DEFAULT_SERVER_DATA_DIR = './duet-data';

/** Quotes a value for a POSIX shell, leaving plain words (ids, paths, roles) as they are. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./:-]+$/.test(value) ? value : `"${value.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** `npm run sync-server -- invite --data … --workspace … --name … --role …`. */
export function inviteCommand(input: { dataDir: string; workspaceId: string; name: string; role: Role }): string {
  return [
    'npm run sync-server -- invite',
    `--data ${shellQuote(input.dataDir)}`,
    `--workspace ${shellQuote(input.workspaceId)}`,
    `--name ${shellQuote(input.name)}`,
    `--role ${input.role}`,
  ].join(' ');
}
