/**
 * `invite`, `revoke`, `role` and `members`: manage who may connect. They open the same store as the running
 * server — the SQLite file (WAL allows both) or plain files of `--data`, or a cluster's PostgreSQL with
 * `--database-url` — so an invite works without restarting it and a revocation reaches open connections
 * (on every node) within seconds.
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
import { openPostgresStores } from '../storage/postgres/openPostgresStores';

type Values = Record<string, string | boolean | string[] | undefined>;

const inviteSchema = z.object({
  workspace: z.string().refine(isValidId, 'letters, digits, - and _ only (1–64)'),
  name: z.string().trim().min(1).max(80),
  role: z.enum(ROLES),
  'expires-in-days': z.coerce.number().positive().optional(),
  email: z.email().max(254).optional(),
});

/** Where the members live: `--database-url` (or DUET_DATABASE_URL) for a cluster, else `--data`. */
export type MembersLocation = { databaseUrl: string } | { dataDir: string };

/** Reads `--database-url` / DUET_DATABASE_URL, else `--data`; null when neither is given. */
export function membersLocation(values: Values, env: NodeJS.ProcessEnv = process.env): MembersLocation | null {
  const databaseUrl = typeof values['database-url'] === 'string' ? values['database-url'] : env.DUET_DATABASE_URL;
  if (databaseUrl !== undefined && databaseUrl !== '') return { databaseUrl };
  return typeof values.data === 'string' && values.data !== '' ? { dataDir: values.data } : null;
}

async function withMembers<T>(
  location: MembersLocation,
  run: (members: Members, secret: Buffer) => Promise<T>,
): Promise<T> {
  if ('databaseUrl' in location) {
    const stores = await openPostgresStores({ databaseUrl: location.databaseUrl, poolSize: 2 });
    try {
      return await run(stores.members, await stores.loadSecret());
    } finally {
      await stores.close();
    }
  }
  const { dataDir } = location;
  // A data directory of the file stores (e.g. the desktop app's host without node:sqlite) keeps them.
  if (hasFileStores(dataDir)) return run(new FileMemberStore(dataDir), loadSecret(dataDir));
  const db = openDatabase(dataDir);
  try {
    return await run(new MemberStore(db), loadSecret(dataDir));
  } finally {
    db.close();
  }
}

const NO_LOCATION = 'give --data DIR, or --database-url postgres://… for a cluster';

const now = () => Math.floor(Date.now() / 1000);

/** Creates a member and returns the lines to print; the token is the last line. */
export async function invite(values: Values): Promise<Result<string[]>> {
  const location = membersLocation(values);
  if (location === null) return fail('invalid-input', `invite: ${NO_LOCATION}`);
  const parsed = inviteSchema.safeParse(values);
  if (!parsed.success) {
    return fail(
      'invalid-input',
      `invite: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const args = parsed.data;
  return withMembers(location, async (members, secret) => {
    const member = await members.add(args.workspace, args.name, args.role, now(), args.email?.toLowerCase());
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
export async function revoke(values: Values): Promise<Result<string[]>> {
  const location = membersLocation(values);
  if (location === null) return fail('invalid-input', `revoke: ${NO_LOCATION}`);
  return withMembers(location, async (members, secret) => {
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
    const member = await members.get(id);
    if (member === null) return fail<string[]>('not-found', `revoke: no member ${id}`);
    const lastStoryteller = await lastStorytellerRefusal(members, member, { revoke: true });
    if (lastStoryteller !== null) return fail<string[]>('denied', `revoke: ${lastStoryteller}`);
    if (!(await members.revoke(id, now()))) return ok([`[members] ${id} (${member.name}) was already revoked`]);
    return ok([`[members] revoked ${id} (${member.name}, ${member.role} in ${member.workspace})`]);
  });
}

/** Changes a member's role (`--member ID --role ROLE`); open connections follow within ~2 s. */
export async function changeRole(values: Values): Promise<Result<string[]>> {
  const location = membersLocation(values);
  if (location === null) return fail('invalid-input', `role: ${NO_LOCATION}`);
  const id = typeof values.member === 'string' ? values.member : undefined;
  if (id === undefined) return fail('invalid-input', 'role: --member ID is required');
  const role = z.enum(ROLES).safeParse(values.role);
  if (!role.success) return fail('invalid-input', `role: --role must be one of ${ROLES.join(', ')}`);
  return withMembers(location, async (members) => {
    const member = await members.get(id);
    if (member === null) return fail<string[]>('not-found', `role: no member ${id}`);
    if (member.revokedAt !== null) return fail<string[]>('denied', `role: ${id} (${member.name}) was revoked`);
    if (member.role === role.data) return ok([`[members] ${id} (${member.name}) already is ${role.data}`]);
    const lastStoryteller = await lastStorytellerRefusal(members, member, { role: role.data });
    if (lastStoryteller !== null) return fail<string[]>('denied', `role: ${lastStoryteller}`);
    await members.setRole(id, role.data);
    return ok([`[members] ${id} (${member.name}) is now ${role.data} (was ${member.role}) in ${member.workspace}`]);
  });
}

/** Lists members, optionally of one `--workspace`. */
export async function listMembers(values: Values): Promise<Result<string[]>> {
  const location = membersLocation(values);
  if (location === null) return fail('invalid-input', `members: ${NO_LOCATION}`);
  const workspace = typeof values.workspace === 'string' ? values.workspace : undefined;
  return withMembers(location, async (members) => {
    const rows = (await members.list(workspace)).map((m) =>
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
