/**
 * Puts the sample workspace on this device the first time it is opened. Later opens reuse what is there,
 * so edits made while exploring the sample are kept like any other work.
 */
import { directoryDocName } from '@shared/collab/docNames';
import type { DocStore } from '../../platform/DocStore';
import { seedGovernance } from '../governance';
import { Workspace } from '../workspace/Workspace';
import { SAMPLE_PLAYBOOKS, SAMPLE_WORKSPACE } from './sampleContent';

/** Ensures the sample workspace exists in `store`; returns its reference. */
export async function installSample(store: DocStore): Promise<{ id: string; name: string; sample: true }> {
  const ref = { ...SAMPLE_WORKSPACE, sample: true as const };
  const existing = await store.listDocs(directoryDocName(ref.id));
  if (existing.length > 0) return ref;
  const opened = await Workspace.open(store, ref);
  if (!opened.ok) throw new Error(`[sample] ${opened.error.message}`);
  const workspace = opened.value;
  for (const playbook of SAMPLE_PLAYBOOKS) {
    await workspace.createPlaybook({
      id: playbook.id,
      title: playbook.title,
      template: playbook.template,
      owner: playbook.owner,
      spec: playbook.spec,
    });
    // The sample's statuses become the records a storyteller would have made (the badge reads records).
    await seedGovernance(store, ref.id, playbook.id, playbook.owner);
  }
  await workspace.close();
  return ref;
}
