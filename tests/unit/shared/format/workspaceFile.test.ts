import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPlaybook, readPlaybooks } from '../../../../shared/collab/directory';
import { directoryDocName, notesDocName, playbookDocName } from '../../../../shared/collab/docNames';
import {
  decodeWorkspaceFile,
  encodeWorkspaceFile,
  WORKSPACE_FILE_VERSION,
  type WorkspaceSnapshot,
} from '../../../../shared/format/workspaceFile';
import type { Result } from '../../../../shared/result';
import { buildRawFile, withChecksum } from './rawWorkspaceFile';

const WS = { id: 'ws1', name: 'Acme' };

/** A workspace of three real documents: a directory listing two playbooks, one playbook's text and notes. */
function sampleSnapshot(): WorkspaceSnapshot {
  const directory = new Y.Doc();
  addPlaybook(directory, { id: 'p1', title: 'Enterprise pitch', template: 'blank', owner: 'ana' }, 1);
  addPlaybook(directory, { id: 'p2', title: 'SMB pitch', template: 'persona-pitch', owner: 'bo' }, 2);
  const playbook = new Y.Doc();
  playbook.getText('body').insert(0, 'Live in a week, not a quarter. ✓ ünïcødé');
  playbook.getMap('meta').set('status', 'approved');
  const notes = new Y.Doc();
  notes.getArray<string>('notes').push(['Won at Globex', 'Lost at Initech']);
  return {
    workspace: WS,
    exportedAt: 1_700_000_000_000,
    docs: new Map([
      [directoryDocName('ws1'), Y.encodeStateAsUpdate(directory)],
      [playbookDocName('ws1', 'p1'), Y.encodeStateAsUpdate(playbook)],
      [notesDocName('ws1', 'p1'), Y.encodeStateAsUpdate(notes)],
    ]),
  };
}

function docFrom(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

function expectRefusal(result: Result<unknown>, code: string, message: RegExp): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe(code);
  expect(result.error.message).toMatch(message);
  // Shown to the user as is: a sentence, not a stack trace or an internal identifier.
  expect(result.error.message).toMatch(/^[A-Z].*\.$/s);
  expect(result.error.message).not.toMatch(/\bat .*\.(ts|js):\d+|undefined|\[object |is not a function|end of array/i);
}

describe('a workspace file round trip', () => {
  it('exports and re-imports every document of a workspace byte for byte, with its content intact', () => {
    const snapshot = sampleSnapshot();
    const decoded = decodeWorkspaceFile(encodeWorkspaceFile(snapshot));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.value.workspace).toEqual(WS);
    expect(decoded.value.exportedAt).toBe(1_700_000_000_000);
    expect([...decoded.value.docs.keys()].sort()).toEqual([...snapshot.docs.keys()].sort());
    for (const [name, bytes] of snapshot.docs) expect(decoded.value.docs.get(name)).toEqual(bytes);

    const directory = docFrom(decoded.value.docs.get('ws1/directory')!);
    expect(
      readPlaybooks(directory)
        .map((p) => [p.id, p.title, p.template])
        .sort(),
    ).toEqual([
      ['p1', 'Enterprise pitch', 'blank'],
      ['p2', 'SMB pitch', 'persona-pitch'],
    ]);
    const playbook = docFrom(decoded.value.docs.get('ws1/playbook/p1')!);
    expect(playbook.getText('body').toString()).toBe('Live in a week, not a quarter. ✓ ünïcødé');
    expect(playbook.getMap('meta').get('status')).toBe('approved');
    expect(docFrom(decoded.value.docs.get('ws1/notes/p1')!).getArray('notes').toArray()).toEqual([
      'Won at Globex',
      'Lost at Initech',
    ]);
  });

  it('an empty workspace round-trips too', () => {
    const decoded = decodeWorkspaceFile(encodeWorkspaceFile({ workspace: WS, exportedAt: 5, docs: new Map() }));
    expect(decoded.ok && decoded.value.docs.size).toBe(0);
  });

  it('the hand-built test files follow the same layout as the real encoder', () => {
    const snapshot = sampleSnapshot();
    const names = [...snapshot.docs.keys()].sort();
    const raw = buildRawFile({ docs: names.map((name) => ({ name, body: snapshot.docs.get(name)! })) });
    expect(raw).toEqual(encodeWorkspaceFile(snapshot));
  });

  it('exporting refuses to mix in a document of another workspace', () => {
    const snapshot = sampleSnapshot();
    snapshot.docs.set('ws2/playbook/p1', new Uint8Array([0, 0]));
    expect(() => encodeWorkspaceFile(snapshot)).toThrow(/does not belong to workspace ws1/);
  });
});

