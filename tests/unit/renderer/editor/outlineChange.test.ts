// The outline re-reads its narratives only after an update that can change it: typing in a story's body
// does not (Lexical marks the root intentionally dirty on every keystroke), a title, a field, a new or moved
// narrative does.
import { $getRoot, $getSelection, $isRangeSelection, type LexicalEditor, type NodeKey } from 'lexical';
import { describe, expect, it } from 'vitest';
import { $findNarrative, $moveNarrative, $setNarrativeFields } from '../../../../renderer/editor/narrativeOps';
import { $appendSpec } from '../../../../renderer/editor/docSpec';
import { $outlineMayHaveChanged } from '../../../../renderer/editor/plugins/outlineChange';
import { headlessPlaybookEditor } from './headlessEditor';

function playbook(): LexicalEditor {
  return headlessPlaybookEditor({
    intro: [],
    narratives: [
      { id: 'a', title: 'Downtime', keyMessage: 'Every hour costs', body: [{ p: 'First story.' }] },
      { id: 'b', title: 'Safety', keyMessage: 'Fewer incidents', body: [{ p: 'Second story.' }] },
    ],
  });
}

/** Runs `change` as one update and says whether the outline would re-read after it. */
function outlineReads(editor: LexicalEditor, change: () => void): boolean {
  const rootChildren: NodeKey[] = editor.getEditorState().read(() => $getRoot().getChildrenKeys());
  let relevant: boolean | null = null;
  const stop = editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves }) => {
    relevant = editorState.read(() => $outlineMayHaveChanged(dirtyElements, dirtyLeaves, rootChildren));
  });
  editor.update(change, { discrete: true });
  stop();
  if (relevant === null) throw new Error('no update happened');
  return relevant;
}

const $typeAtEndOfBody = (id: string, text: string) => (): void => {
  const body = $findNarrative(id)!.getLastChild()!;
  body.selectEnd();
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) throw new Error('no selection');
  selection.insertText(text);
};

describe('$outlineMayHaveChanged', () => {
  it('typing in a story does not re-read the outline, even though the root is marked dirty', () => {
    const editor = playbook();
    expect(outlineReads(editor, $typeAtEndOfBody('a', ' More'))).toBe(false);
    expect(outlineReads(editor, $typeAtEndOfBody('b', 'x'))).toBe(false);
  });

  it('a title, a field, a new narrative and a move each re-read it', () => {
    const editor = playbook();
    expect(outlineReads(editor, () => $findNarrative('a')!.getFirstChild()!.selectEnd().insertText('!'))).toBe(true);
    expect(outlineReads(editor, () => void $setNarrativeFields('b', { persona: 'CFO' }))).toBe(true);
    expect(outlineReads(editor, () => void $moveNarrative('b', -1))).toBe(true);
    expect(
      outlineReads(editor, () => {
        $appendSpec({ intro: [], narratives: [{ title: 'New', keyMessage: '', body: [] }] });
      }),
    ).toBe(true);
    expect(outlineReads(editor, () => void $getRoot().getLastChild()!.remove())).toBe(true);
  });
});
