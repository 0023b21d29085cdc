// A version's content is captured from the editor and restored through it: every field and every rich-text
// feature comes back exactly, and a restore is an ordinary Yjs update a connected peer merges.
import { $createLinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import type { NarrativeFields } from '../../../../../shared/domain/narrative';
import * as Y from 'yjs';
import { createPlaybookDoc, readPlaybookDoc, withHeadlessPlaybook } from '../../../../../renderer/editor/headless';
import {
  $deleteNarrative,
  $findNarrative,
  $moveNarrative,
  $readNarratives,
  $setNarrativeFields,
} from '../../../../../renderer/editor/narrativeOps';
import {
  $captureContent,
  $restoreNarrative,
  $restorePlaybook,
} from '../../../../../renderer/features/versions/contentOps';
import { decodeVersionContent, encodeVersionContent } from '../../../../../shared/versions/versionContent';
import { narrativeView } from '../../../../../shared/versions/narrativeView';
import { contentNarratives } from '../../../../../shared/versions/versionContent';

const FIELDS: NarrativeFields = {
  status: 'approved',
  persona: 'CFO',
  stage: 'decision',
  owner: 'Dana',
  proofPoints: ['Acme went live in 6 days', 'Payback in 4 months'],
};

/** A playbook using every field and every rich-text feature the editor offers. */
function richDoc(): Y.Doc {
  const doc = createPlaybookDoc({
    intro: [{ h: 1, text: 'Why we win' }, { p: 'Intro paragraph.' }],
    narratives: [
      { id: 'n-rich', title: 'Time to value', keyMessage: 'Live in a week.', fields: FIELDS, body: [] },
      { id: 'n-plain', title: 'Security', keyMessage: 'SOC 2 from day one.', body: [{ p: 'Plain.' }] },
    ],
  });
  withHeadlessPlaybook(doc, (editor) =>
    editor.update(
      () => {
        const rich = $findNarrative('n-rich')!;
        const formatted = $createParagraphNode();
        const bold = $createTextNode('bold').toggleFormat('bold');
        const italic = $createTextNode(' italic').toggleFormat('italic');
        const underline = $createTextNode(' underline').toggleFormat('underline');
        const strike = $createTextNode(' strike').toggleFormat('strikethrough');
        const code = $createTextNode(' code').toggleFormat('code');
        const link = $createLinkNode('https://example.com/case').append($createTextNode('a link'));
        formatted.append(bold, italic, underline, strike, code, $createLineBreakNode(), link);
        const nested = $createListNode('bullet').append($createListItemNode().append($createTextNode('nested')));
        const list = $createListNode('bullet').append(
          $createListItemNode().append($createTextNode('first')),
          $createListItemNode().append(nested),
        );
        const numbered = $createListNode('number').append($createListItemNode().append($createTextNode('step')));
        rich.append(
          $createHeadingNode('h2').append($createTextNode('A heading')),
          formatted,
          list,
          numbered,
          $createQuoteNode().append($createTextNode('A customer quote')),
        );
      },
      { discrete: true },
    ),
  );
  return doc;
}

const capture = (doc: Y.Doc) => readPlaybookDoc(doc, $captureContent);

function restore(doc: Y.Doc, fn: () => void): void {
  withHeadlessPlaybook(doc, (editor) => editor.update(fn, { discrete: true }));
}

describe('capturing and restoring a version', () => {
  it('captures every field and rich-text feature, and the compressed bytes decode to the same content', async () => {
    const doc = richDoc();
    const content = capture(doc);
    const rich = narrativeView(contentNarratives(content)[0]!);
    expect(rich).toMatchObject({ id: 'n-rich', title: 'Time to value', keyMessage: 'Live in a week.', ...FIELDS });
    // The empty first line is the narrative's own (empty) first paragraph; the item holding the nested list
    // has no text of its own.
    expect(rich.body).toBe(
      '\nA heading\nbold italic underline strike code\na link\nfirst\n\nnested\nstep\nA customer quote',
    );
    const json = JSON.stringify(content);
    for (const feature of [
      '"format":1',
      '"format":2',
      '"format":8',
      '"format":4',
      '"format":16',
      'https://example.com/case',
    ])
      expect(json).toContain(feature);
    for (const type of ['"heading"', '"list"', '"listitem"', '"quote"', '"link"', '"linebreak"', '"narrative-title"'])
      expect(json).toContain(type);
    const decoded = await decodeVersionContent(await encodeVersionContent(content));
    expect(decoded).toEqual(content);
  });

  it('restoring the whole playbook brings back text, formats, links, lists, quotes, fields and order', () => {
    const doc = richDoc();
    const saved = capture(doc);
    restore(doc, () => {
      $setNarrativeFields('n-rich', { status: 'retired', persona: 'CTO', stage: '', owner: '', proofPoints: [] });
      $moveNarrative('n-plain', -1);
      $findNarrative('n-rich')!.getChildAtIndex(3)!.remove(); // the formatted paragraph
      $getRoot().getFirstChild()!.remove(); // the intro heading
    });
    expect(capture(doc)).not.toEqual(saved);
    restore(doc, () => $restorePlaybook(saved));
    expect(capture(doc)).toEqual(saved);
  });

  it('restoring one narrative changes only that narrative, and brings back a deleted one in its place', () => {
    const doc = createPlaybookDoc({
      intro: [],
      narratives: ['a', 'b', 'c'].map((id) => ({ id, title: `Title ${id}`, keyMessage: `Key ${id}`, body: [] })),
    });
    const saved = capture(doc);
    restore(doc, () => {
      $setNarrativeFields('a', { persona: 'Changed A' });
      $setNarrativeFields('c', { persona: 'Changed C' });
      $deleteNarrative('b');
    });
    restore(doc, () => $restoreNarrative(saved, 'a'));
    restore(doc, () => $restoreNarrative(saved, 'b'));
    const now = readPlaybookDoc(doc, $readNarratives);
    expect(now.map((n) => [n.id, n.persona])).toEqual([
      ['a', ''],
      ['b', ''],
      ['c', 'Changed C'],
    ]);
  });

  it('a restore is an ordinary update: a peer holding the document merges it', () => {
    const doc = richDoc();
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const saved = capture(doc);
    restore(doc, () => $setNarrativeFields('n-rich', { persona: 'Somebody else' }));
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(peer)));
    const before = Y.encodeStateVector(doc);
    restore(doc, () => $restoreNarrative(saved, 'n-rich'));
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc, before));
    expect(capture(peer)).toEqual(saved);
  });
});
