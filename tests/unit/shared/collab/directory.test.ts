import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addPlaybook,
  observePlaybooks,
  readPlaybook,
  readPlaybooks,
  removePlaybook,
  renamePlaybook,
  restorePlaybook,
  touchPlaybook,
} from '../../../../shared/collab/directory';
import { PLAYBOOK_TITLE_MAX, type PlaybookMeta } from '../../../../shared/domain/playbook';

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

function replicas(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  addPlaybook(a, { id: 'p1', title: 'Enterprise pitch', template: 'messaging-house', owner: 'ana' }, 100);
  sync(a, b);
  return [a, b];
}

const titles = (doc: Y.Doc): string[] =>
  readPlaybooks(doc)
    .map((p) => p.title)
    .sort();

describe('the playbook directory', () => {
  it('lists a new playbook with its title, template, owner and times', () => {
    const doc = new Y.Doc();
    const added = addPlaybook(
      doc,
      { id: 'p1', title: '  Enterprise   pitch ', template: 'persona-pitch', owner: 'ana' },
      42,
    );
    const expected: PlaybookMeta = {
      id: 'p1',
      title: 'Enterprise pitch',
      template: 'persona-pitch',
      owner: 'ana',
      createdAt: 42,
      updatedAt: 42,
    };
    expect(added).toEqual(expected);
    expect(readPlaybook(doc, 'p1')).toEqual(expected);
    expect(readPlaybooks(doc)).toEqual([expected]);
    expect(readPlaybook(doc, 'nope')).toBeNull();
  });

  it('renaming changes the title and the edit time, and says false for a playbook that is gone', () => {
    const doc = new Y.Doc();
    addPlaybook(doc, { id: 'p1', title: 'Old', template: 'blank', owner: 'ana' }, 1);
    expect(renamePlaybook(doc, 'p1', 'New name', 50)).toBe(true);
    expect(readPlaybook(doc, 'p1')).toMatchObject({ title: 'New name', createdAt: 1, updatedAt: 50 });
    expect(renamePlaybook(doc, 'missing', 'x')).toBe(false);
    expect(readPlaybooks(doc)).toHaveLength(1);
    touchPlaybook(doc, 'p1', 99);
    expect(readPlaybook(doc, 'p1')?.updatedAt).toBe(99);
  });

  it('a deleted playbook disappears and undo brings it back exactly as it was', () => {
    const doc = new Y.Doc();
    addPlaybook(doc, { id: 'p1', title: 'Keep me', template: 'persona-pitch', owner: 'bo' }, 7);
    const before = readPlaybook(doc, 'p1');
    const removed = removePlaybook(doc, 'p1');
    expect(removed).toEqual(before);
    expect(readPlaybooks(doc)).toEqual([]);
    expect(removePlaybook(doc, 'p1')).toBeNull();
    restorePlaybook(doc, removed!);
    expect(readPlaybook(doc, 'p1')).toEqual(before);
  });

  it('an observer sees the list at once and after every change, and nothing after it is disposed', () => {
    const doc = new Y.Doc();
    const seen: string[][] = [];
    const dispose = observePlaybooks(doc, (list) => seen.push(list.map((p) => p.title).sort()));
    expect(seen).toEqual([[]]);
    addPlaybook(doc, { id: 'p1', title: 'One', template: 'blank', owner: 'a' });
    renamePlaybook(doc, 'p1', 'Uno');
    addPlaybook(doc, { id: 'p2', title: 'Two', template: 'blank', owner: 'a' });
    removePlaybook(doc, 'p1');
    expect(seen).toEqual([[], ['One'], ['Uno'], ['Two', 'Uno'], ['Two']]);
    dispose();
    addPlaybook(doc, { id: 'p3', title: 'Three', template: 'blank', owner: 'a' });
    renamePlaybook(doc, 'p2', 'Dos');
    expect(seen).toHaveLength(5);
  });

  it('an observer also hears about changes arriving from another machine', () => {
    const [a, b] = replicas();
    const seen: string[][] = [];
    const dispose = observePlaybooks(b, (list) => seen.push(list.map((p) => p.title)));
    renamePlaybook(a, 'p1', 'Renamed elsewhere');
    sync(a, b);
    expect(seen.at(-1)).toEqual(['Renamed elsewhere']);
    dispose();
  });
});

