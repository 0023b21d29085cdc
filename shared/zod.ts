/**
 * The zod that shared/ builds its schemas with: `zod/mini`, a quarter of classic zod's size (the renderer's
 * first screen parses every schema module), with the same checks under function names (`.check(z.maxLength(80))`
 * for `.max(80)`). Mini leaves out the messages of its built-in checks; English is installed here, once for
 * every process that validates (renderer, main, server), so a message reads as it did with classic zod:
 * "Too big: expected string to have <=80 characters".
 */
import { config, z } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export { z };

/** A failed parse in one line for the person who typed it: the first issue, naming its field. */
export function firstIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  if (!issue) return 'The entry is not valid.';
  const field = issue.path.length > 0 ? `${String(issue.path[0])}: ` : '';
  return `${field}${issue.message}`;
}
