// A workspace never loses its last storyteller by accident: the host dialog's role change and revoke refuse
// it with a way out, and so do the `role` and `revoke` commands; with another storyteller, both go through.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { revokeHostMember, setHostMemberRole } from '../../../electron/main/host/hostMembers';
import { FileMemberStore } from '../../../server/auth/FileMemberStore';
import { buildServerOnce, invite, runCli, tempDataDir } from './helpers/serverProcess';

const NOBODY_CONNECTED = new Map<string, number>();

function store(): FileMemberStore {
  return new FileMemberStore(mkdtempSync(join(tmpdir(), 'duet-members-')));
}

describe('the last storyteller', () => {
  it('cannot be demoted or revoked from the host dialog until someone else is a storyteller', async () => {
    const members = store();
    const stella = await members.add('acme', 'Stella', 'storyteller', 1);
    const sam = await members.add('acme', 'Sam', 'sales', 1);
    await members.add('other', 'Olga', 'storyteller', 1); // another workspace's storyteller does not count

    const demoted = await setHostMemberRole(members, NOBODY_CONNECTED, { memberId: stella.id, role: 'marketing' });
    expect(demoted).toMatchObject({ ok: false, error: { code: 'denied', message: /last storyteller of acme/ } });
    expect(await revokeHostMember(members, NOBODY_CONNECTED, stella.id, 2)).toMatchObject({ ok: false });
    expect(await members.get(stella.id)).toMatchObject({ role: 'storyteller', revokedAt: null });

    expect((await setHostMemberRole(members, NOBODY_CONNECTED, { memberId: sam.id, role: 'storyteller' })).ok).toBe(
      true,
    );
    expect((await setHostMemberRole(members, NOBODY_CONNECTED, { memberId: stella.id, role: 'marketing' })).ok).toBe(
      true,
    );
    expect(await revokeHostMember(members, NOBODY_CONNECTED, sam.id, 3)).toMatchObject({ ok: false });
  });

  it('cannot be demoted or revoked with the commands either', () => {
    buildServerOnce();
    const data = tempDataDir();
    invite(data, 'acme', 'Stella', 'storyteller');
    const listed = runCli(['members', '--data', data]);
    const stellaId = listed[1]!.split('\t')[0]!;
    expect(() => runCli(['role', '--data', data, '--member', stellaId, '--role', 'viewer'])).toThrow(
      /last storyteller of acme/,
    );
    expect(() => runCli(['revoke', '--data', data, '--member', stellaId])).toThrow(/last storyteller of acme/);
    invite(data, 'acme', 'Priya', 'storyteller');
    expect(runCli(['role', '--data', data, '--member', stellaId, '--role', 'viewer']).at(-1)).toMatch(/now viewer/);
  });
});