describe('two people editing the directory offline', () => {
  it('renaming the same playbook differently on two machines ends with the same title on both', () => {
    const [a, b] = replicas();
    renamePlaybook(a, 'p1', 'Alpha', 200);
    renamePlaybook(b, 'p1', 'Beta', 300);
    sync(a, b);
    expect(readPlaybook(a, 'p1')).toEqual(readPlaybook(b, 'p1'));
    expect(['Alpha', 'Beta']).toContain(readPlaybook(a, 'p1')?.title);
    expect(readPlaybooks(a)).toHaveLength(1);
  });

  it('a rename on one machine and a new playbook on the other both survive', () => {
    const [a, b] = replicas();
    renamePlaybook(a, 'p1', 'Renamed');
    addPlaybook(b, { id: 'p2', title: 'Added', template: 'blank', owner: 'bo' });
    sync(a, b);
    expect(titles(a)).toEqual(['Added', 'Renamed']);
    expect(titles(b)).toEqual(titles(a));
  });

  it('a delete on one machine wins over a rename on the other, the same way on both', () => {
    const [a, b] = replicas();
    removePlaybook(a, 'p1');
    renamePlaybook(b, 'p1', 'Still here?');
    sync(a, b);
    expect(readPlaybooks(a)).toEqual(readPlaybooks(b));
    expect(readPlaybooks(a)).toEqual([]);
  });
});

describe('hostile directory content', () => {
  it('markup in a title is kept as plain text', () => {
    const doc = new Y.Doc();
    const title = '<img src=x onerror=alert(1)> {{constructor}} ${process.exit()}';
    addPlaybook(doc, { id: 'p1', title, template: 'blank', owner: '<b>bo</b>' });
    expect(readPlaybook(doc, 'p1')).toMatchObject({ title, owner: '<b>bo</b>' });
  });

  it('long titles are cut to the limit, and blank ones become "Untitled playbook"', () => {
    const doc = new Y.Doc();
    addPlaybook(doc, { id: 'p1', title: 'x'.repeat(100_000), template: 'blank', owner: 'a' });
    addPlaybook(doc, { id: 'p2', title: ' \n\t ', template: 'blank', owner: 'a' });
    renamePlaybook(doc, 'p2', 'y'.repeat(PLAYBOOK_TITLE_MAX + 1));
    expect(readPlaybook(doc, 'p1')?.title).toHaveLength(PLAYBOOK_TITLE_MAX);
    expect(readPlaybook(doc, 'p2')?.title).toBe('y'.repeat(PLAYBOOK_TITLE_MAX));
    addPlaybook(doc, { id: 'p3', title: '', template: 'blank', owner: 'a' });
    expect(readPlaybook(doc, 'p3')?.title).toBe('Untitled playbook');
  });

  it('entries written raw by a misbehaving peer are read back in shape', () => {
    const doc = new Y.Doc();
    const playbooks = doc.getMap<unknown>('playbooks');
    const entry = new Y.Map<unknown>();
    playbooks.set('evil', entry);
    entry.set('title', 'z'.repeat(1_000_000));
    entry.set('template', '__proto__');
    entry.set('owner', { toString: 'x' });
    entry.set('createdAt', 'yesterday');
    entry.set('updatedAt', Number.NaN);
    playbooks.set('not-a-map', 'just a string');
    const list = readPlaybooks(doc);
    expect(list).toHaveLength(1);
    expect(list[0]).toEqual({
      id: 'evil',
      title: 'z'.repeat(PLAYBOOK_TITLE_MAX),
      template: 'blank',
      owner: '',
      createdAt: 0,
      updatedAt: 0,
    });
    expect(readPlaybook(doc, 'not-a-map')).toBeNull();
    expect(renamePlaybook(doc, 'not-a-map', 'x')).toBe(false);
  });
});
