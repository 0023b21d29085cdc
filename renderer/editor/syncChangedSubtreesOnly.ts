/**
 * Makes the Yjs binding write only what an edit changed instead of walking the whole playbook per keystroke.
 *
 * @lexical/yjs's V1 binding (0.52), for every local update that dirties the root — every keystroke, since
 * Lexical marks each ancestor of a changed node dirty — walks every element of the document: for each it
 * builds the previous and next child-key arrays, compares every property and node state, and recurses. In
 * the 5,000-paragraph bench playbook that walk was about 5 ms of each keystroke's 15 (a Chrome trace of
 * `npm run bench` typing: `_syncChildFromLexical` and the attribute reads below it, in the app and in the bare
 * editor alike), and it writes nothing: an unchanged subtree has nothing to sync.
 *
 * Lexical's own guarantee makes the skip exact: a change to any node marks that node dirty (an element in
 * `dirtyElements`, a leaf in `dirtyLeaves`) and every ancestor in `dirtyElements`, and a written node is a new
 * object in the new state. So a child neither dirty nor replaced is the very object of the previous state with
 * every descendant unchanged, and the binding's walk over it would compare equal values all the way down. Such
 * children are skipped; everything else goes through the binding's own code, unchanged.
 *
 * The binding's class is not exported, so its prototype is reached through a binding made for that purpose.
 * Pinned with the exact Lexical version (package.json); the unit test fails if an upgrade renames the method.
 */
import { createYjsBinding } from '@lexical/yjs';
import { $getNodeByKey, type LexicalEditor, type NodeKey, type NodeMap } from 'lexical';
import { Doc } from 'yjs';

type SyncChild = (
  this: unknown,
  binding: unknown,
  index: number,
  key: NodeKey,
  prevNodeMap: NodeMap | null,
  dirtyElements: Map<NodeKey, boolean> | null,
  dirtyLeaves: Set<NodeKey> | null,
) => void;

let installed = false;

/**
 * Installs the skip (once per page, for every V1 binding: they share the class). Returns whether it is in
 * place — false only if this Lexical has no such method, and then the binding's full walk stays as it was.
 */
export function syncChangedSubtreesOnly(editor: LexicalEditor): boolean {
  if (installed) return true;
  const doc = new Doc();
  const probe = createYjsBinding({ editor, id: 'duet-probe', doc, docMap: new Map() });
  const prototype = Object.getPrototypeOf(probe.root) as { _syncChildFromLexical?: SyncChild };
  doc.destroy(); // only its class was wanted
  const original = prototype._syncChildFromLexical;
  if (typeof original !== 'function') return false;
  prototype._syncChildFromLexical = function (binding, index, key, prevNodeMap, dirtyElements, dirtyLeaves) {
    const unchanged =
      prevNodeMap !== null &&
      dirtyElements !== null &&
      dirtyLeaves !== null &&
      !dirtyElements.has(key) &&
      !dirtyLeaves.has(key) &&
      prevNodeMap.get(key) === $getNodeByKey(key);
    if (!unchanged) original.call(this, binding, index, key, prevNodeMap, dirtyElements, dirtyLeaves);
  };
  installed = true;
  return true;
}
