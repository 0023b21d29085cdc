/**
 * The workspace's "Needs review" list, read from what this device stores: for each playbook its narratives'
 * content hashes (headlessly), its approval decisions and workflow records, and its deal log (open deals per
 * narrative, and the review's "needs attention" verdicts). Playbooks whose documents are not on this device
 * yet are counted, not guessed at. Each playbook yields to the browser before the next, so a large workspace
 * never blocks typing.
 */
import * as Y from 'yjs';
import { readDecisions } from '@shared/collab/approvals';
import { approvalsDocName, notesDocName, playbookDocName, versionsDocName } from '@shared/collab/docNames';
import { readDeals } from '@shared/collab/notes';
import { readWorkflow } from '@shared/collab/reviewRequests';
import type { PlaybookMeta } from '@shared/domain/playbook';
import { eventsByNarrative, governanceOf } from '@shared/governance/narrativeGovernance';
import {
  needsReviewItems,
  openDealCounts,
  sortNeedsReview,
  type NeedsReviewItem,
} from '@shared/governance/needsReview';
import { needsAttention } from '@shared/stats/narrativeTrends';
import { readPlaybookDoc } from '../../editor/headless';
import { $getNarrativeNodes } from '../../editor/narrativeOps';
import type { DocStore } from '../../platform/DocStore';
import { nextTask } from '../../platform/nextTask';
import { $narrativeFacts } from './narrativeFacts';

/** The list and what it could not read. */
export interface NeedsReviewScan {
  items: NeedsReviewItem[];
  /** Playbooks with no content on this device yet (never opened here). */
  notOnDevice: number;
}

async function loadDoc(store: DocStore, name: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const loaded = await store.load(name);
  if (!loaded.ok) throw new Error(`[governance] ${name} cannot be read: ${loaded.error.message}`);
  if (loaded.value.update) Y.applyUpdate(doc, loaded.value.update);
  return doc;
}

/** Scans every playbook of the workspace; `today` is yyyy-mm-dd. */
export async function scanNeedsReview(
  store: DocStore,
  workspaceId: string,
  playbooks: readonly PlaybookMeta[],
  today: string,
): Promise<NeedsReviewScan> {
  const items: NeedsReviewItem[] = [];
  let notOnDevice = 0;
  for (const playbook of playbooks) {
    await nextTask(); // between playbooks, so a new request or a stop is heard
    const content = await loadDoc(store, playbookDocName(workspaceId, playbook.id));
    const narratives = readPlaybookDoc(content, () => $getNarrativeNodes().map($narrativeFacts));
    content.destroy();
    if (narratives.length === 0) {
      notOnDevice += 1;
      continue;
    }
    const [approvals, versions, notes] = await Promise.all([
      loadDoc(store, approvalsDocName(workspaceId, playbook.id)),
      loadDoc(store, versionsDocName(workspaceId, playbook.id)),
      loadDoc(store, notesDocName(workspaceId, playbook.id)),
    ]);
    const events = eventsByNarrative({ decisions: readDecisions(approvals), workflow: readWorkflow(versions) });
    const deals = readDeals(notes);
    for (const doc of [approvals, versions, notes]) doc.destroy();
    const context = { today, attention: new Set(needsAttention(deals, today).keys()) };
    const governed = narratives.map((n) => ({
      id: n.id,
      title: n.title,
      governance: governanceOf(n.id, n.hash, events.get(n.id) ?? [], context),
    }));
    items.push(...needsReviewItems(playbook, governed, openDealCounts(deals)));
  }
  return { items: sortNeedsReview(items), notOnDevice };
}