describe('files that are not Duet workspaces are refused', () => {
  it('an empty file', () => {
    expectRefusal(decodeWorkspaceFile(new Uint8Array()), 'foreign-file', /not a Duet workspace file/);
  });

  it('random bytes', () => {
    let seed = 42;
    for (const size of [1, 7, 8, 16, 100, 4096]) {
      const bytes = Uint8Array.from({ length: size }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff);
      expectRefusal(decodeWorkspaceFile(bytes), 'foreign-file', /not a Duet workspace file/);
    }
  });

  it('a PNG image, a ZIP archive and a PDF', () => {
    const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
    const zip = [0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0];
    const pdf = [...new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n')];
    for (const magic of [png, zip, pdf]) {
      expectRefusal(decodeWorkspaceFile(new Uint8Array(magic)), 'foreign-file', /Choose a file exported from Duet/);
    }
  });

  it('a file from a newer Duet says to update rather than calling the file damaged', () => {
    const file = encodeWorkspaceFile(sampleSnapshot());
    for (const version of [WORKSPACE_FILE_VERSION + 1, 0xff]) {
      const newer = file.slice();
      newer[7] = version;
      expectRefusal(decodeWorkspaceFile(newer), 'unsupported-version', /newer version of Duet.*Update Duet/);
      expect(decodeWorkspaceFile(withChecksum(newer.subarray(0, newer.length - 4))).ok).toBe(false);
    }
  });
});

describe('damaged workspace files are refused as a whole', () => {
  it('a file cut short at every possible length', () => {
    const file = encodeWorkspaceFile(sampleSnapshot());
    for (let length = 0; length < file.length; length++) {
      const result = decodeWorkspaceFile(file.subarray(0, length));
      if (length < 8) expectRefusal(result, 'foreign-file', /not a Duet workspace file/);
      else expectRefusal(result, 'corrupt', /truncated|damaged|incomplete/);
    }
  });

  it('a file with any single byte changed', () => {
    const file = encodeWorkspaceFile(sampleSnapshot());
    for (let position = 0; position < file.length; position++) {
      for (const mask of [0x01, 0x80, 0xff]) {
        const damaged = file.slice();
        damaged[position]! ^= mask;
        const result = decodeWorkspaceFile(damaged);
        expect(result.ok, `byte ${position} ^ ${mask} was accepted`).toBe(false);
        if (result.ok) continue;
        if (position < 7) expect(result.error.code).toBe('foreign-file');
        else if (position === 7) expect(['corrupt', 'unsupported-version']).toContain(result.error.code);
        else expectRefusal(result, 'corrupt', /damaged|truncated|incomplete/);
      }
    }
  });

  it('a large file with bytes changed at many sampled positions', () => {
    const doc = new Y.Doc();
    for (let i = 0; i < 400; i++) doc.getText('body').insert(0, `paragraph ${i} `);
    const file = encodeWorkspaceFile({
      workspace: WS,
      exportedAt: 1,
      docs: new Map([['ws1/playbook/big', Y.encodeStateAsUpdate(doc)]]),
    });
    for (let i = 0; i < 300; i++) {
      const damaged = file.slice();
      damaged[8 + Math.floor((((i * 7919) % 1000) / 1000) * (file.length - 8))]! ^= 1 << (i % 8);
      expectRefusal(decodeWorkspaceFile(damaged), 'corrupt', /damaged|truncated|incomplete/);
    }
  });

  it('extra bytes after the end, whether or not the checksum was recomputed', () => {
    const file = encodeWorkspaceFile(sampleSnapshot());
    for (const extra of [[0], [1, 2, 3, 4], [...new TextEncoder().encode('<script>')]]) {
      const appended = new Uint8Array([...file, ...extra]);
      expectRefusal(decodeWorkspaceFile(appended), 'corrupt', /damaged|incomplete/);
      const resealed = withChecksum(new Uint8Array([...file.subarray(0, file.length - 4), ...extra]));
      expectRefusal(decodeWorkspaceFile(resealed), 'corrupt', /extra data/);
    }
  });
});

describe('well-sealed files with a dishonest table of contents are refused', () => {
  const update = Y.encodeStateAsUpdate(docFrom(sampleSnapshot().docs.get('ws1/playbook/p1')!));

  it('a header listing a document of another workspace', () => {
    for (const name of ['ws2/playbook/p1', 'ws2/directory', '../ws1/directory', 'ws1/playbook/../../x']) {
      const file = buildRawFile({ docs: [{ name, body: update }] });
      expectRefusal(decodeWorkspaceFile(file), 'corrupt', /lists an invalid document/);
    }
  });

  it('two documents with the same name', () => {
    const file = buildRawFile({
      docs: [
        { name: 'ws1/playbook/p1', body: update },
        { name: 'ws1/playbook/p1', body: update },
      ],
    });
    expectRefusal(decodeWorkspaceFile(file), 'corrupt', /invalid document \(ws1\/playbook\/p1\)/);
  });

  it('a document whose body is not a Yjs update', () => {
    const bodies = [
      new TextEncoder().encode('{"title":"not yjs"}'),
      new Uint8Array([0xff, 0xff, 0xff]),
      new Uint8Array(),
    ];
    for (const body of bodies) {
      const file = buildRawFile({ docs: [{ name: 'ws1/playbook/p1', body }] });
      expectRefusal(
        decodeWorkspaceFile(file),
        'corrupt',
        /Document ws1\/playbook\/p1 in this file cannot be read: its contents are not in a format Duet understands/,
      );
    }
  });

  it('a document holding only later changes whose earlier ones are missing', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'first');
    const before = Y.encodeStateVector(doc);
    doc.getText('t').insert(5, ' second');
    const insertOnly = Y.encodeStateAsUpdate(doc, before);
    const beforeDelete = Y.encodeStateVector(doc);
    doc.getText('t').delete(0, 5);
    const deleteOnly = Y.encodeStateAsUpdate(doc, beforeDelete);
    for (const body of [insertOnly, deleteOnly]) {
      const file = buildRawFile({ docs: [{ name: 'ws1/playbook/p1', body }] });
      expectRefusal(
        decodeWorkspaceFile(file),
        'corrupt',
        /cannot be read: it is incomplete \(some of its changes are missing\)\. Nothing was imported\./,
      );
    }
  });

  it('a header that is not valid JSON, or JSON of the wrong shape', () => {
    for (const headerJson of [
      '{"workspace":',
      '\u0000\u0001',
      JSON.stringify({ workspace: { id: 'a/b', name: 'x' }, exportedAt: 1, docs: [] }),
    ]) {
      expectRefusal(decodeWorkspaceFile(buildRawFile({ headerJson, docs: [] })), 'corrupt', /table of contents/);
    }
  });

  it('a body whose own checksum does not match its header entry', () => {
    const file = buildRawFile({ docs: [{ name: 'ws1/playbook/p1', body: update, crc: 12345 }] });
    expectRefusal(decodeWorkspaceFile(file), 'corrupt', /Document ws1\/playbook\/p1 in this file is damaged/);
  });
});
