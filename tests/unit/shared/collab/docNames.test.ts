import { describe, expect, it } from 'vitest';
import {
  directoryDocName,
  notesDocName,
  parseDocName,
  playbookDocName,
  versionsDocName,
  approvalsDocName,
} from '../../../../shared/collab/docNames';

const ID_64 = 'a'.repeat(64);
const ID_65 = 'a'.repeat(65);

describe('document names (what the sync server routes on)', () => {
  it('are written in the documented forms', () => {
    expect(directoryDocName('acme')).toBe('acme/directory');
    expect(playbookDocName('acme', 'p1')).toBe('acme/playbook/p1');
    expect(notesDocName('acme', 'p1')).toBe('acme/notes/p1');
    expect(versionsDocName('acme', 'p1')).toBe('acme/versions/p1');
  });

  it('read back as what they were written from', () => {
    expect(parseDocName(directoryDocName('acme'))).toEqual({ workspaceId: 'acme', kind: 'directory', id: 'acme' });
    expect(parseDocName(playbookDocName('acme', 'p-1_X'))).toEqual({
      workspaceId: 'acme',
      kind: 'playbook',
      id: 'p-1_X',
    });
    expect(parseDocName(notesDocName('w_2', 'p9'))).toEqual({ workspaceId: 'w_2', kind: 'notes', id: 'p9' });
    expect(parseDocName(versionsDocName('w_2', 'p9'))).toEqual({ workspaceId: 'w_2', kind: 'versions', id: 'p9' });
    expect(parseDocName(approvalsDocName('w_2', 'p9'))).toEqual({ workspaceId: 'w_2', kind: 'approvals', id: 'p9' });
    expect(parseDocName(playbookDocName(ID_64, ID_64))).toEqual({ workspaceId: ID_64, kind: 'playbook', id: ID_64 });
  });

  it.each([
    ['a traversal to another workspace', '../x/directory'],
    ['a traversal inside the id', 'acme/playbook/..'],
    ['a dot segment as workspace', './playbook/p1'],
    ['a trailing slash', 'a/playbook/'],
    ['an extra segment', 'a/playbook/b/c'],
    ['a directory with an id', 'a/directory/x'],
    ['a leading slash', '/a/playbook/p1'],
    ['a doubled slash', 'a//playbook/p1'],
    ['a backslash path', 'a\\playbook\\p1'],
    ['an unknown kind', 'a/secrets/p1'],
    ['a kind in another case', 'a/Playbook/p1'],
    ['a missing workspace', '/directory'],
    ['only a workspace', 'acme'],
    ['an empty name', ''],
    ['a 65-character workspace id', `${ID_65}/directory`],
    ['a 65-character playbook id', `acme/playbook/${ID_65}`],
    ['a non-ASCII letter', 'acmé/directory'],
    ['a look-alike Cyrillic letter', 'аcme/playbook/p1'],
    ['an emoji id', 'acme/playbook/🚀'],
    ['a full-width slash', 'acme／playbook／p1'],
    ['a space', 'acme/playbook/p 1'],
    ['a NUL byte', 'acme/playbook/p1\u0000'],
    ['a newline', 'acme/playbook/p1\n'],
    ['a percent-encoded slash', 'acme%2Fplaybook%2Fp1'],
    ['a query string', 'acme/playbook/p1?x=1'],
    ['a URL', 'ws://evil.example/acme/directory'],
  ])('refuse %s (%j)', (_label, name) => {
    expect(parseDocName(name)).toBeNull();
  });

  it('never parse a name whose parts would not survive a round trip', () => {
    const names = [
      'acme/directory',
      'acme/playbook/p1',
      'acme/notes/p1',
      '../x/directory',
      'a/playbook/b/c',
      `${ID_65}/directory`,
    ];
    for (const name of names) {
      const parsed = parseDocName(name);
      if (parsed === null) continue;
      const rebuilt =
        parsed.kind === 'directory'
          ? directoryDocName(parsed.workspaceId)
          : parsed.kind === 'playbook'
            ? playbookDocName(parsed.workspaceId, parsed.id)
            : notesDocName(parsed.workspaceId, parsed.id);
      expect(rebuilt).toBe(name);
    }
  });
});
