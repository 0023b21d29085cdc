/**
 * Splitting a stored document into pieces applied one per task: the pieces, applied in order, give the
 * very document the whole update gives — every deal, every edit and deletion, text with emoji and accents,
 * XML nodes, binaries, subdocuments, several writers — whatever the piece size.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { splitUpdate } from '../../../../shared/collab/splitUpdate';
import { importDeals, readDeals, removeDeal, updateDeal } from '../../../../shared/collab/notes';
import { companyDeals, companyNarrativeIds } from '../../../../bench/pages/companyDeals';

const writer = { author: 'Ana', now: 1_000 };

/** A document written by three clients, with every kind of content Yjs stores, and deletions. */
function mixedDoc(): Y.Doc {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const c = new Y.Doc();
  const sync = (): void => {
    for (const from of [a, b, c])
      for (const to of [a, b, c]) if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from));
  };
  a.getText('text').insert(0, 'Grüße 👋🏽 from Zürich — ');
  a.getMap('m').set('n', 42);
  a.getMap('m').set('big', 2 ** 40);
  a.getMap('m').set('neg', -7);
  a.getMap('m').set('f', 1.5);
  a.getMap('m').set('flags', [true, false, null, undefined, { nested: ['x', 1] }]);
  a.getMap('m').set('bytes', new Uint8Array([1, 2, 3]));
  a.getMap('m').set('big-int', BigInt(12));
  sync();
  b.getText('text').insert(3, '✓ b was here ');
  b.getText('text').format(0, 4, { bold: true });
  b.getText('text').insertEmbed(2, { image: 'x.png' });
  b.getArray('list').insert(0, [new Y.Map(), new Y.Text('inner 😀'), 'plain']);
  b.getXmlFragment('xml').insert(0, [new Y.XmlElement('p'), new Y.XmlText('hello')]);
  b.getMap('docs').set('sub', new Y.Doc({ guid: 'sub-1' }));
  sync();
  c.getText('text').delete(1, 5);
  c.getMap('m').delete('f');
  c.getMap('m').set('n', 43);
  c.getArray('list').delete(2, 1);
  sync();
  importDeals(c, companyDeals(40, companyNarrativeIds()), writer);
  const ids = readDeals(c).map((d) => d.id);
  for (const id of ids.slice(0, 10)) updateDeal(c, id, { note: 'Followed up 👍' }, writer);
  for (const id of ids.slice(10, 15)) removeDeal(c, id, writer);
  sync();
  return a;
}

function applyPieces(pieces: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const piece of pieces) Y.applyUpdate(doc, piece);
  return doc;
}

function sameDocument(actual: Y.Doc, expected: Y.Doc): void {
  expect(actual.store.pendingStructs).toBeNull();
  expect(actual.store.pendingDs).toBeNull();
  expect(Y.encodeStateVector(actual)).toEqual(Y.encodeStateVector(expected));
  // Same content and same deletions: the state of each is fully contained in the other.
  expect(Y.encodeStateAsUpdate(actual)).toEqual(Y.encodeStateAsUpdate(expected));
  expect(actual.getText('text').toDelta()).toEqual(expected.getText('text').toDelta());
  expect(actual.getMap('m').toJSON()).toEqual(expected.getMap('m').toJSON());
  expect(actual.getXmlFragment('xml').toString()).toEqual(expected.getXmlFragment('xml').toString());
  expect(readDeals(actual)).toEqual(readDeals(expected));
}

describe('splitUpdate', () => {
  it('gives back a small update as it is', () => {
    const update = Y.encodeStateAsUpdate(mixedDoc());
    expect(splitUpdate(update, update.length)).toEqual([update]);
  });

  it('pieces applied in order make the same document, at every piece size', () => {
    const doc = mixedDoc();
    const update = Y.encodeStateAsUpdate(doc);
    const expected = applyPieces([update]);
    for (const size of [1, 7, 64, 500, 4_000, update.length - 1]) {
      const pieces = splitUpdate(update, size);
      expect(pieces.length).toBeGreaterThan(1);
      sameDocument(applyPieces(pieces), expected);
    }
  });

  it('keeps every deal of a large log, its field changes and its deletions', () => {
    const doc = new Y.Doc();
    importDeals(doc, companyDeals(2_000, companyNarrativeIds()), writer);
    const ids = readDeals(doc).map((d) => d.id);
    for (const id of ids.slice(0, 300)) updateDeal(doc, id, { stage: 'Negotiation', amount: 99 }, writer);
    for (const id of ids.slice(300, 350)) removeDeal(doc, id, writer);
    const update = Y.encodeStateAsUpdate(doc);
    const pieces = splitUpdate(update, 64 * 1024);
    expect(pieces.length).toBeGreaterThan(5);
    // No piece much larger than asked (one struct may overshoot by its own size).
    for (const piece of pieces) expect(piece.length).toBeLessThan(80 * 1024);
    const rebuilt = applyPieces(pieces);
    sameDocument(rebuilt, doc);
    expect(readDeals(rebuilt)).toHaveLength(1_950);
  });

  it('refuses bytes that are not an update', () => {
    expect(() => splitUpdate(new Uint8Array([5, 200, 1, 2]), 1)).toThrow();
  });
});
