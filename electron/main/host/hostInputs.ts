/**
 * Validation of the host's IPC arguments: they come from a renderer and are `unknown` until parsed.
 */
import { z } from 'zod';
import { isValidId } from '@shared/domain/ids';
import { ROLES } from '@shared/domain/settings';
import type { HostInviteInput, HostRoleChange, HostStartOptions } from '@shared/ipc/contract';
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

const roleChangeSchema = z.object({ memberId: z.string().refine(isValidId), role: z.enum(ROLES) }).strict();

/** Parses the workspace id of 'host:members'. */
export function parseHostWorkspace(value: unknown): Result<string> {
  return isValidId(value) ? ok(value) : fail('invalid-input', 'Open the workspace whose members to show first.');
}

/** Parses the member id of 'host:revoke'. */
export function parseHostMemberId(value: unknown): Result<string> {
  return isValidId(value) ? ok(value) : fail('invalid-input', 'That is not a member of this server.');
}

/** Parses the input of 'host:setRole'. */
export function parseHostRoleChange(value: unknown): Result<HostRoleChange> {
  const parsed = roleChangeSchema.safeParse(value);
  if (parsed.success) return ok(parsed.data);
  return parsed.error.issues[0]?.path[0] === 'role'
    ? fail('invalid-input', `Choose a role: ${ROLES.join(', ')}.`)
    : fail('invalid-input', 'That is not a member of this server.');
}
