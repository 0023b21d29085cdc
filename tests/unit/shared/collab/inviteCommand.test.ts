// The command shown to the admin is run, as shown, against the real server CLI: if the CLI's syntax ever
// changes, this fails instead of a teammate's invite.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_DATA_DIR, inviteCommand } from '@shared/collab/inviteCommand';
import { readInviteClaims } from '@shared/collab/inviteToken';
import { buildServerOnce, CLI } from '../../server/helpers/serverProcess';

let cwd: string;
beforeAll(() => {
  buildServerOnce();
  cwd = mkdtempSync(join(tmpdir(), 'duet-invite-'));
}, 120_000);
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

function run(command: string): string {
  const prefix = 'npm run sync-server -- ';
  expect(command.startsWith(prefix)).toBe(true);
  // What `npm run sync-server --` runs after its build, through a real shell so the quoting is tested too.
  const script = `"${process.execPath}" "${CLI}" ${command.slice(prefix.length)}`;
  return execFileSync('sh', ['-c', script], { cwd, encoding: 'utf8' }).trimEnd().split('\n').at(-1)!;
}

describe('inviteCommand', () => {
  it('invites into the given workspace with the given role', () => {
    const command = inviteCommand({
      dataDir: DEFAULT_SERVER_DATA_DIR,
      workspaceId: 'acme',
      name: 'Rep',
      role: 'sales',
    });
    expect(command).toBe('npm run sync-server -- invite --data ./duet-data --workspace acme --name Rep --role sales');
    expect(readInviteClaims(run(command))).toMatchObject({ workspaceId: 'acme', role: 'sales' });
  });

  it('keeps a name with spaces, quotes and shell characters intact', () => {
    const name = 'Zoë "Z" O’Brien $HOME `x`';
    const command = inviteCommand({ dataDir: DEFAULT_SERVER_DATA_DIR, workspaceId: 'team_1', name, role: 'viewer' });
    const token = run(command);
    expect(readInviteClaims(token)).toMatchObject({ workspaceId: 'team_1', role: 'viewer' });
    const members = execFileSync(process.execPath, [CLI, 'members', '--data', DEFAULT_SERVER_DATA_DIR], {
      cwd,
      encoding: 'utf8',
    });
    expect(members).toContain(name);
  });
});
