/**
 * The Yjs binding writes only the branch an edit changed (renderer/editor/syncChangedSubtreesOnly.ts): a
 * keystroke in a large playbook visits a handful of elements instead of all of them, and whatever is edited —
 * text, formats, new and removed blocks, moved narratives, a narrative's fields — a second replica that only
 * receives the Yjs updates still holds exactly the editor's content, edit after edit.
 */
import { createYjsBinding } from '@lexical/yjs';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isTextNode,
  type LexicalNode,
} from 'lexical';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { PlaybookSpec } from '../../../../renderer/editor/docSpec';
import { bindHeadlessEditor, createPlaybookDoc, openHeadlessMirror } from '../../../../renderer/editor/headless';
import { $moveNarrative, $setNarrativeFields } from '../../../../renderer/editor/narrativeOps';
import { syncChangedSubtreesOnly } from '../../../../renderer/editor/syncChangedSubtreesOnly';

function spec(narratives: number, paragraphs: number): PlaybookSpec {
  return {
    intro: [{ p: 'Why we win.' }],
    narratives: Array.from({ length: narratives }, (_, n) => ({
      id: `n${n}`,
      title: `Narrative ${n}`,
      keyMessage: `Key message ${n}`,
      body: [
        ...Array.from({ length: paragraphs }, (_, p) => ({
          p: [`Paragraph ${p} of ${n} `, { text: 'bold', bold: true }],
        })),
        { ul: ['one', 'two'] },
      ],
    })),
  };
}

/** An editor bound to a document holding `source`, and a replica fed only the document's updates. */
function editorAndReplica(source: Y.Doc) {
  const doc = new Y.Doc();
  const replica = openHeadlessMirror();
  doc.on('update', (update: Uint8Array) => Y.applyUpdate(replica.doc, update));
  const bound = bindHeadlessEditor(doc);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
  bound.editor.update(() => {}, { discrete: true });
  const replicaJson = (): string => {
    replica.read(() => null);
    return JSON.stringify(replica.editor.getEditorState().toJSON());
  };
  const editorJson = (): string => JSON.stringify(bound.editor.getEditorState().toJSON());
  const dispose = (): void => {
    bound.dispose();
    replica.dispose();
    doc.destroy();
  };
  return { ...bound, doc, replicaJson, editorJson, dispose };
}

/** A small deterministic generator, so a failure names the seed that found it. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function $all(filter: (node: LexicalNode) => boolean): LexicalNode[] {
  const found: LexicalNode[] = [];
  const walk = (node: LexicalNode): void => {
    if (filter(node)) found.push(node);
    if ($isElementNode(node)) for (const child of node.getChildren()) walk(child);
  };
  walk($getRoot());
  return found;
}

/** One random edit of the kinds a writer makes. */
function $randomEdit(next: () => number, step: number): void {
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)] as T;
  const kind = Math.floor(next() * 6);
  const texts = $all($isTextNode).filter($isTextNode);
  const paragraphs = $all((n) => n.getType() === 'paragraph' && n.getParent() !== $getRoot());
  if (kind === 0) {
    const text = pick(texts);
    text.spliceText(Math.floor(next() * (text.getTextContentSize() + 1)), 0, `k${step}`);
  } else if (kind === 1) {
    pick(texts).toggleFormat('italic');
  } else if (kind === 2) {
    pick(paragraphs).insertAfter($createParagraphNode().append($createTextNode(`new ${step}`)));
  } else if (kind === 3 && paragraphs.length > 5) {
    pick(paragraphs).remove();
  } else if (kind === 4) {
    $moveNarrative(`n${Math.floor(next() * 12)}`, next() < 0.5 ? -1 : 1);
  } else {
    $setNarrativeFields(`n${Math.floor(next() * 12)}`, { persona: `Persona ${step}`, status: 'in-review' });
  }
}

let dispose: (() => void) | null = null;
afterEach(() => {
  dispose?.();
  dispose = null;
  vi.restoreAllMocks();
});

describe('the binding writes only the edited branch', () => {
  it('is installed on this Lexical (an upgrade that renames the method fails here)', () => {
    const { editor, dispose: done } = bindHeadlessEditor(new Y.Doc());
    dispose = done;
    expect(syncChangedSubtreesOnly(editor)).toBe(true);
  });

  it('a keystroke in a 2,000-paragraph playbook visits a handful of elements, and the replica gets it', () => {
    const setup = editorAndReplica(createPlaybookDoc(spec(100, 20)));
    dispose = setup.dispose;
    expect(syncChangedSubtreesOnly(setup.editor)).toBe(true);
    const probe = createYjsBinding({ editor: setup.editor, id: 'probe', doc: new Y.Doc(), docMap: new Map() });
    const visited = vi.spyOn(
      Object.getPrototypeOf(probe.root) as { syncPropertiesFromLexical: () => void },
      'syncPropertiesFromLexical',
    );
    setup.editor.update(
      () => {
        const text = $all($isTextNode).find((n) => n.getTextContent() === 'Paragraph 7 of 50 ');
        if (!$isTextNode(text)) throw new Error('paragraph missing');
        text.spliceText(0, 0, 'x');
      },
      { discrete: true },
    );
    // The root, the narrative, its body and the paragraph — not the other 2,000-odd elements.
    expect(visited.mock.calls.length).toBeLessThan(10);
    expect(visited.mock.calls.length).toBeGreaterThan(0);
    expect(setup.replicaJson()).toContain('xParagraph 7 of 50 ');
    expect(setup.replicaJson()).toBe(setup.editorJson());
  });

  it('after every one of 300 random edits the replica holds exactly the editor’s content', () => {
    for (const seed of [1, 2, 3]) {
      const setup = editorAndReplica(createPlaybookDoc(spec(12, 4)));
      dispose = setup.dispose;
      expect(syncChangedSubtreesOnly(setup.editor)).toBe(true);
      const next = random(seed);
      for (let step = 0; step < 100; step++) {
        setup.editor.update(() => $randomEdit(next, step), { discrete: true });
        expect(setup.replicaJson(), `seed ${seed}, edit ${step}`).toBe(setup.editorJson());
      }
      setup.dispose();
      dispose = null;
    }
  });
});
