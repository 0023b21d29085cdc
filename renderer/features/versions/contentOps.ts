/**
 * Capture and restore of a playbook's content inside an editor update ($-prefixed). A restore is an ordinary
 * edit of the bound editor — nodes replaced, inserted, moved — so the Yjs binding turns it into an ordinary
 * update: synced to connected peers, undoable with the binding's undo, never a replaced document.
 */
import {
  $createParagraphNode,
  $getRoot,
  $isElementNode,
  $parseSerializedNode,
  type LexicalNode,
  type SerializedLexicalNode,
} from 'lexical';
import {
  canonicalNode,
  contentNarratives,
  isNarrativeBlock,
  type ContentNode,
  type VersionContent,
} from '@shared/versions/versionContent';
import { $isNarrativeNode } from '../../editor/nodes';

function $serializeDeep(node: LexicalNode): ContentNode {
  const json = node.exportJSON() as unknown as ContentNode;
  if ($isElementNode(node)) json.children = node.getChildren().map($serializeDeep);
  return json;
}

/** The content of the editor's playbook now: every top-level block, canonical. */
export function $captureContent(): VersionContent {
  return {
    blocks: $getRoot()
      .getChildren()
      .map((n) => canonicalNode($serializeDeep(n))),
  };
}

function $build(block: ContentNode): LexicalNode {
  return $parseSerializedNode(block as unknown as SerializedLexicalNode);
}

function blockKey(node: LexicalNode): string | null {
  return $isNarrativeNode(node) ? node.getNarrativeId() : null;
}

/**
 * Brings one narrative back as it was in `content`: replaces it where it stands, or — when it has been
 * deleted since — puts it back after the narrative that preceded it then. Returns false when the version
 * does not hold that narrative.
 */
export function $restoreNarrative(content: VersionContent, narrativeId: string): boolean {
  const narratives = contentNarratives(content);
  const index = narratives.findIndex((n) => n.narrativeId === narrativeId);
  const saved = narratives[index];
  if (saved === undefined) return false;
  const root = $getRoot();
  const current = root.getChildren().find((n) => blockKey(n) === narrativeId);
  const node = $build(saved);
  if (current) {
    current.replace(node);
    return true;
  }
  for (let i = index - 1; i >= 0; i--) {
    const previous = root.getChildren().find((n) => blockKey(n) === narratives[i]!.narrativeId);
    if (previous) {
      previous.insertAfter(node);
      return true;
    }
  }
  const firstNarrative = root.getChildren().find($isNarrativeNode);
  if (firstNarrative) firstNarrative.insertBefore(node);
  else root.append(node);
  return true;
}

/**
 * Makes the whole playbook what it was in `content`, touching only what differs: unchanged narratives stay
 * the same nodes (so collaborators' carets in them survive), changed ones are replaced, missing ones come
 * back, extra ones go, and blocks move only when they are out of place.
 */
export function $restorePlaybook(content: VersionContent): void {
  const root = $getRoot();
  const current = new Map<string, LexicalNode>();
  for (const child of root.getChildren()) {
    const id = blockKey(child);
    if (id !== null) current.set(id, child);
  }
  const target: LexicalNode[] = [];
  const kept = new Set<LexicalNode>();
  for (const block of content.blocks) {
    const existing = isNarrativeBlock(block) ? current.get(block.narrativeId) : undefined;
    if (existing && JSON.stringify(canonicalNode($serializeDeep(existing))) === JSON.stringify(block)) {
      target.push(existing);
      kept.add(existing);
    } else target.push($build(block));
  }
  for (const child of root.getChildren()) if (!kept.has(child)) child.remove();
  target.forEach((node, i) => {
    const previous = target[i - 1];
    if (previous === undefined) {
      const first = root.getFirstChild();
      if (first !== node) {
        if (first) first.insertBefore(node);
        else root.append(node);
      }
    } else if (previous.getNextSibling() !== node) previous.insertAfter(node);
  });
  if (root.getChildrenSize() === 0) root.append($createParagraphNode());
}
