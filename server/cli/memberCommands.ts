/**
 * `invite`, `revoke`, `role` and `members`: manage who may connect. They open the same SQLite file as a running
 * server (WAL allows both), so an invite works without restarting it and a revocation reaches open
 * connections within seconds.
 */
import { z } from 'zod';
import { isValidId } from '@shared/domain/ids';
import { ROLES } from '@shared/domain/settings';
import { fail, ok, type Result } from '@shared/result';
import { FileMemberStore } from '../auth/FileMemberStore';
import { lastStorytellerRefusal } from '../auth/keepStoryteller';
import { loadSecret } from '../auth/loadSecret';
import { MemberStore } from '../auth/MemberStore';
import type { Members } from '../auth/Members';
import { signToken, verifyToken } from '../auth/tokens';
import { openDatabase } from '../storage/openDatabase';
import { hasFileStores } from '../storage/openFileStores';

type Values = Record<string, string | boolean | string[] | undefined>;

const inviteSchema = z.object({
  data: z.string().min(1),
  workspace: z.string().refine(isValidId, 'letters, digits, - and _ only (1–64)'),
  name: z.string().trim().min(1).max(80),
  role: z.enum(ROLES),
  'expires-in-days': z.coerce.number().positive().optional(),
});

function withMembers<T>(dataDir: string, run: (members: Members, secret: Buffer) => T): T {
  // A data directory of the file stores (e.g. the desktop app's host without node:sqlite) keeps them.
  if (hasFileStores(dataDir)) return run(new FileMemberStore(dataDir), loadSecret(dataDir));
  const db = openDatabase(dataDir);
  try {
    return run(new MemberStore(db), loadSecret(dataDir));
  } finally {
    db.close();
  }
}

const now = () => Math.floor(Date.now() / 1000);

/** Creates a member and returns the lines to print; the token is the last line. */
export function invite(values: Values): Result<string[]> {
  const parsed = inviteSchema.safeParse(values);
  if (!parsed.success) {
    return fail(
      'invalid-input',
      `invite: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const args = parsed.data;
  return withMembers(args.data, (members, secret) => {
    const member = members.add(args.workspace, args.name, args.role, now());
    const days = args['expires-in-days'];
    const exp = days === undefined ? undefined : member.createdAt + Math.round(days * 86_400);
    const token = signToken(secret, {
      v: 1,
      ws: member.workspace,
      mid: member.id,
      role: member.role,
      iat: member.createdAt,
      ...(exp ? { exp } : {}),
    });
    return ok([
      `[members] invited ${member.name} as ${member.role} to ${member.workspace} (member ${member.id}${exp ? `, expires ${new Date(exp * 1000).toISOString()}` : ''})`,
      token,
    ]);
  });
}

/** Revokes a member by `--member ID` or by `--token TOKEN`. */
export function revoke(values: Values): Result<string[]> {
  const data = typeof values.data === 'string' ? values.data : undefined;
  if (data === undefined) return fail('invalid-input', 'revoke: --data is required');
  return withMembers(data, (members, secret) => {
    let id = typeof values.member === 'string' ? values.member : undefined;
    if (id === undefined && typeof values.token === 'string') {
      // An expired token may still be revoked, so check it as of the epoch.
      const claims = verifyToken(secret, values.token, 0);
      if (!claims.ok)
        return fail<string[]>(
          'invalid-input',
          `revoke: that token was not issued by this server (${claims.error.message})`,
        );
      id = claims.value.mid;
    }
    if (id === undefined) return fail<string[]>('invalid-input', 'revoke: give --member ID or --token TOKEN');
    const member = members.get(id);
    if (member === null) return fail<string[]>('not-found', `revoke: no member ${id}`);
    const lastStoryteller = lastStorytellerRefusal(members, member, { revoke: true });
    if (lastStoryteller !== null) return fail<string[]>('denied', `revoke: ${lastStoryteller}`);
    if (!members.revoke(id, now())) return ok([`[members] ${id} (${member.name}) was already revoked`]);
    return ok([`[members] revoked ${id} (${member.name}, ${member.role} in ${member.workspace})`]);
  });
}

/** Changes a member's role (`--member ID --role ROLE`); open connections follow within ~2 s. */
export function changeRole(values: Values): Result<string[]> {
  const data = typeof values.data === 'string' ? values.data : undefined;
  if (data === undefined) return fail('invalid-input', 'role: --data is required');
  const id = typeof values.member === 'string' ? values.member : undefined;
  if (id === undefined) return fail('invalid-input', 'role: --member ID is required');
  const role = z.enum(ROLES).safeParse(values.role);
  if (!role.success) return fail('invalid-input', `role: --role must be one of ${ROLES.join(', ')}`);
  return withMembers(data, (members) => {
    const member = members.get(id);
    if (member === null) return fail<string[]>('not-found', `role: no member ${id}`);
    if (member.revokedAt !== null) return fail<string[]>('denied', `role: ${id} (${member.name}) was revoked`);
    if (member.role === role.data) return ok([`[members] ${id} (${member.name}) already is ${role.data}`]);
    const lastStoryteller = lastStorytellerRefusal(members, member, { role: role.data });
    if (lastStoryteller !== null) return fail<string[]>('denied', `role: ${lastStoryteller}`);
    members.setRole(id, role.data);
    return ok([`[members] ${id} (${member.name}) is now ${role.data} (was ${member.role}) in ${member.workspace}`]);
  });
}

/** Lists members, optionally of one `--workspace`. */
export function listMembers(values: Values): Result<string[]> {
  const data = typeof values.data === 'string' ? values.data : undefined;
  if (data === undefined) return fail('invalid-input', 'members: --data is required');
  const workspace = typeof values.workspace === 'string' ? values.workspace : undefined;
  return withMembers(data, (members) => {
    const rows = members
      .list(workspace)
      .map((m) =>
        [
          m.id,
          m.workspace,
          m.role,
          m.revokedAt === null ? 'active' : 'revoked',
          new Date(m.createdAt * 1000).toISOString(),
          m.lastSeenAt === null ? 'never' : new Date(m.lastSeenAt * 1000).toISOString(),
          m.name,
        ].join('\t'),
      );
    return ok(['id\tworkspace\trole\tstatus\tcreated\tlast seen\tname', ...rows]);
  });
}
