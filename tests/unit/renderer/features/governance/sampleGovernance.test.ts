// @vitest-environment happy-dom
// The sample's statuses become records (the badge reads records), and the workspace's "Needs review" scan
// reads them back from the store: waiting narratives now; 100 days later every approval is overdue too.
import { describe, expect, it } from 'vitest';
import { readDecisions } from '../../../../../shared/collab/approvals';
import { approvalsDocName, playbookDocName } from '../../../../../shared/collab/docNames';
import { addDays } from '../../../../../shared/governance/narrativeGovernance';
import * as Y from 'yjs';
import { readPlaybookDoc } from '../../../../../renderer/editor/headless';
import { $readNarratives } from '../../../../../renderer/editor/narrativeOps';
import { scanNeedsReview } from '../../../../../renderer/features/governance/scanNeedsReview';
import { installSample } from '../../../../../renderer/features/sample/installSample';
import { SAMPLE_PLAYBOOKS, SAMPLE_WORKSPACE } from '../../../../../renderer/features/sample/sampleContent';
import { localDay } from '../../../../../renderer/features/versions/versionDates';
import { freshStore } from '../workspace/workspaceTestKit';

async function loadDoc(store: Awaited<ReturnType<typeof freshStore>>, name: string): Promise<Y.Doc> {
  const loaded = await store.load(name);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const doc = new Y.Doc();
  if (loaded.value.update) Y.applyUpdate(doc, loaded.value.update);
  return doc;
}

describe('sample governance', () => {
  it('approved sample narratives carry an approval record; the scan lists the waiting ones, then the overdue', async () => {
    const store = await freshStore();
    await installSample(store);
    const playbooks = SAMPLE_PLAYBOOKS.map((p) => ({ ...p, createdAt: 0, updatedAt: 0 }));
    const core = SAMPLE_PLAYBOOKS[0]!;
    const content = await loadDoc(store, playbookDocName(SAMPLE_WORKSPACE.id, core.id));
    const narratives = readPlaybookDoc(content, $readNarratives);
    const approved = narratives.filter((n) => n.status === 'approved').map((n) => n.id);
    const decisions = readDecisions(await loadDoc(store, approvalsDocName(SAMPLE_WORKSPACE.id, core.id)));
    expect(decisions.map((d) => d.narrativeId).sort()).toEqual([...approved].sort());
    expect(new Set(decisions.map((d) => d.by))).toEqual(new Set([core.owner]));

    const today = localDay(Date.now());
    const now = await scanNeedsReview(store, SAMPLE_WORKSPACE.id, playbooks, today);
    expect(now.notOnDevice).toBe(0);
    const waiting = SAMPLE_PLAYBOOKS.length > 0 ? now.items : [];
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.every((i) => i.state === 'in-review' && i.stale.length === 0)).toBe(true);

    const later = await scanNeedsReview(store, SAMPLE_WORKSPACE.id, playbooks, addDays(today, 100));
    const overdue = later.items.filter((i) => i.stale.some((s) => s.kind === 'overdue'));
    expect(overdue.map((i) => i.narrativeId)).toEqual(expect.arrayContaining(approved));
  });
});
