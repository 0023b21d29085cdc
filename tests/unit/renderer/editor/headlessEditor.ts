/**
 * A headless playbook editor (the app's nodes, no DOM, no Yjs) holding `spec`, for tests of what the editor's
 * plugins do on an update; `then` runs in the same first update (e.g. to place the caret).
 */
import { createHeadlessEditor } from '@lexical/headless';
import type { LexicalEditor } from 'lexical';
import { $appendSpec, type PlaybookSpec } from '../../../../renderer/editor/docSpec';
import { PLAYBOOK_NODES } from '../../../../renderer/editor/nodes';

export function headlessPlaybookEditor(spec: PlaybookSpec, then?: () => void): LexicalEditor {
  const editor = createHeadlessEditor({
    namespace: 'duet-test',
    nodes: PLAYBOOK_NODES,
    onError: (error) => {
      throw error;
    },
  });
  editor.update(
    () => {
      $appendSpec(spec);
      then?.();
    },
    { discrete: true },
  );
  return editor;
}
