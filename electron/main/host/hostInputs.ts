/**
 * Validation of the host's IPC arguments: they come from a renderer and are `unknown` until parsed.
 */
import { z } from 'zod';
import { isValidId } from '@shared/domain/ids';
import { ROLES } from '@shared/domain/settings';
import type { HostInviteInput, HostStartOptions } from '@shared/ipc/contract';
import { fail, ok, type Result } from '@shared/result';

/** Ports below 1024 need administrator rights on most systems; the UI offers 1024–65535. */
export const MIN_HOST_PORT = 1024;
/** Longest member name (same bound as the `invite` command). */
export const MAX_MEMBER_NAME = 80;

const startSchema = z
  .object({ port: z.number().int().min(MIN_HOST_PORT).max(65_535), shareOnNetwork: z.boolean() })
  .strict();

const inviteSchema = z
  .object({
    workspaceId: z.string().refine(isValidId),
    name: z.string().trim().min(1).max(MAX_MEMBER_NAME),
    role: z.enum(ROLES),
  })
  .strict();

/** Parses the options of 'host:start'. */
export function parseHostStart(value: unknown): Result<HostStartOptions> {
  const parsed = startSchema.safeParse(value);
  return parsed.success
    ? ok(parsed.data)
    : fail('invalid-input', `Choose a port between ${MIN_HOST_PORT} and 65535 (for example 4455).`);
}

/** Parses the input of 'host:invite'. */
export function parseHostInvite(value: unknown): Result<HostInviteInput> {
  const parsed = inviteSchema.safeParse(value);
  if (parsed.success) return ok(parsed.data);
  const field = parsed.error.issues[0]?.path[0];
  if (field === 'name') return fail('invalid-input', `Give the teammate a name of 1 to ${MAX_MEMBER_NAME} characters.`);
  if (field === 'role') return fail('invalid-input', `Choose a role: ${ROLES.join(', ')}.`);
  return fail('invalid-input', 'Open the workspace to invite to first.');
}
