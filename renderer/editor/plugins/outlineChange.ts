/**
 * Whether an editor update can have changed the outline (the list of narratives, their titles and fields).
 * Typing in a story's body cannot, and re-reading 200 narratives on every keystroke cost a few milliseconds
 * per key — more on a busy machine. Lexical marks the root as intentionally dirty on every keystroke, so the
 * root counts only when its list of children changed (a narrative added, removed or moved).
 */
import { $getNodeByKey, $isRootNode, type NodeKey } from 'lexical';
import { $isNarrativeNode, $isNarrativeTitleNode } from '../nodes';

/** Call inside a read of the update's editor state; `rootChildren` are the root's children at the last read. */
export function $outlineMayHaveChanged(
  dirtyElements: ReadonlyMap<NodeKey, boolean>,
  dirtyLeaves: ReadonlySet<NodeKey>,
  rootChildren: readonly NodeKey[],
): boolean {
  for (const [key, intentional] of dirtyElements) {
    if (!intentional) continue;
    const node = $getNodeByKey(key);
    if (node === null || $isNarrativeNode(node) || $isNarrativeTitleNode(node)) return true;
    if ($isRootNode(node) && !sameKeys(node.getChildrenKeys(), rootChildren)) return true;
  }
  for (const key of dirtyLeaves) {
    if ($isNarrativeTitleNode($getNodeByKey(key)?.getParent())) return true;
  }
  return false;
}

function sameKeys(a: readonly NodeKey[], b: readonly NodeKey[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}
