/**
 * What governance needs of a narrative: its id, title, owner and content hash. Kept apart from the writes
 * (governanceActions) so that code without a DOM — the Needs review worker — can read it without pulling in
 * the versions feature and its components.
 */
import { narrativeContentHash } from '@shared/governance/contentHash';
import { $readNarrative, $readNarrativeBody } from '../../editor/narrativeOps';
import type { NarrativeNode } from '../../editor/nodes';

/** The facts of one narrative node; call inside an editor read. */
export function $narrativeFacts(node: NarrativeNode): { id: string; title: string; owner: string; hash: string } {
  const summary = $readNarrative(node);
  return {
    id: summary.id,
    title: summary.title,
    owner: summary.owner,
    hash: narrativeContentHash({ ...summary, body: $readNarrativeBody(node) }),
  };
}
